/* xs-evidence-viewer.c
 *
 * The widget, its controls and zoom. The file is opened by an
 * XsDocumentLoader, the page on screen is an XsPageView, the strip of
 * thumbnails an XsThumbnailStrip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-evidence-viewer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xs-document-loader.h"
#include "xs-evidence-viewer.h"
#include "xs-page-view.h"
#include "xs-thumbnail-strip.h"

static const double zoom_steps[] = {
  0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 6.0, 8.0,
};

struct _XsEvidenceViewer
{
  GtkWidget              parent_instance;

  char                  *path;
  char                  *title;
  char                  *password;
  guint                  generation;      /* one per load: older results are dropped */
  GCancellable          *load_cancellable;

  XsDocument            *document;        /* a PDF, or … */
  GdkTexture            *image;           /* … a picture */
  int                    n_pages;
  int                    page;
  char                  *zoom_mode;       /* fit-width, fit-page, actual, custom */
  double                 zoom;            /* for custom: 1.0 is 100 % */

  /* template children */
  GtkStack              *stack;
  GtkWidget             *toolbar;
  GtkWidget             *page_controls;
  GtkEntry              *page_entry;
  GtkLabel              *n_pages_label;
  GtkMenuButton         *zoom_button;
  XsPageView            *page_view;
  XsThumbnailStrip      *thumbnail_strip;
  AdwStatusPage         *password_page;
  GtkPasswordEntry      *password_entry;
  GtkLabel              *password_error;
  AdwStatusPage         *error_page;
};

G_DEFINE_FINAL_TYPE (XsEvidenceViewer, xs_evidence_viewer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_ZOOM_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_loaded (XsEvidenceViewer *self)
{
  return self->document != NULL || self->image != NULL;
}

/* Page and controls */

static void
update_controls (XsEvidenceViewer *self)
{
  g_autofree char *number = NULL;
  g_autofree char *of = NULL;
  gboolean pdf = self->document != NULL;
  gboolean loaded = is_loaded (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.previous-page", pdf && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.first-page", pdf && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.next-page", pdf && self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.last-page", pdf && self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-in", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-out", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-reset", loaded);
  gtk_widget_set_sensitive (self->toolbar, loaded);
  gtk_widget_set_visible (self->page_controls, self->image == NULL);

  if (!pdf)
    return;

  number = g_strdup_printf ("%d", self->page + 1);
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), number);
  /* Translators: after the page number entry: "[3] of 5" */
  of = g_strdup_printf (_("of %d"), self->n_pages);
  gtk_label_set_label (self->n_pages_label, of);

  if (self->thumbnail_strip != NULL)
    xs_thumbnail_strip_set_page (self->thumbnail_strip, self->page);
}

static void
set_page (XsEvidenceViewer *self,
          int               page)
{
  if (self->document == NULL)
    return;
  page = CLAMP (page, 0, self->n_pages - 1);
  if (page == self->page)
    {
      update_controls (self);   /* puts a mistyped number right */
      return;
    }

  self->page = page;
  xs_page_view_set_page (self->page_view, page);
  update_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
update_zoom_label (XsEvidenceViewer *self)
{
  g_autofree char *label = NULL;
  double scale = xs_page_view_get_scale (self->page_view);

  if (g_str_equal (self->zoom_mode, "fit-width"))
    label = g_strdup (_("Fit Width"));
  else if (g_str_equal (self->zoom_mode, "fit-page"))
    label = g_strdup (_("Fit Page"));
  else if (scale > 0)
    /* Translators: a zoom level, e.g. 125 % */
    label = g_strdup_printf (_("%d %%"), (int) round (scale / xs_page_view_get_base_scale (self->page_view) * 100));
  else
    return;
  gtk_menu_button_set_label (self->zoom_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
set_zoom_mode (XsEvidenceViewer *self,
               const char       *mode)
{
  static const char * const modes[] = { "fit-width", "fit-page", "actual", "custom", NULL };

  if (mode == NULL || !g_strv_contains (modes, mode))
    mode = "fit-width";
  if (g_strcmp0 (self->zoom_mode, mode) == 0)
    return;
  g_free (self->zoom_mode);
  self->zoom_mode = g_strdup (mode);
  xs_page_view_set_zoom (self->page_view, self->zoom_mode, self->zoom);
  update_zoom_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
}

static void
set_custom_zoom (XsEvidenceViewer *self,
                 double            zoom)
{
  self->zoom = CLAMP (zoom, XS_PAGE_VIEW_MIN_ZOOM, XS_PAGE_VIEW_MAX_ZOOM);
  if (g_str_equal (self->zoom_mode, "custom"))
    {
      xs_page_view_set_zoom (self->page_view, self->zoom_mode, self->zoom);
      update_zoom_label (self);
    }
  else
    set_zoom_mode (self, "custom");
}

static double
current_zoom (XsEvidenceViewer *self)
{
  double scale = xs_page_view_get_scale (self->page_view);

  return scale > 0 ? scale / xs_page_view_get_base_scale (self->page_view) : 1.0;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (widget);
  double zoom = current_zoom (self);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > zoom + 0.01)
      {
        set_custom_zoom (self, zoom_steps[i]);
        return;
      }
  set_custom_zoom (self, XS_PAGE_VIEW_MAX_ZOOM);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (widget);
  double zoom = current_zoom (self);

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < zoom - 0.01)
      {
        set_custom_zoom (self, zoom_steps[i - 1]);
        return;
      }
  set_custom_zoom (self, XS_PAGE_VIEW_MIN_ZOOM);
}

static const char *
default_zoom_mode (XsEvidenceViewer *self)
{
  /* Scans of A4 forms are read across; a photo is seen whole. */
  return self->image != NULL ? "fit-page" : "fit-width";
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (widget);

  set_zoom_mode (self, default_zoom_mode (self));
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (widget);

  if (g_str_equal (action_name, "viewer.previous-page"))
    set_page (self, self->page - 1);
  else if (g_str_equal (action_name, "viewer.next-page"))
    set_page (self, self->page + 1);
  else if (g_str_equal (action_name, "viewer.first-page"))
    set_page (self, 0);
  else
    set_page (self, self->n_pages - 1);
}

static void
on_page_entry_activate (XsEvidenceViewer *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->page_entry)));
  guint64 number = 0;

  if (g_ascii_string_to_unsigned (g_strstrip (text), 10, 1, G_MAXINT, &number, NULL))
    set_page (self, (int) number - 1);
  else
    update_controls (self);
}

/* Loading */

/* Shows @document or @image, just loaded, from its first page and at the
 * default zoom. */
static void
set_document (XsEvidenceViewer *self,
              XsDocument       *document,
              GdkTexture       *image)
{
  g_set_object (&self->document, document);
  g_set_object (&self->image, image);
  self->n_pages = self->document != NULL ? xs_document_get_n_pages (self->document) : 1;
  self->page = 0;
  g_free (self->zoom_mode);
  self->zoom_mode = g_strdup (default_zoom_mode (self));
  self->zoom = 1.0;

  xs_thumbnail_strip_set_document (self->thumbnail_strip, self->document);
  xs_page_view_set_zoom (self->page_view, self->zoom_mode, self->zoom);
  xs_page_view_set_document (self->page_view, self->document, self->image, FALSE);
  update_controls (self);
  update_zoom_label (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
}

/* Forgets the document and every request for it. */
static void
reset (XsEvidenceViewer *self)
{
  self->generation++;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->thumbnail_strip != NULL)
    xs_thumbnail_strip_set_document (self->thumbnail_strip, NULL);
  if (self->page_view != NULL)
    xs_page_view_set_document (self->page_view, NULL, NULL, FALSE);
  g_clear_object (&self->document);
  g_clear_object (&self->image);
  self->n_pages = 0;
  self->page = 0;
}

static void
show_error (XsEvidenceViewer *self,
            const GError     *error)
{
  g_autofree char *title = NULL;

  /* Translators: %s is the file name */
  title = g_strdup_printf (_("Cannot Show “%s”"), self->title);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
show_password_page (XsEvidenceViewer *self,
                    const GError     *error)
{
  g_autofree char *description = NULL;
  gboolean wrong = g_error_matches (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_WRONG_PASSWORD);

  /* Translators: %s is the file name */
  description = g_strdup_printf (_("Type the password of “%s” to see it. The person who sent the file can tell you the password."),
                                 self->title);
  adw_status_page_set_description (self->password_page, description);
  gtk_label_set_label (self->password_error, wrong ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->password_error), wrong);
  gtk_stack_set_visible_child_name (self->stack, "password");
  if (!wrong)
    gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
  if (wrong)
    gtk_editable_select_region (GTK_EDITABLE (self->password_entry), 0, -1);
}

/* A load's callback holds the viewer weakly, so that a closed viewer is
 * finalized at once and its late result dropped. */
typedef struct
{
  GWeakRef viewer;
  guint    generation;
} Loading;

static void
loading_free (Loading *loading)
{
  g_weak_ref_clear (&loading->viewer);
  g_free (loading);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loading, loading_free)

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Loading) loading = user_data;
  g_autoptr(XsEvidenceViewer) self = g_weak_ref_get (&loading->viewer);
  XsDocumentLoader *loader = XS_DOCUMENT_LOADER (source);
  g_autoptr(GError) error = NULL;
  gboolean loaded = xs_document_loader_load_finish (loader, result, &error);
  GdkTexture *first_page;
  int first_width;

  if (self == NULL || loading->generation != self->generation)
    return;
  if (!loaded)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      xs_page_view_set_document (self->page_view, NULL, NULL, FALSE);
      if (g_error_matches (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_NEEDS_PASSWORD)
          || g_error_matches (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_WRONG_PASSWORD))
        show_password_page (self, error);
      else
        show_error (self, error);
      return;
    }

  /* In the view's cache before it asks for it. */
  first_page = xs_document_loader_get_first_page (loader, &first_width);
  if (first_page != NULL)
    xs_page_view_add_render (self->page_view, xs_document_loader_get_document (loader), 0, first_width, first_page);
  set_document (self, xs_document_loader_get_document (loader), xs_document_loader_get_image (loader));
}

static void
start_load (XsEvidenceViewer *self)
{
  g_autoptr(XsDocumentLoader) loader = xs_document_loader_new (self->path, self->password);
  Loading *loading;

  reset (self);
  xs_page_view_set_document (self->page_view, NULL, NULL, TRUE);
  update_controls (self);
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), "");
  gtk_label_set_label (self->n_pages_label, "");
  gtk_stack_set_visible_child_name (self->stack, "document");

  self->load_cancellable = g_cancellable_new ();
  xs_document_loader_set_view_size (loader,
                                    gtk_widget_get_width (GTK_WIDGET (self->page_view)),
                                    gtk_widget_get_height (GTK_WIDGET (self->page_view)),
                                    gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  loading = g_new0 (Loading, 1);
  g_weak_ref_init (&loading->viewer, self);
  loading->generation = self->generation;
  xs_document_loader_load_async (loader, self->load_cancellable, on_loaded, loading);
}

static void
open_with_password_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (widget);

  if (self->path == NULL)
    return;
  g_free (self->password);
  self->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));
  start_load (self);
}

static void
on_password_activate (XsEvidenceViewer *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "viewer.open-with-password", NULL);
}

/* The user chose a page in the strip. */
static void
on_strip_page (XsEvidenceViewer *self)
{
  int page = xs_thumbnail_strip_get_page (self->thumbnail_strip);

  if (page != self->page)
    xs_evidence_viewer_set_page (self, page);
}

/* GObject */

static void
xs_evidence_viewer_dispose (GObject *object)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (object);

  reset (self);
  if (self->thumbnail_strip != NULL)
    g_signal_handlers_disconnect_by_data (self->thumbnail_strip, self);
  if (self->page_view != NULL)
    g_signal_handlers_disconnect_by_data (self->page_view, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_EVIDENCE_VIEWER);

  G_OBJECT_CLASS (xs_evidence_viewer_parent_class)->dispose (object);
}

static void
xs_evidence_viewer_finalize (GObject *object)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (object);

  g_free (self->path);
  g_free (self->title);
  g_free (self->password);
  g_free (self->zoom_mode);

  G_OBJECT_CLASS (xs_evidence_viewer_parent_class)->finalize (object);
}

static void
xs_evidence_viewer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_int (value, self->n_pages);
      break;
    case PROP_ZOOM_MODE:
      g_value_set_string (value, self->zoom_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_evidence_viewer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      set_page (self, g_value_get_int (value));
      break;
    case PROP_ZOOM_MODE:
      set_zoom_mode (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_evidence_viewer_class_init (XsEvidenceViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_evidence_viewer_dispose;
  object_class->finalize = xs_evidence_viewer_finalize;
  object_class->get_property = xs_evidence_viewer_get_property;
  object_class->set_property = xs_evidence_viewer_set_property;

  g_type_ensure (XS_TYPE_THUMBNAIL_STRIP);
  g_type_ensure (XS_TYPE_PAGE_VIEW);

  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_PAGES] =
    g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM_MODE] =
    g_param_spec_string ("zoom-mode", NULL, NULL, "fit-width",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-evidence-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, toolbar);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, page_controls);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, page_entry);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, page_view);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, thumbnail_strip);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, password_page);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, password_entry);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, password_error);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_page_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activate);

  gtk_widget_class_install_action (widget_class, "viewer.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.first-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.last-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_property_action (widget_class, "viewer.zoom-mode", "zoom-mode");
  gtk_widget_class_install_action (widget_class, "viewer.open-with-password", NULL, open_with_password_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidenceviewer");
}

static void
xs_evidence_viewer_init (XsEvidenceViewer *self)
{
  self->zoom_mode = g_strdup ("fit-width");
  self->zoom = 1.0;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->thumbnail_strip, "notify::page", G_CALLBACK (on_strip_page), self);
  g_signal_connect_swapped (self->page_view, "notify::scale", G_CALLBACK (update_zoom_label), self);

  update_controls (self);
}

GtkWidget *
xs_evidence_viewer_new (void)
{
  return g_object_new (XS_TYPE_EVIDENCE_VIEWER, NULL);
}

void
xs_evidence_viewer_load_file (XsEvidenceViewer *self,
                              const char       *path,
                              const char       *title)
{
  g_return_if_fail (XS_IS_EVIDENCE_VIEWER (self));
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  g_free (self->title);
  self->title = title != NULL ? g_strdup (title) : g_path_get_basename (path);
  g_clear_pointer (&self->password, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  start_load (self);
}

int
xs_evidence_viewer_get_page (XsEvidenceViewer *self)
{
  g_return_val_if_fail (XS_IS_EVIDENCE_VIEWER (self), 0);

  return self->page;
}

void
xs_evidence_viewer_set_page (XsEvidenceViewer *self,
                             int               page)
{
  g_return_if_fail (XS_IS_EVIDENCE_VIEWER (self));

  set_page (self, page);
}

int
xs_evidence_viewer_get_n_pages (XsEvidenceViewer *self)
{
  g_return_val_if_fail (XS_IS_EVIDENCE_VIEWER (self), 0);

  return self->n_pages;
}

GtkWindow *
xs_evidence_viewer_present (GtkWindow  *parent,
                            const char *path,
                            const char *title)
{
  g_autofree char *name = NULL;
  GtkWidget *window, *box, *header, *viewer;
  GtkEventController *shortcuts;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  name = title != NULL ? g_strdup (title) : g_path_get_basename (path);
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), name);
  /* fits a 1366 × 768 screen, below its top bar */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (name, NULL));
  gtk_box_append (GTK_BOX (box), header);
  viewer = xs_evidence_viewer_new ();
  gtk_widget_set_vexpand (viewer, TRUE);
  gtk_box_append (GTK_BOX (box), viewer);
  adw_window_set_content (ADW_WINDOW (window), box);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>w|Escape"),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  xs_evidence_viewer_load_file (XS_EVIDENCE_VIEWER (viewer), path, name);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
