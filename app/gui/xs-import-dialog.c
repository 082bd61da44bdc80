/* xs-import-dialog.c
 *
 * Step 1 chooses a file; step 2 reads it in a worker (a dry run of the very
 * import that step 4 runs for real); step 3 previews what would happen, row
 * by row, rejected rows first; step 4 imports, then the window says what was
 * done in a toast. The reading and importing is an XsImportRun's, which the
 * dialog starts and follows through its properties and signals; step 3 is
 * an XsImportPreview of the same run.
 *
 * A rejected line of hours whose person the roster lacks offers Add to
 * Roster…; once the person is added (one roster import of one row, which
 * the window's toast can undo), the file is checked again so that the
 * person's rows can be imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xs-file-chooser.h"
#include "xs-import-dialog.h"
#include "xs-import-preview.h"
#include "xs-import-row-item.h"
#include "xs-import-run.h"
#include "xs-report.h"
#include "xs-roster-add-dialog.h"
#include "xs-table-reader.h"

struct _XsImportDialog
{
  AdwWindow           parent_instance;

  XsDb               *db;
  XsImportRun        *run;
  const char         *step;
  gboolean            disposed;

  /* template children */
  AdwWindowTitle     *window_title;
  GtkWidget          *import_button;
  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  AdwStatusPage      *choose_page;
  GtkDropDown        *encoding_dropdown;
  GtkLabel           *progress_title;
  GtkProgressBar     *progress_bar;
  XsImportPreview    *preview;
  AdwStatusPage      *error_page;
};

G_DEFINE_FINAL_TYPE (XsImportDialog, xs_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint signals[N_SIGNALS];

/* Steps */

static void
set_step (XsImportDialog *self,
          const char     *step)
{
  gboolean busy = g_str_equal (step, "reading") || g_str_equal (step, "importing");
  const char *page = busy ? "progress" : step;

  self->step = step;
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (self->import_button, g_str_equal (step, "preview"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", !busy);
  if (!g_str_equal (step, "preview"))
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", FALSE);
}

static void
show_file_error (XsImportDialog *self,
                 const GError   *error)
{
  g_autofree char *description = NULL;

  if (g_error_matches (error, XS_TABLE_ERROR, XS_TABLE_ERROR_ENCODING))
    description = g_strdup_printf ("%s\n\n%s", error->message,
                                   _("Choose the file’s encoding under “CSV Encoding” and choose the file again."));
  else
    description = g_strdup (error->message);
  adw_status_page_set_description (self->error_page, description);
}

static void
update_commit_enabled (XsImportDialog *self)
{
  if (xs_import_run_get_report (self->run) == NULL || !g_str_equal (self->step, "preview"))
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit",
                                 xs_import_preview_get_can_commit (self->preview));
}

/* Following the run */

static void
update_progress_text (XsImportDialog *self)
{
  GFile *file = xs_import_run_get_file (self->run);
  g_autofree char *name = file ? g_file_get_basename (file) : g_strdup ("");
  g_autofree char *text = NULL;
  double fraction = xs_import_run_get_fraction (self->run);
  int percent = (int) (fraction * 100 + 0.5);

  if (g_str_equal (self->step, "importing"))
    /* Translators: “roster.xlsx”, then a percentage */
    text = g_strdup_printf (_("Importing “%s”: %d %%"), name, percent);
  else
    text = g_strdup_printf (_("Reading “%s”: %d %%"), name, percent);

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
on_run_fraction (XsImportDialog *self)
{
  if (xs_import_run_get_busy (self->run))
    update_progress_text (self);
}

static void
on_run_error (XsImportDialog *self)
{
  const GError *error = xs_import_run_get_error (self->run);

  if (error != NULL)
    show_file_error (self, error);
}

static void
on_run_step (XsImportDialog *self)
{
  const char *step = xs_import_run_get_step (self->run);

  /* imported: the dialog closes */
  if (g_str_equal (step, "done"))
    return;
  if (xs_import_run_get_busy (self->run))
    {
      g_autofree char *name = g_file_get_basename (xs_import_run_get_file (self->run));
      g_autofree char *title = NULL;

      if (g_str_equal (step, "reading"))
        title = g_strdup_printf (_("Checking “%s”…"), name);
      else
        title = g_strdup_printf (_("Importing “%s”…"), name);
      gtk_label_set_label (self->progress_title, title);
    }
  set_step (self, step);
  if (xs_import_run_get_busy (self->run))
    update_progress_text (self);
  update_commit_enabled (self);
}

static void
on_run_cancelled (XsImportDialog *self,
                  gboolean        reading)
{
  if (reading)
    xs_report_show_toast (self->toast_overlay,
                          adw_toast_new (_("Reading cancelled; nothing was imported.")));
  else
    xs_report_show_toast (self->toast_overlay,
                          adw_toast_new (_("Import cancelled; nothing was written.")));
}

/* Tells the window what was written, and closes. */
static void
on_run_imported (XsImportDialog *self,
                 XsImportReport *report)
{
  g_autofree char *counts = NULL;
  g_autofree char *toast = NULL;

  counts = xs_import_preview_count_text (report, FALSE);
  /* Translators: a file name, then what was done, e.g. “32 added, 5 updated” */
  toast = g_strdup_printf (_("%s imported: %s"), xs_import_report_get_file_name (report), counts);
  g_signal_emit (self, signals[IMPORTED], 0, report);
  xs_report_action (GTK_WIDGET (self), "win.reload", NULL);
  xs_report_action (GTK_WIDGET (self), "win.show-import-toast",
                    g_variant_new ("(sx)", toast, (gint64) xs_import_report_get_import_id (report)));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Public */

XsImportDialog *
xs_import_dialog_new (GtkWindow             *parent,
                      XsDb                  *db,
                      XsImportKind           kind,
                      const XsTrainingClass *klass)
{
  XsImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (kind == XS_IMPORT_ROSTER || kind == XS_IMPORT_HOURS, NULL);
  g_return_val_if_fail (klass == NULL || kind == XS_IMPORT_HOURS, NULL);

  self = g_object_new (XS_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "db", db,
                       NULL);
  self->run = xs_import_run_new (db, kind, klass);
  g_signal_connect_object (self->run, "notify::fraction", G_CALLBACK (on_run_fraction), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run, "notify::error", G_CALLBACK (on_run_error), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run, "notify::step", G_CALLBACK (on_run_step), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run, "cancelled", G_CALLBACK (on_run_cancelled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run, "imported", G_CALLBACK (on_run_imported), self, G_CONNECT_SWAPPED);
  xs_import_preview_set_run (self->preview, self->run);

  if (kind == XS_IMPORT_ROSTER)
    {
      adw_window_title_set_title (self->window_title, _("Import Roster"));
      adw_status_page_set_title (self->choose_page, _("Choose the Roster"));
      adw_status_page_set_description (self->choose_page,
                                       _("An Excel (.xlsx) or CSV file whose header row names the columns: "
                                         "姓名, 身份证号 and 工作单位; 性别, 职称, 专业, 县区 and 手机号 may follow. "
                                         "A title above the header is fine. People already on the roster are updated."));
    }
  else
    {
      g_autofree char *description = NULL;

      adw_window_title_set_title (self->window_title, _("Import Hours Sheet"));
      adw_status_page_set_title (self->choose_page, _("Choose the Hours Sheet"));
      if (klass != NULL)
        {
          adw_window_title_set_subtitle (self->window_title, klass->name);
          description = g_strdup_printf (_("An Excel (.xlsx) or CSV file with the columns 身份证号 and 姓名 "
                                           "of the trainees of “%s”: the class gives the year, subject, "
                                           "hours and date. The base submits these hours itself "
                                           "(基地统一申报): they need no evidence and cannot be changed afterwards."),
                                         klass->name);
        }
      else
        description = g_strdup (_("An Excel (.xlsx) or CSV file with the columns 身份证号, 姓名, 年度, 科目类别, "
                                  "学时, 项目名称 and 日期. The base submits these hours itself "
                                  "(基地统一申报): they need no evidence and cannot be changed afterwards."));
      adw_status_page_set_description (self->choose_page, description);
    }

  return self;
}

/* XS_IMPORT_CLEAR_EMPTY when the clerk asked empty cells to clear. */
static XsImportFlags
get_merge_flags (XsImportDialog *self)
{
  return xs_import_preview_get_clear_empty (self->preview) ? XS_IMPORT_CLEAR_EMPTY : XS_IMPORT_DEFAULT;
}

void
xs_import_dialog_load_file (XsImportDialog *self,
                            GFile          *file)
{
  static const char *encodings[] = { NULL, "GB18030", "UTF-8" };
  guint encoding;

  g_return_if_fail (XS_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  encoding = gtk_drop_down_get_selected (self->encoding_dropdown);
  xs_import_run_read (self->run, file, encoding < G_N_ELEMENTS (encodings) ? encodings[encoding] : NULL,
                      get_merge_flags (self));
}

/* The preview shows what the import would do with the switch as it is. */
static void
on_clear_toggled (XsImportDialog *self)
{
  GFile *file = xs_import_run_get_file (self->run);

  if (file != NULL && g_strcmp0 (self->step, "preview") == 0)
    {
      g_autoptr(GFile) again = g_object_ref (file);

      xs_import_dialog_load_file (self, again);
    }
}

const char *
xs_import_dialog_get_step (XsImportDialog *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_DIALOG (self), NULL);
  return self->step;
}

XsImportReport *
xs_import_dialog_get_report (XsImportDialog *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_DIALOG (self), NULL);
  return xs_import_run_get_report (self->run);
}

/* Actions */

static void
on_file_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsImportDialog) self = user_data;
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);

  if (file != NULL && !self->disposed)
    xs_import_dialog_load_file (self, file);
}

static GListModel *
make_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) sheets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (sheets, _("Spreadsheets (*.xlsx, *.csv, *.txt)"));
  gtk_file_filter_add_suffix (sheets, "xlsx");
  gtk_file_filter_add_suffix (sheets, "csv");
  /* Excel's and WPS's “Unicode Text” and “Text (Tab delimited)” */
  gtk_file_filter_add_suffix (sheets, "txt");
  gtk_file_filter_add_mime_type (sheets, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_mime_type (sheets, "text/csv");
  g_list_store_append (filters, sheets);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, all);
  return G_LIST_MODEL (filters);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (widget);
  g_autoptr(GListModel) filters = make_filters ();
  const char *title = xs_import_run_get_kind (self->run) == XS_IMPORT_ROSTER ? _("Choose the Roster") : _("Choose the Hours Sheet");

  xs_file_chooser_run_async (GTK_WINDOW (self), XS_FILE_CHOOSER_OPEN, title, _("_Open"), filters, NULL, NULL,
                             NULL, on_file_chosen, g_object_ref (self));
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (widget);
  XsImportReport *report = xs_import_run_get_report (self->run);
  XsImportFlags flags = get_merge_flags (self);

  if (report == NULL)
    return;
  if (xs_import_report_get_count (report, XS_ROW_REJECTED) > 0)
    {
      if (!xs_import_preview_get_skip_rejected (self->preview))
        return;
      flags |= XS_IMPORT_SKIP_INVALID;
    }
  xs_import_run_commit (self->run, flags);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (widget);

  if (!xs_import_run_cancel (self->run))
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_trainee_added (XsImportDialog    *self,
                  gint64             import_id,
                  const char        *name,
                  XsRosterAddDialog *dialog)
{
  g_autofree char *text = NULL;

  if (self->disposed)
    return;
  /* Translators: a name */
  text = g_strdup_printf (_("%s added to the roster"), name);
  xs_report_action (GTK_WIDGET (self), "win.reload", NULL);
  xs_report_action (GTK_WIDGET (self), "win.show-import-toast", g_variant_new ("(sx)", text, import_id));
  xs_report_show_toast (self->toast_overlay, adw_toast_new (text));
  /* The file again: the person's rows can now be imported. */
  if (xs_import_run_get_file (self->run) != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (xs_import_run_get_file (self->run));

      xs_import_dialog_load_file (self, file);
    }
}

XsRosterAddDialog *
xs_import_dialog_add_to_roster (XsImportDialog *self,
                                guint           row)
{
  GListModel *rows;
  XsRosterAddDialog *dialog;

  g_return_val_if_fail (XS_IS_IMPORT_DIALOG (self), NULL);

  rows = xs_import_run_get_rows (self->run);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(XsImportRowItem) item = g_list_model_get_item (rows, i);

      if (xs_import_row_item_get_row (item) != row || xs_import_row_item_get_missing_id (item) == NULL)
        continue;
      dialog = xs_roster_add_dialog_new (GTK_WINDOW (self), self->db,
                                         xs_import_row_item_get_missing_name (item),
                                         xs_import_row_item_get_missing_id (item));
      g_signal_connect_object (dialog, "added", G_CALLBACK (on_trainee_added), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return dialog;
    }
  return NULL;
}

static void
add_to_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  xs_import_dialog_add_to_roster (XS_IMPORT_DIALOG (widget), g_variant_get_uint32 (param));
}

/* Save Rejected Rows… */

static void
on_rejected_written (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(XsImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = xs_import_run_save_rejected_finish (XS_IMPORT_RUN (object), result, &error);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (self->disposed)
    return;
  if (path == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xs_report_show_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  name = g_path_get_basename (path);
  /* Translators: a file name */
  text = g_strdup_printf (_("Rejected rows saved to “%s”"), name);
  xs_report_show_toast (self->toast_overlay, xs_report_saved_toast_new (text, path));
}

void
xs_import_dialog_save_rejected (XsImportDialog *self,
                                const char     *path)
{
  g_return_if_fail (XS_IS_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (xs_import_run_get_report (self->run) == NULL)
    return;
  xs_import_run_save_rejected_async (self->run, path, NULL, on_rejected_written, g_object_ref (self));
}

static void
on_rejected_path_chosen (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(XsImportDialog) self = user_data;
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);
  g_autofree char *path = NULL;

  if (file == NULL || self->disposed)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      xs_report_show_toast (self->toast_overlay,
                            adw_toast_new (_("The rejected rows can only be saved to a local file")));
      return;
    }
  xs_import_dialog_save_rejected (self, path);
}

static void
save_rejected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (widget);
  XsImportReport *report = xs_import_run_get_report (self->run);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListModel) filters = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (report == NULL)
    return;
  gtk_file_filter_set_name (filter, _("Excel workbooks (XLSX)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  filters = xs_file_chooser_filters_of (filter);
  stem = g_strdup (xs_import_report_get_file_name (report));
  if ((dot = strrchr (stem, '.')) != NULL && dot != stem)
    *dot = '\0';
  /* Translators: the file name offered for the rejected rows of a file; in
   * Chinese “%s-退回.xlsx” */
  name = g_strdup_printf (_("%s-rejected.xlsx"), stem);
  xs_file_chooser_run_async (GTK_WINDOW (self), XS_FILE_CHOOSER_SAVE, _("Save Rejected Rows"), _("_Save"),
                             filters, NULL, name, NULL, on_rejected_path_chosen, g_object_ref (self));
}

/* Drag and drop */

static gboolean
on_drop (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         XsImportDialog *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST)
      || g_str_equal (self->step, "reading") || g_str_equal (self->step, "importing"))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  xs_import_dialog_load_file (self, files->data);
  return TRUE;
}

/* GObject */

static gboolean
xs_import_dialog_close_request (GtkWindow *window)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (window);

  /* Closing stops the work; the import's transaction rolls back. */
  xs_import_run_cancel (self->run);
  if (GTK_WINDOW_CLASS (xs_import_dialog_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (xs_import_dialog_parent_class)->close_request (window);
  return FALSE;
}

static void
xs_import_dialog_dispose (GObject *object)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->run != NULL)
    {
      xs_import_run_cancel (self->run);
      g_signal_handlers_disconnect_by_data (self->run, self);
      g_clear_object (&self->run);
    }

  G_OBJECT_CLASS (xs_import_dialog_parent_class)->dispose (object);
}

static void
xs_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, XS_IMPORT_DIALOG (object)->db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_import_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DB:
      g_set_object (&XS_IMPORT_DIALOG (object)->db, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_import_dialog_finalize (GObject *object)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (xs_import_dialog_parent_class)->finalize (object);
}

static void
xs_import_dialog_class_init (XsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xs_import_dialog_dispose;
  object_class->finalize = xs_import_dialog_finalize;
  object_class->get_property = xs_import_dialog_get_property;
  object_class->set_property = xs_import_dialog_set_property;
  window_class->close_request = xs_import_dialog_close_request;

  /* the database the rows go into (the worker opens its own connection
   * to the same folder) */
  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XsImportDialog::imported:
   * @report: what was written
   *
   * Emitted once the rows are in the database, before the dialog closes.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, XS_TYPE_IMPORT_REPORT);

  g_type_ensure (XS_TYPE_IMPORT_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, choose_page);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, encoding_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, progress_title);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, preview);

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "import.save-rejected", NULL, save_rejected_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.add-to-roster", "u", add_to_roster_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "import.choose-file", NULL);
}

static void
xs_import_dialog_init (XsImportDialog *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->preview, "notify::clear-empty", G_CALLBACK (on_clear_toggled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "notify::can-commit", G_CALLBACK (update_commit_enabled), self,
                           G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  set_step (self, "choose");
}
