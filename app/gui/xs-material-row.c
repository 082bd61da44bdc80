/* xs-material-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-material-row"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-claim-store.h"
#include "xs-evidence-viewer.h"
#include "xs-material-row.h"

struct _XsMaterialRow
{
  AdwExpanderRow   parent_instance;

  XsDb            *db;
  gint64           claim_id;
  char            *material;
  GPtrArray       *evidence;     /* XsEvidence of this material */
  GPtrArray       *file_rows;    /* the child rows showing them */
  GCancellable    *cancellable;  /* of the attach in flight */
  gboolean         editable;
  gboolean         busy;
  gboolean         dropping;

#if GTK_CHECK_VERSION (4, 10, 0)
  GtkFileDialog   *chooser;
  GCancellable    *chooser_cancellable;
#else
  GtkFileChooserNative *chooser;
#endif

  /* template children */
  GtkImage        *status_icon;
  GtkSpinner      *spinner;
  GtkButton       *attach_button;
  GtkListBoxRow   *error_row;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (XsMaterialRow, xs_material_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_MATERIAL,
  PROP_N_FILES,
  PROP_EDITABLE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The row opens only when it has something to show: files or a refusal.
 * (Enabling expansion also expands an AdwExpanderRow; keep it as it was.) */
static void
update_expansion (XsMaterialRow *self)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (self);
  gboolean enabled = self->evidence->len > 0 || gtk_widget_get_visible (GTK_WIDGET (self->error_row));
  gboolean expanded = adw_expander_row_get_expanded (row);

  if (adw_expander_row_get_enable_expansion (row) == enabled)
    return;
  adw_expander_row_set_enable_expansion (row, enabled);
  adw_expander_row_set_expanded (row, enabled && expanded);
}

static void
show_error (XsMaterialRow *self,
            const char    *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), message != NULL);
  update_expansion (self);
  if (message != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

static void
update_state (XsMaterialRow *self)
{
  guint n = self->evidence->len;
  gboolean can_attach = self->editable && self->claim_id > 0 && !self->busy;
  g_autofree char *subtitle = NULL;

  if (self->busy)
    subtitle = g_strdup (_("Attaching…"));
  else if (self->dropping)
    subtitle = g_strdup (_("Drop the files here to attach them"));
  else if (n == 0)
    subtitle = g_strdup (_("Missing"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", n), n);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), !self->busy);
  gtk_image_set_from_icon_name (self->status_icon, n > 0 ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), n > 0 ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), n > 0 ? "success" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, n > 0 ? _("Attached") : _("Missing"),
                                  -1);

  gtk_widget_set_visible (GTK_WIDGET (self->attach_button), self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "material.attach", can_attach);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "material.remove", self->editable && !self->busy);
}

static char *
describe_file (const XsEvidence *evidence)
{
  g_autofree char *size = g_format_size (evidence->size);

  if (g_strcmp0 (evidence->media_type, "application/pdf") == 0)
    /* Translators: “PDF, 3 pages, 245.1 kB” */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "PDF, %d page, %s", "PDF, %d pages, %s",
                                         evidence->pages),
                            evidence->pages, size);
  if (g_strcmp0 (evidence->media_type, "image/png") == 0)
    /* Translators: “PNG picture, 245.1 kB” */
    return g_strdup_printf (_("PNG picture, %s"), size);
  /* Translators: “JPEG picture, 245.1 kB” */
  return g_strdup_printf (_("JPEG picture, %s"), size);
}

static GtkWidget *
file_row_new (XsMaterialRow    *self,
              const XsEvidence *evidence)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  GtkWidget *preview;
  GtkWidget *remove;
  g_autofree char *subtitle = describe_file (evidence);
  g_autofree char *preview_label = NULL;
  g_autofree char *remove_label = NULL;
  const char *name = evidence->original_name != NULL ? evidence->original_name : "";
  gboolean is_pdf = g_strcmp0 (evidence->media_type, "application/pdf") == 0;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  icon = gtk_image_new_from_icon_name (is_pdf ? "x-office-document-symbolic" : "image-x-generic-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_pdf ? _("PDF document") : _("Picture"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* Translators: accessible name of the button, “Preview 会议通知.pdf” */
  preview_label = g_strdup_printf (_("Preview %s"), name);
  preview = gtk_button_new_from_icon_name ("view-reveal-symbolic");
  gtk_widget_set_valign (preview, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (preview, "flat");
  gtk_widget_set_tooltip_text (preview, _("Preview"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (preview), GTK_ACCESSIBLE_PROPERTY_LABEL, preview_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (preview), "material.preview");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (preview), g_variant_new_int64 (evidence->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), preview);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), preview);

  /* Translators: accessible name of the button, “Remove 会议通知.pdf” */
  remove_label = g_strdup_printf (_("Remove %s"), name);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "material.remove");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_int64 (evidence->id));
  gtk_widget_set_visible (remove, self->editable);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
rebuild_file_rows (XsMaterialRow *self)
{
  for (guint i = 0; i < self->file_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->file_rows, i));
  g_ptr_array_set_size (self->file_rows, 0);

  for (guint i = 0; i < self->evidence->len; i++)
    {
      GtkWidget *row = file_row_new (self, g_ptr_array_index (self->evidence, i));

      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->file_rows, row);
    }
  update_expansion (self);
}

static const XsEvidence *
find_evidence (XsMaterialRow *self,
               gint64         id)
{
  for (guint i = 0; i < self->evidence->len; i++)
    {
      const XsEvidence *evidence = g_ptr_array_index (self->evidence, i);

      if (evidence->id == id)
        return evidence;
    }
  return NULL;
}

/* Attaching ---------------------------------------------------------------- */

typedef struct
{
  char    *data_dir;
  gint64   claim_id;
  char    *material;
  GStrv    paths;
} AttachData;

static void
attach_data_free (AttachData *data)
{
  g_free (data->data_dir);
  g_free (data->material);
  g_strfreev (data->paths);
  g_free (data);
}

/* Reading, hashing and counting PDF pages can take a while: a worker with
 * its own connection does it. */
static void
attach_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AttachData *data = task_data;
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  db = xs_db_open (data->data_dir, &error);
  if (db == NULL
      || !xs_claim_store_attach (db, data->claim_id, data->material,
                                 (const char * const *) data->paths, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
attach_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  self->busy = FALSE;
  show_error (self, error != NULL ? error->message : NULL);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_signal_emit (self, signals[CHANGED], 0);
  /* show the files just attached */
  if (error == NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

void
xs_material_row_attach_paths (XsMaterialRow      *self,
                              const char * const *paths)
{
  g_autoptr(GTask) task = NULL;
  AttachData *data;

  g_return_if_fail (XS_IS_MATERIAL_ROW (self));
  g_return_if_fail (paths != NULL);

  if (paths[0] == NULL || self->busy || !self->editable || self->claim_id <= 0)
    return;

  data = g_new0 (AttachData, 1);
  data->data_dir = g_strdup (xs_db_get_data_dir (self->db));
  data->claim_id = self->claim_id;
  data->material = g_strdup (self->material);
  data->paths = g_strdupv ((char **) paths);

  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;
  show_error (self, NULL);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  task = g_task_new (self, self->cancellable, attach_done, NULL);
  g_task_set_source_tag (task, xs_material_row_attach_paths);
  g_task_set_task_data (task, data, (GDestroyNotify) attach_data_free);
  g_task_run_in_thread (task, attach_thread);
}

/* Local paths of @files; NULL (with a message shown) if one is not on this
 * computer. */
static GStrv
paths_of_files (XsMaterialRow *self,
                GListModel    *files)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a file on this computer; copy it to a folder first, then attach it."),
                             name);

          show_error (self, message);
          return NULL;
        }
      g_strv_builder_add (builder, path);
    }
  return g_strv_builder_end (builder);
}

static void
attach_files (XsMaterialRow *self,
              GListModel    *files)
{
  g_auto(GStrv) paths = paths_of_files (self, files);

  if (paths != NULL)
    xs_material_row_attach_paths (self, (const char * const *) paths);
}

/* A chooser left open must not outlive the window it belongs to. */
static void
close_chooser (XsMaterialRow *self)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
#else
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
#endif
  g_clear_object (&self->chooser);
}

static GtkFileFilter *
evidence_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF documents and pictures"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "png");
  return filter;
}

static char *
chooser_title (XsMaterialRow *self)
{
  /* Translators: title of the file chooser, “Attach 会议通知” */
  return g_strdup_printf (_("Attach %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_files_chosen (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XsMaterialRow) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;

  files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result, &error);
  if (files != NULL)
    attach_files (self, files);
  else if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
           && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED)
           && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error->message);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (widget);
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = evidence_filter ();
  g_autofree char *title = chooser_title (self);

  g_list_store_append (filters, filter);
  close_chooser (self);
  self->chooser_cancellable = g_cancellable_new ();
  self->chooser = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (self->chooser, title);
  gtk_file_dialog_set_accept_label (self->chooser, _("_Attach"));
  gtk_file_dialog_set_filters (self->chooser, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (self->chooser, filter);
  gtk_file_dialog_open_multiple (self->chooser, GTK_WINDOW (gtk_widget_get_root (widget)),
                                 self->chooser_cancellable, on_files_chosen, g_object_ref (self));
}
#else
static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     XsMaterialRow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      attach_files (self, files);
    }
  g_clear_object (&self->chooser);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (widget);
  g_autoptr(GtkFileFilter) filter = evidence_filter ();
  g_autofree char *title = chooser_title (self);

  close_chooser (self);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}
#endif

/* Dropping files from a file manager --------------------------------------- */

static void
set_dropping (XsMaterialRow *self,
              gboolean       dropping)
{
  self->dropping = dropping;
  update_state (self);
}

static GdkDragAction
on_drop_enter (GtkDropTarget *target,
               double         x,
               double         y,
               XsMaterialRow *self)
{
  if (!self->editable || self->busy || self->claim_id <= 0)
    return 0;
  set_dropping (self, TRUE);
  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget *target,
               XsMaterialRow *self)
{
  set_dropping (self, FALSE);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         XsMaterialRow *self)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  GSList *list;

  set_dropping (self, FALSE);
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || !self->editable || self->busy || self->claim_id <= 0)
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  g_slist_free (list);
  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    return FALSE;

  attach_files (self, G_LIST_MODEL (files));
  return TRUE;
}

/* Preview and remove ------------------------------------------------------- */

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (widget);
  const XsEvidence *evidence = find_evidence (self, g_variant_get_int64 (param));
  g_autofree char *path = NULL;

  if (evidence == NULL)
    return;
  path = xs_evidence_get_path (self->db, evidence->sha256);
  xs_evidence_viewer_present (GTK_WINDOW (gtk_widget_get_root (widget)), path, evidence->original_name);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (widget);
  g_autoptr(GError) error = NULL;

  if (!xs_claim_store_detach (self->db, self->claim_id, self->material, g_variant_get_int64 (param), &error))
    show_error (self, error->message);
  else
    show_error (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* GObject ------------------------------------------------------------------- */

GtkWidget *
xs_material_row_new (XsDb       *db,
                     gint64      claim_id,
                     const char *material,
                     const char *name)
{
  XsMaterialRow *self;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (material != NULL, NULL);

  self = g_object_new (XS_TYPE_MATERIAL_ROW,
                       "material", material,
                       "title", name != NULL ? name : material,
                       NULL);
  self->db = g_object_ref (db);
  self->claim_id = claim_id;
  update_state (self);
  return GTK_WIDGET (self);
}

const char *
xs_material_row_get_material (XsMaterialRow *self)
{
  g_return_val_if_fail (XS_IS_MATERIAL_ROW (self), NULL);
  return self->material;
}

gint64
xs_material_row_get_claim_id (XsMaterialRow *self)
{
  g_return_val_if_fail (XS_IS_MATERIAL_ROW (self), 0);
  return self->claim_id;
}

void
xs_material_row_set_evidence (XsMaterialRow *self,
                              GPtrArray     *evidence)
{
  guint before;

  g_return_if_fail (XS_IS_MATERIAL_ROW (self));

  before = self->evidence->len;
  g_ptr_array_set_size (self->evidence, 0);
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      const XsEvidence *item = g_ptr_array_index (evidence, i);
      XsEvidence *copy;

      if (g_strcmp0 (item->material, self->material) != 0)
        continue;
      copy = g_new0 (XsEvidence, 1);
      copy->id = item->id;
      copy->sha256 = g_strdup (item->sha256);
      copy->media_type = g_strdup (item->media_type);
      copy->size = item->size;
      copy->pages = item->pages;
      copy->material = g_strdup (item->material);
      copy->original_name = g_strdup (item->original_name);
      g_ptr_array_add (self->evidence, copy);
    }
  rebuild_file_rows (self);
  update_state (self);
  if (before != self->evidence->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILES]);
}

guint
xs_material_row_get_n_files (XsMaterialRow *self)
{
  g_return_val_if_fail (XS_IS_MATERIAL_ROW (self), 0);
  return self->evidence->len;
}

void
xs_material_row_set_editable (XsMaterialRow *self,
                              gboolean       editable)
{
  g_return_if_fail (XS_IS_MATERIAL_ROW (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  rebuild_file_rows (self);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

gboolean
xs_material_row_get_editable (XsMaterialRow *self)
{
  g_return_val_if_fail (XS_IS_MATERIAL_ROW (self), FALSE);
  return self->editable;
}

gboolean
xs_material_row_get_busy (XsMaterialRow *self)
{
  g_return_val_if_fail (XS_IS_MATERIAL_ROW (self), FALSE);
  return self->busy;
}

static void
xs_material_row_unroot (GtkWidget *widget)
{
  close_chooser (XS_MATERIAL_ROW (widget));
  GTK_WIDGET_CLASS (xs_material_row_parent_class)->unroot (widget);
}

static void
xs_material_row_dispose (GObject *object)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  close_chooser (self);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (xs_material_row_parent_class)->dispose (object);
}

static void
xs_material_row_finalize (GObject *object)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (object);

  g_free (self->material);
  g_ptr_array_unref (self->evidence);
  g_ptr_array_unref (self->file_rows);

  G_OBJECT_CLASS (xs_material_row_parent_class)->finalize (object);
}

static void
xs_material_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (object);

  switch (prop_id)
    {
    case PROP_MATERIAL:
      g_value_set_string (value, self->material);
      break;
    case PROP_N_FILES:
      g_value_set_uint (value, self->evidence->len);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_material_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (object);

  switch (prop_id)
    {
    case PROP_MATERIAL:
      g_free (self->material);
      self->material = g_value_dup_string (value);
      break;
    case PROP_EDITABLE:
      xs_material_row_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_material_row_class_init (XsMaterialRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_material_row_dispose;
  object_class->finalize = xs_material_row_finalize;
  object_class->get_property = xs_material_row_get_property;
  object_class->set_property = xs_material_row_set_property;
  widget_class->unroot = xs_material_row_unroot;

  properties[PROP_MATERIAL] =
    g_param_spec_string ("material", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FILES] =
    g_param_spec_uint ("n-files", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XsMaterialRow::changed:
   *
   * Files were attached or removed (or an attempt failed): the claim's
   * evidence should be read again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-material-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, attach_button);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, error_row);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, error_label);

  gtk_widget_class_install_action (widget_class, "material.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "material.preview", "x", preview_action);
  gtk_widget_class_install_action (widget_class, "material.remove", "x", remove_action);
}

static void
xs_material_row_init (XsMaterialRow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_evidence_free);
  self->file_rows = g_ptr_array_new ();

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_enter), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
