/* xs-certificates-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificates-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "xs-certificate-store.h"
#include "xs-certificates-view.h"
#include "xs-date.h"
#include "xs-trainee-store.h"

/* Preview pixels per point: A4 (595 × 842 points) drawn about as large as
 * the page fits on a laptop screen. */
#define PREVIEW_SCALE 1.25
/* How often the progress bar reads the worker's progress. */
#define PROGRESS_INTERVAL_MS 100

/* The preferences that go onto a certificate, copied so that a worker can
 * read them. */
typedef struct
{
  char                     *base_name;
  char                     *issuer;
  char                     *seal_path;
  XsCertificateOrientation  orientation;
  gboolean                  full_id_number;
} SettingsCopy;

typedef enum
{
  JOB_EXPORT,
  JOB_PRINT,
} JobKind;

typedef enum
{
  PHASE_ISSUING,
  PHASE_WRITING,
} JobPhase;

/* An export or a print: its input, its progress (written by the worker,
 * read with atomics by the main thread) and its results. */
typedef struct
{
  JobKind       kind;
  char         *data_dir;
  int           year;
  GArray       *trainee_ids;   /* gint64; NULL: everyone qualified */
  SettingsCopy  settings;
  char         *path;          /* export */

  int           phase;
  int           done;
  int           total;

  GPtrArray    *certificates;  /* XsCertificate */
  GPtrArray    *refused;       /* char * */
  guint         n_issued;
} Job;

struct _XsCertificatesView
{
  GtkWidget           parent_instance;

  XsWindow           *window;        /* weak */
  XsTraineeModel     *model;
  GSettings          *settings;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkMultiSelection  *selection;
  char               *search;        /* case-folded; NULL shows all */
  guint               n_qualified;   /* in the model, before the search */

  XsTraineeItem      *previewed;
  XsCertificate      *preview;
  GCancellable       *preview_cancellable;

  GTask              *job;
  GCancellable       *job_cancellable;
  guint               job_timer;
  GtkPrintOperation  *print_operation;
  GtkPrintSettings   *print_settings;
  GtkNativeDialog    *chooser;

  /* template children */
  GtkLabel           *count_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkLabel           *selected_label;
  GtkRevealer        *base_name_revealer;
  GtkStack           *preview_stack;
  GtkPicture         *preview_picture;
  AdwStatusPage      *preview_error;
  GtkLabel           *preview_caption;
  GtkWidget          *progress_box;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
};

G_DEFINE_FINAL_TYPE (XsCertificatesView, xs_certificates_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_preview (XsCertificatesView *self);

/* Settings */

static void
settings_copy_clear (SettingsCopy *copy)
{
  g_clear_pointer (&copy->base_name, g_free);
  g_clear_pointer (&copy->issuer, g_free);
  g_clear_pointer (&copy->seal_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SettingsCopy, settings_copy_clear)

static void
settings_copy_load (SettingsCopy *copy,
                    GSettings    *settings)
{
  settings_copy_clear (copy);
  copy->base_name = g_settings_get_string (settings, "base-name");
  copy->issuer = g_settings_get_string (settings, "certificate-issuer");
  copy->seal_path = g_settings_get_string (settings, "seal-image");
  copy->orientation = g_settings_get_enum (settings, "certificate-orientation") == 1
                      ? XS_CERTIFICATE_LANDSCAPE : XS_CERTIFICATE_PORTRAIT;
  copy->full_id_number = g_settings_get_boolean (settings, "print-full-id-number");
}

static void
settings_copy_get (const SettingsCopy    *copy,
                   XsCertificateSettings *settings)
{
  settings->base_name = copy->base_name;
  settings->issuer = copy->issuer;
  settings->seal_path = copy->seal_path;
  settings->orientation = copy->orientation;
  settings->full_id_number = copy->full_id_number;
}

static gboolean
has_base_name (XsCertificatesView *self)
{
  g_autofree char *name = NULL;

  if (self->settings == NULL)
    return FALSE;
  name = g_settings_get_string (self->settings, "base-name");
  g_strstrip (name);
  return *name != '\0';
}

/* State shown */

static int
get_year (XsCertificatesView *self)
{
  return self->model != NULL ? xs_trainee_model_get_year (self->model) : 0;
}

static void
update_actions (XsCertificatesView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  gboolean can_issue = self->window != NULL && self->job == NULL && has_base_name (self)
                       && xs_certificates_view_get_n_selected (self) > 0;

  gtk_widget_action_set_enabled (widget, "certificates.export", can_issue);
  gtk_widget_action_set_enabled (widget, "certificates.print", can_issue);
  gtk_widget_action_set_enabled (widget, "certificates.select-all", n_shown > 0);
  gtk_widget_action_set_enabled (widget, "certificates.select-none", xs_certificates_view_get_n_selected (self) > 0);
  gtk_widget_action_set_enabled (widget, "certificates.cancel", self->job != NULL);
}

static void
update_counts (XsCertificatesView *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint n_selected = xs_certificates_view_get_n_selected (self);
  g_autofree char *count = NULL;
  g_autofree char *selected = NULL;

  if (n_shown == self->n_qualified)
    /* Translators: "%u trainees qualified for 2018" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u trainee qualified for %d",
                                          "%u trainees qualified for %d", self->n_qualified),
                             self->n_qualified, get_year (self));
  else
    /* Translators: trainees the search shows, of those qualified for a year */
    count = g_strdup_printf (_("%u of %u trainees qualified for %d"), n_shown, self->n_qualified, get_year (self));
  gtk_label_set_label (self->count_label, count);

  /* Translators: how many trainees are chosen for certificates */
  selected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", n_selected), n_selected);
  gtk_label_set_label (self->selected_label, selected);

  gtk_stack_set_visible_child_name (self->list_stack, self->n_qualified > 0 ? "list" : "empty");
  update_actions (self);
}

static void
update_base_name (XsCertificatesView *self)
{
  gtk_revealer_set_reveal_child (self->base_name_revealer, self->settings != NULL && !has_base_name (self));
  update_actions (self);
}

static void
on_settings_changed (XsCertificatesView *self,
                     const char         *key,
                     GSettings          *settings)
{
  if (g_strcmp0 (key, "base-name") == 0)
    update_base_name (self);
  if (g_strcmp0 (key, "base-name") == 0 || g_strcmp0 (key, "certificate-issuer") == 0
      || g_strcmp0 (key, "seal-image") == 0 || g_strcmp0 (key, "certificate-orientation") == 0
      || g_strcmp0 (key, "print-full-id-number") == 0)
    update_preview (self);
}

/* The list */

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  XsCertificatesView *self = user_data;

  return xs_trainee_item_get_qualified (item)
         && (self->search == NULL || xs_trainee_item_matches (item, self->search));
}

static void
count_qualified (XsCertificatesView *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  self->n_qualified = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XsTraineeItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      self->n_qualified += xs_trainee_item_get_qualified (item);
    }
}

static guint
first_selected (XsCertificatesView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return gtk_bitset_is_empty (selected) ? GTK_INVALID_LIST_POSITION : gtk_bitset_get_minimum (selected);
}

static void
set_previewed (XsCertificatesView *self,
               XsTraineeItem      *item)
{
  if (item == self->previewed)
    return;
  g_set_object (&self->previewed, item);
  update_preview (self);
}

static void
preview_first_selected (XsCertificatesView *self)
{
  guint position = first_selected (self);
  g_autoptr(XsTraineeItem) item = NULL;

  if (position != GTK_INVALID_LIST_POSITION)
    item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  set_previewed (self, item);
}

/* The previewed trainee follows what was selected last (a click, a ticked
 * box); when it is no longer selected, the first selected one is shown.
 * Selecting all keeps it. */
static void
on_selection_changed (XsCertificatesView *self,
                      guint               position,
                      guint               n_items,
                      GtkSelectionModel  *selection)
{
  GListModel *model = G_LIST_MODEL (selection);
  g_autoptr(XsTraineeItem) first_new = NULL;
  gboolean lost = FALSE;

  for (guint i = position; i < position + n_items; i++)
    {
      g_autoptr(XsTraineeItem) item = g_list_model_get_item (model, i);
      gboolean selected = gtk_selection_model_is_selected (selection, i);

      if (item == self->previewed && !selected)
        lost = TRUE;
      if (selected && first_new == NULL)
        first_new = g_steal_pointer (&item);
    }

  if (self->previewed == NULL || lost)
    {
      if (first_new != NULL)
        set_previewed (self, first_new);
      else
        preview_first_selected (self);
    }
  else if (n_items == 1 && first_new != NULL)
    set_previewed (self, first_new);
  update_counts (self);
}

static void
on_items_changed (XsCertificatesView *self,
                  guint               position,
                  guint               removed,
                  guint               added,
                  GListModel         *model)
{
  guint n = g_list_model_get_n_items (model);
  gboolean kept = FALSE;

  if (self->previewed != NULL)
    for (guint i = 0; i < n && !kept; i++)
      {
        g_autoptr(XsTraineeItem) item = g_list_model_get_item (model, i);

        kept = item == self->previewed
               && gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i);
      }
  if (!kept)
    preview_first_selected (self);
  update_counts (self);
}

static void
on_model_changed (XsCertificatesView *self,
                  guint               position,
                  guint               removed,
                  guint               added,
                  GListModel         *model)
{
  count_qualified (self);
  update_counts (self);
}

static void
on_search_changed (XsCertificatesView *self,
                   GtkSearchEntry     *entry)
{
  xs_certificates_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Cells */

static void
on_check_toggled (GtkCheckButton *check,
                  GtkListItem    *list_item)
{
  XsCertificatesView *self = g_object_get_data (G_OBJECT (check), "view");
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  guint position = gtk_list_item_get_position (list_item);
  gboolean active = gtk_check_button_get_active (check);

  if (gtk_list_item_get_item (list_item) == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  if (active == gtk_selection_model_is_selected (selection, position))
    return;
  if (active)
    gtk_selection_model_select_item (selection, position, FALSE);
  else
    gtk_selection_model_unselect_item (selection, position);
}

static void
setup_check (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (check), "view", user_data);
  /* The box follows the row's selection, and selects it when clicked. */
  g_object_bind_property (list_item, "selected", check, "active", G_BINDING_SYNC_CREATE);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), list_item);
  gtk_list_item_set_child (list_item, check);
}

static void
bind_check (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *check = gtk_list_item_get_child (list_item);
  g_autofree char *label = NULL;

  /* Translators: accessible label of a trainee's check box in the list */
  label = g_strdup_printf (_("Select %s"), xs_trainee_item_get_name (gtk_list_item_get_item (list_item)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_name (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       xs_trainee_item_get_name (gtk_list_item_get_item (list_item)));
}

static void
bind_masked_id (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_label (GTK_LABEL (label), xs_trainee_item_get_masked_id (gtk_list_item_get_item (list_item)));
}

static void
bind_employer (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       xs_trainee_item_get_employer (gtk_list_item_get_item (list_item)));
}

static void
bind_total (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *hours = xs_hours_format (xs_trainee_item_get_total (gtk_list_item_get_item (list_item)));

  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_label (GTK_LABEL (label), hours);
}

static void
add_column (XsCertificatesView *self,
            const char         *title,
            GCallback           setup,
            GCallback           bind,
            gboolean            expand,
            int                 fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, !expand && fixed_width > 48);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
add_columns (XsCertificatesView *self)
{
  add_column (self, "", G_CALLBACK (setup_check), G_CALLBACK (bind_check), FALSE, 40);
  add_column (self, _("Name"), G_CALLBACK (setup_label), G_CALLBACK (bind_name), FALSE, 90);
  add_column (self, _("Identity Number"), G_CALLBACK (setup_label), G_CALLBACK (bind_masked_id), FALSE, 170);
  add_column (self, _("Employer"), G_CALLBACK (setup_label), G_CALLBACK (bind_employer), TRUE, -1);
  add_column (self, _("Total"), G_CALLBACK (setup_label), G_CALLBACK (bind_total), FALSE, 56);
}

/* Preview */

typedef struct
{
  XsCertificate *certificate;
  int            scale_factor;
} RenderData;

static void
render_data_free (RenderData *data)
{
  g_clear_object (&data->certificate);
  g_free (data);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderData *data = task_data;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int pixel_width, pixel_height;

  xs_certificate_get_page_size (data->certificate, &width, &height);
  pixel_width = (int) (width * PREVIEW_SCALE * data->scale_factor + 0.5);
  pixel_height = (int) (height * PREVIEW_SCALE * data->scale_factor + 0.5);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_scale (cr, pixel_width / width, pixel_height / height);
  xs_certificate_draw (data->certificate, cr, width, height);
  cairo_destroy (cr);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                               cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      cairo_surface_destroy (surface);
      return;
    }
  g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

/* Wraps the pixels of @surface (ARGB32, premultiplied, native endian: what
 * GDK_MEMORY_DEFAULT means) without copying them. */
static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
on_preview_drawn (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (object);
  cairo_surface_t *surface;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  surface = g_task_propagate_pointer (G_TASK (result), &error);
  if (surface == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->preview_error, error->message);
          gtk_stack_set_visible_child_name (self->preview_stack, "error");
        }
      return;
    }
  texture = texture_for_surface (surface);
  cairo_surface_destroy (surface);
  gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
}

static void
show_preview_error (XsCertificatesView *self,
                    const char         *message)
{
  gtk_picture_set_paintable (self->preview_picture, NULL);
  adw_status_page_set_description (self->preview_error, message);
  gtk_stack_set_visible_child_name (self->preview_stack, "error");
}

/* Reads the previewed trainee's certificate (a few indexed queries, on the
 * main thread) and draws it in a worker. */
static void
update_preview (XsCertificatesView *self)
{
  g_auto(SettingsCopy) copy = { 0 };
  XsCertificateSettings settings;
  g_autoptr(XsTrainee) trainee = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *alternative = NULL;
  RenderData *data;
  XsDb *db;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->preview);

  if (self->previewed == NULL || self->window == NULL || self->settings == NULL)
    {
      gtk_picture_set_paintable (self->preview_picture, NULL);
      gtk_stack_set_visible_child_name (self->preview_stack, "empty");
      return;
    }

  db = xs_window_get_db (self->window);
  settings_copy_load (&copy, self->settings);
  settings_copy_get (&copy, &settings);
  trainee = xs_trainee_store_get (db, xs_trainee_item_get_trainee_id (self->previewed), &error);
  if (trainee != NULL)
    self->preview = xs_certificate_preview (db, &settings, XS_CERTIFICATE_ANNUAL, get_year (self), NULL,
                                            trainee->id_number, &error);
  if (self->preview == NULL)
    {
      show_preview_error (self, error->message);
      return;
    }

  if (xs_certificate_get_serial (self->preview) != NULL)
    /* Translators: under the preview of a certificate already issued */
    caption = g_strdup_printf (_("Issued as No. %s: exporting or printing it again gives the same certificate."),
                               xs_certificate_get_serial (self->preview));
  else
    caption = g_strdup (_("Draft: the certificate gets its number and QR code when it is exported or printed."));
  gtk_label_set_label (self->preview_caption, caption);
  /* Translators: the description of the preview picture, for screen readers */
  alternative = g_strdup_printf (_("Certificate of %s"), xs_certificate_get_holder (self->preview));
  gtk_picture_set_alternative_text (self->preview_picture, alternative);

  /* Keep the last picture until the new one is drawn, unless there is none. */
  if (gtk_picture_get_paintable (self->preview_picture) == NULL
      || !g_str_equal (gtk_stack_get_visible_child_name (self->preview_stack), "preview"))
    gtk_stack_set_visible_child_name (self->preview_stack, "loading");

  data = g_new0 (RenderData, 1);
  data->certificate = g_object_ref (self->preview);
  data->scale_factor = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  self->preview_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->preview_cancellable, on_preview_drawn, NULL);
  g_task_set_source_tag (task, update_preview);
  g_task_set_task_data (task, data, (GDestroyNotify) render_data_free);
  g_task_run_in_thread (task, render_thread);
}

/* Export and print */

static void
job_free (Job *job)
{
  g_free (job->data_dir);
  g_clear_pointer (&job->trainee_ids, g_array_unref);
  settings_copy_clear (&job->settings);
  g_free (job->path);
  g_clear_pointer (&job->certificates, g_ptr_array_unref);
  g_clear_pointer (&job->refused, g_ptr_array_unref);
  g_free (job);
}

static void
job_progress (guint    done,
              guint    total,
              gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->total, (int) total);
  g_atomic_int_set (&job->done, (int) done);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GPtrArray) id_numbers = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GError) error = NULL;
  XsCertificateSettings settings;
  XsCertificateQuery query = { XS_CERTIFICATE_ANNUAL, job->year, NULL, NULL, NULL };

  db = xs_db_open (job->data_dir, &error);
  if (db == NULL || (key = xs_signing_key_open (job->data_dir, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->trainee_ids != NULL)
    {
      id_numbers = g_ptr_array_new_full (job->trainee_ids->len + 1, g_free);
      for (guint i = 0; i < job->trainee_ids->len; i++)
        {
          g_autoptr(XsTrainee) trainee = xs_trainee_store_get (db, g_array_index (job->trainee_ids, gint64, i), &error);

          if (trainee == NULL)
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          g_ptr_array_add (id_numbers, g_steal_pointer (&trainee->id_number));
          if (i % 1024 == 0 && g_task_return_error_if_cancelled (task))
            return;
        }
      g_ptr_array_add (id_numbers, NULL);
      query.id_numbers = (const char * const *) id_numbers->pdata;
    }

  settings_copy_get (&job->settings, &settings);
  certificates = xs_certificates_issue (db, key, &settings, &query, job_progress, job, cancellable,
                                        &job->n_issued, &job->refused, &error);
  if (certificates == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->kind == JOB_EXPORT)
    {
      g_atomic_int_set (&job->done, 0);
      g_atomic_int_set (&job->phase, PHASE_WRITING);
      if (!xs_certificate_write_pdf (certificates, job->path, job_progress, job, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  job->certificates = g_steal_pointer (&certificates);
  g_task_return_boolean (task, TRUE);
}

static gboolean
update_progress (gpointer user_data)
{
  XsCertificatesView *self = user_data;
  Job *job;
  int done, total, phase;
  g_autofree char *text = NULL;
  double fraction;

  if (self->job == NULL)
    return G_SOURCE_CONTINUE;
  job = g_task_get_task_data (self->job);
  phase = g_atomic_int_get (&job->phase);
  done = g_atomic_int_get (&job->done);
  total = g_atomic_int_get (&job->total);

  if (total <= 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_set_text (self->progress_bar, NULL);
      return G_SOURCE_CONTINUE;
    }

  fraction = (double) done / total;
  if (job->kind == JOB_EXPORT)
    fraction = phase == PHASE_ISSUING ? fraction / 2 : 0.5 + fraction / 2;
  gtk_label_set_label (self->progress_label,
                       phase == PHASE_ISSUING ? _("Issuing certificates…") : _("Writing the PDF…"));
  /* Translators: progress of a batch of certificates, "12 / 300" */
  text = g_strdup_printf (_("%d / %d"), done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return G_SOURCE_CONTINUE;
}

static void
set_job (XsCertificatesView *self,
         GTask              *task)
{
  if (task == NULL)
    {
      g_clear_handle_id (&self->job_timer, g_source_remove);
      g_clear_object (&self->job);
      g_clear_object (&self->job_cancellable);
      gtk_widget_set_visible (self->progress_box, FALSE);
    }
  else
    {
      self->job = g_object_ref (task);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, NULL);
      gtk_label_set_label (self->progress_label, _("Issuing certificates…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Issuing certificates…"), -1);
      gtk_widget_set_visible (self->progress_box, TRUE);
      self->job_timer = g_timeout_add (PROGRESS_INTERVAL_MS, update_progress, self);
    }
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_toast (XsCertificatesView *self,
            const char         *text)
{
  if (self->window != NULL)
    xs_window_show_toast (self->window, text);
}

/* "300 certificates exported, 12 newly issued", and who was refused. */
static char *
describe_result (const Job *job)
{
  guint n = job->certificates->len;
  g_autofree char *done = NULL;
  g_autofree char *refused = NULL;

  if (job->kind == JOB_EXPORT)
    done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate exported, %u newly issued",
                                         "%u certificates exported, %u newly issued", n),
                            n, job->n_issued);
  else
    done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate sent to the printer, %u newly issued",
                                         "%u certificates sent to the printer, %u newly issued", n),
                            n, job->n_issued);
  if (job->refused == NULL || job->refused->len == 0)
    return g_steal_pointer (&done);

  if (job->refused->len == 1)
    refused = g_strdup (g_ptr_array_index (job->refused, 0));
  else
    /* Translators: "3 refused, e.g. 王伟 (4111…): not qualified for 2018 (…)" */
    refused = g_strdup_printf (_("%u refused, e.g. %s"), job->refused->len,
                               (const char *) g_ptr_array_index (job->refused, 0));
  /* Translators: what was done; who was refused */
  return g_strdup_printf (_("%s; %s"), done, refused);
}

static void
log_refusals (const Job *job)
{
  for (guint i = 0; job->refused != NULL && i < job->refused->len; i++)
    g_message ("%s", (const char *) g_ptr_array_index (job->refused, i));
}

static void run_print (XsCertificatesView *self,
                       const Job          *job);

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (G_TASK (result) == self->job)
    set_job (self, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, _("Cancelled: no certificate was issued or written"));
      else
        show_toast (self, error->message);
      return;
    }

  log_refusals (job);
  if (job->kind == JOB_PRINT && self->window != NULL)
    run_print (self, job);
  else
    {
      text = describe_result (job);
      show_toast (self, text);
    }

  /* The previewed certificate may just have been issued. */
  update_preview (self);
}

static void
start_job (XsCertificatesView *self,
           JobKind             kind,
           const char         *path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;
  Job *job;

  g_return_if_fail (self->window != NULL);

  if (self->job != NULL)
    return;
  if (!has_base_name (self))
    {
      update_base_name (self);
      show_toast (self, _("Set the base’s name in Preferences first: certificates name the base that issues them."));
      return;
    }
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    return;

  job = g_new0 (Job, 1);
  job->kind = kind;
  job->data_dir = g_strdup (xs_db_get_data_dir (xs_window_get_db (self->window)));
  job->year = get_year (self);
  job->path = g_strdup (path);
  job->phase = PHASE_ISSUING;
  settings_copy_load (&job->settings, self->settings);

  /* Everyone qualified: let the core find them instead of naming each. */
  if (gtk_bitset_get_size (selected) != self->n_qualified)
    {
      job->trainee_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), gtk_bitset_get_size (selected));
      for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
           ok;
           ok = gtk_bitset_iter_next (&iter, &position))
        {
          g_autoptr(XsTraineeItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
          gint64 id = xs_trainee_item_get_trainee_id (item);

          g_array_append_val (job->trainee_ids, id);
        }
    }

  self->job_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->job_cancellable, on_job_done, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  set_job (self, task);
  g_task_run_in_thread (task, job_thread);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              GPtrArray         *certificates)
{
  if (page_nr < 0 || (guint) page_nr >= certificates->len)
    return;
  xs_certificate_draw (g_ptr_array_index (certificates, page_nr),
                       gtk_print_context_get_cairo_context (context),
                       gtk_print_context_get_width (context),
                       gtk_print_context_get_height (context));
}

static GtkPageOrientation
page_orientation (XsCertificate *certificate)
{
  return xs_certificate_get_orientation (certificate) == XS_CERTIFICATE_LANDSCAPE
         ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT;
}

/* A certificate issued earlier keeps the orientation it was issued with. */
static void
on_request_page_setup (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       GPtrArray         *certificates)
{
  if (page_nr >= 0 && (guint) page_nr < certificates->len)
    gtk_page_setup_set_orientation (setup, page_orientation (g_ptr_array_index (certificates, page_nr)));
}

static void
finish_print (XsCertificatesView      *self,
              GtkPrintOperation       *operation,
              GtkPrintOperationResult  result)
{
  g_autoptr(GError) error = NULL;
  const char *text;

  if (self->print_operation != operation)
    return;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_toast (self, error ? error->message : _("The certificates could not be printed"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
      text = g_object_get_data (G_OBJECT (operation), "result-text");
      show_toast (self, text);
    }
  g_clear_object (&self->print_operation);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               XsCertificatesView      *self)
{
  finish_print (self, operation, result);
}

static void
run_print (XsCertificatesView *self,
           const Job          *job)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperationResult result;
  GPtrArray *certificates = job->certificates;

  if (self->print_operation != NULL)
    return;

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, page_orientation (g_ptr_array_index (certificates, 0)));
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  /* Translators: the name of a print job */
  job_name = g_strdup_printf (_("Continuing education certificates %d"), job->year);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_n_pages (operation, certificates->len);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);

  g_object_set_data_full (G_OBJECT (operation), "result-text", describe_result (job), g_free);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         g_ptr_array_ref (certificates), (GClosureNotify) g_ptr_array_unref, 0);
  g_signal_connect_data (operation, "request-page-setup", G_CALLBACK (on_request_page_setup),
                         g_ptr_array_ref (certificates), (GClosureNotify) g_ptr_array_unref, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);

  self->print_operation = g_object_ref (operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self->window), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      show_toast (self, error->message);
      g_clear_object (&self->print_operation);
    }
  else if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    finish_print (self, operation, result);
}

/* Actions */

static char *
default_file_name (XsCertificatesView *self)
{
  /* Translators: the file name offered when exporting certificates; in
   * Chinese 继续教育合格证书-%d.pdf */
  return g_strdup_printf (_("continuing-education-certificates-%d.pdf"), get_year (self));
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_file_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsCertificatesView) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL && self->window != NULL)
    xs_certificates_view_export_to_file (self, file);
}
#else
static void
on_chooser_response (GtkNativeDialog    *chooser,
                     int                 response,
                     XsCertificatesView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        xs_certificates_view_export_to_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}
#endif

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (widget);
  g_autofree char *name = default_file_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export Certificates"));
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_set_modal (dialog, TRUE);
    gtk_file_dialog_save (dialog, parent, NULL, on_file_chosen, g_object_ref (self));
  }
#else
  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }
  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Export Certificates"), parent,
                                                                  GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                  _("_Export"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (self->chooser);
#endif
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  xs_certificates_view_print (XS_CERTIFICATES_VIEW (widget));
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (XS_CERTIFICATES_VIEW (widget)->selection));
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (XS_CERTIFICATES_VIEW (widget)->selection));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_cancellable_cancel (XS_CERTIFICATES_VIEW (widget)->job_cancellable);
}

/* Public */

void
xs_certificates_view_set_window (XsCertificatesView *self,
                                 XsWindow           *window,
                                 XsTraineeModel     *model)
{
  XsApplication *application;

  g_return_if_fail (XS_IS_CERTIFICATES_VIEW (self));
  g_return_if_fail (XS_IS_WINDOW (window));
  g_return_if_fail (XS_IS_TRAINEE_MODEL (model));
  g_return_if_fail (self->window == NULL);

  g_set_weak_pointer (&self->window, window);
  application = XS_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  self->settings = g_object_ref (xs_application_get_settings (application));
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);

  self->model = g_object_ref (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_changed), self, G_CONNECT_SWAPPED);
  count_qualified (self);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (model));
  update_base_name (self);
  update_counts (self);
}

GListModel *
xs_certificates_view_get_shown (XsCertificatesView *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATES_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

guint
xs_certificates_view_get_n_selected (XsCertificatesView *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  g_return_val_if_fail (XS_IS_CERTIFICATES_VIEW (self), 0);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  return (guint) gtk_bitset_get_size (selected);
}

void
xs_certificates_view_set_search (XsCertificatesView *self,
                                 const char         *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  g_return_if_fail (XS_IS_CERTIFICATES_VIEW (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

gboolean
xs_certificates_view_get_busy (XsCertificatesView *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATES_VIEW (self), FALSE);
  return self->job != NULL;
}

void
xs_certificates_view_export_to_file (XsCertificatesView *self,
                                     GFile              *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (XS_IS_CERTIFICATES_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_toast (self, _("Certificates can only be exported to a local file"));
      return;
    }
  start_job (self, JOB_EXPORT, path);
}

void
xs_certificates_view_print (XsCertificatesView *self)
{
  g_return_if_fail (XS_IS_CERTIFICATES_VIEW (self));
  start_job (self, JOB_PRINT, NULL);
}

/* GObject */

static void
xs_certificates_view_unroot (GtkWidget *widget)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (widget);

  /* The window closes: the workers stop. */
  g_cancellable_cancel (self->job_cancellable);
  g_cancellable_cancel (self->preview_cancellable);

  GTK_WIDGET_CLASS (xs_certificates_view_parent_class)->unroot (widget);
}

static void
xs_certificates_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, xs_certificates_view_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_certificates_view_dispose (GObject *object)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (object);

  g_cancellable_cancel (self->job_cancellable);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_handle_id (&self->job_timer, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_CERTIFICATES_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);
  g_clear_object (&self->settings);
  g_clear_object (&self->previewed);
  g_clear_object (&self->preview);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->job);
  g_clear_object (&self->job_cancellable);
  g_clear_object (&self->print_operation);
  g_clear_object (&self->print_settings);
  g_clear_weak_pointer (&self->window);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (xs_certificates_view_parent_class)->dispose (object);
}

static void
xs_certificates_view_class_init (XsCertificatesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_certificates_view_dispose;
  object_class->get_property = xs_certificates_view_get_property;
  widget_class->unroot = xs_certificates_view_unroot;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-certificates-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, selected_label);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, base_name_revealer);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, preview_error);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, preview_caption);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, progress_box);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "certificates.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "certificates.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "certificates.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "certificates.select-none", NULL, select_none_action);
  gtk_widget_class_install_action (widget_class, "certificates.cancel", NULL, cancel_action);
}

static void
xs_certificates_view_init (XsCertificatesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_columns (self);

  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (on_items_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  update_counts (self);
}
