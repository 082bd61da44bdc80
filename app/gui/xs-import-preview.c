/* xs-import-preview.c: what importing a file would do, row by row
 *
 * Shows the last preview of an XsImportRun: the counts, the file, its rows
 * (rejected rows first, or only them), and what to do about the rejected
 * ones. Its buttons ask the dialog around it through the import.* actions
 * (choose-file, save-rejected, add-to-roster); the choices it holds (skip
 * the rejected rows, let empty cells clear) are properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-import-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-import-preview.h"
#include "xs-import-row-item.h"

struct _XsImportPreview
{
  GtkWidget           parent_instance;

  XsImportRun        *run;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;      /* of the run's rows */

  /* template children */
  GtkLabel           *counts_label;
  GtkLabel           *file_label;
  GtkToggleButton    *rejected_only_button;
  GtkColumnView      *column_view;
  GtkWidget          *rejected_box;
  GtkLabel           *rejected_label;
  GtkCheckButton     *skip_check;
  GtkWidget          *save_rejected_button;
  GtkWidget          *clear_box;
  GtkSwitch          *clear_switch;
};

G_DEFINE_FINAL_TYPE (XsImportPreview, xs_import_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RUN,
  PROP_SKIP_REJECTED,
  PROP_CLEAR_EMPTY,
  PROP_CAN_COMMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
xs_import_preview_count_text (XsImportReport *report,
                              gboolean        preview)
{
  guint added, updated, unchanged, rejected;
  g_autoptr(GPtrArray) parts = NULL;
  GString *out;

  g_return_val_if_fail (XS_IS_IMPORT_REPORT (report), NULL);

  added = xs_import_report_get_count (report, XS_ROW_ADDED);
  updated = xs_import_report_get_count (report, XS_ROW_UPDATED);
  unchanged = xs_import_report_get_count (report, XS_ROW_UNCHANGED);
  rejected = xs_import_report_get_count (report, XS_ROW_REJECTED);
  parts = g_ptr_array_new_with_free_func (g_free);
  out = g_string_new (NULL);

  if (added > 0 || (preview && updated == 0 && unchanged == 0 && rejected == 0))
    g_ptr_array_add (parts, g_strdup_printf (preview
                                             ? g_dngettext (GETTEXT_PACKAGE, "%u to add", "%u to add", added)
                                             : g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", added),
                                             added));
  if (updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (preview
                                             ? g_dngettext (GETTEXT_PACKAGE, "%u to update", "%u to update", updated)
                                             : g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", updated),
                                             updated));
  if (unchanged > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged", unchanged),
                                             unchanged));
  if (xs_import_report_get_n_drafts (report) > 0)
    {
      guint drafts = xs_import_report_get_n_drafts (report);

      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u as a draft waiting for materials",
                                                            "%u as drafts waiting for materials", drafts),
                                               drafts));
    }
  if (rejected > 0)
    g_ptr_array_add (parts, g_strdup_printf (preview
                                             ? g_dngettext (GETTEXT_PACKAGE, "%u rejected", "%u rejected", rejected)
                                             : g_dngettext (GETTEXT_PACKAGE, "%u rejected row skipped", "%u rejected rows skipped", rejected),
                                             rejected));

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (out, _(", "));
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  return g_string_free (out, FALSE);
}

static void
show_report (XsImportPreview *self,
             XsImportReport  *report)
{
  GListModel *rows = xs_import_run_get_rows (self->run);
  guint n_items = g_list_model_get_n_items (rows);
  g_autofree char *counts = NULL;
  g_autofree char *file_text = NULL;
  guint rejected, writable;
  const char *encoding;

  rejected = xs_import_report_get_count (report, XS_ROW_REJECTED);
  writable = xs_import_report_get_count (report, XS_ROW_ADDED)
             + xs_import_report_get_count (report, XS_ROW_UPDATED);

  if (n_items == 0)
    counts = g_strdup (_("The file has a header row but no data rows."));
  else
    counts = xs_import_preview_count_text (report, TRUE);
  gtk_label_set_label (self->counts_label, counts);

  encoding = xs_import_report_get_encoding (report);
  if (g_strcmp0 (encoding, "XLSX") == 0 || encoding == NULL)
    file_text = g_strdup (xs_import_report_get_file_name (report));
  else
    /* Translators: a file name, then its encoding, e.g. GB18030 */
    file_text = g_strdup_printf (_("%s (CSV, %s)"), xs_import_report_get_file_name (report), encoding);
  gtk_label_set_label (self->file_label, file_text);

  gtk_widget_set_sensitive (GTK_WIDGET (self->rejected_only_button), rejected > 0);
  if (rejected == 0)
    gtk_toggle_button_set_active (self->rejected_only_button, FALSE);
  gtk_check_button_set_active (self->skip_check, FALSE);
  gtk_widget_set_visible (self->rejected_box, rejected > 0 || (writable == 0 && n_items > 0));
  gtk_widget_set_visible (GTK_WIDGET (self->skip_check), rejected > 0 && writable > 0);
  gtk_widget_set_visible (self->save_rejected_button, rejected > 0);
  if (rejected > 0 && writable > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u row has a problem, listed first. Correct it in the file and choose the file again, or import only the valid rows.",
                                      "%u rows have problems, listed first. Correct them in the file and choose the file again, or import only the valid rows.",
                                      rejected),
                         rejected);
      gtk_label_set_label (self->rejected_label, text);
    }
  else if (rejected > 0)
    gtk_label_set_label (self->rejected_label,
                         _("No row of this file can be imported. Correct the rows in the file and choose it again."));
  else
    gtk_label_set_label (self->rejected_label,
                         _("Nothing to import: everything in this file is already recorded."));
  /* People the roster lacks can be added here. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(XsImportRowItem) item = g_list_model_get_item (rows, i);

      if (xs_import_row_item_get_missing_id (item) != NULL)
        {
          /* Translators: two sentences one after the other; in Chinese without a space */
          g_autofree char *text = g_strdup_printf (C_("sentences", "%s %s"), gtk_label_get_label (self->rejected_label),
                                                   _("A person not on the roster can be added with Add to Roster…; "
                                                     "the file is then checked again."));

          gtk_label_set_label (self->rejected_label, text);
          break;
        }
    }
}

/* Preview list */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  XsImportPreview *self = user_data;

  return !gtk_toggle_button_get_active (self->rejected_only_button)
         || xs_import_row_item_get_outcome (item) == XS_ROW_REJECTED;
}

static void
on_rejected_only_toggled (XsImportPreview *self,
                          GtkToggleButton *button)
{
  gtk_filter_changed (GTK_FILTER (self->filter),
                      gtk_toggle_button_get_active (button) ? GTK_FILTER_CHANGE_MORE_STRICT
                                                            : GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
on_skip_toggled (XsImportPreview *self,
                 GtkCheckButton  *button)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKIP_REJECTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_COMMIT]);
}

static void
on_clear_toggled (XsImportPreview *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLEAR_EMPTY]);
}

/* The cells' templates: a rejected row's cells have the "error" style. */

static char **
cell_classes (GtkListItem *list_item,
              gboolean     rejected)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **classes;

  if (rejected)
    g_strv_builder_add (builder, "error");
  classes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return classes;
}

static char **
number_cell_classes (GtkListItem *list_item,
                     gboolean     rejected)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **classes;

  g_strv_builder_add (builder, "numeric");
  if (rejected)
    g_strv_builder_add (builder, "error");
  classes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return classes;
}

/* Add to Roster… under a rejected line of hours whose person the roster
 * lacks: added here, the line becomes importable */

static char *
add_to_roster_label (GtkListItem *list_item)
{
  /* no mnemonic: each such line has this button */
  return g_strdup (_("Add to Roster…"));
}

/* the spreadsheet row, for import.add-to-roster */
static GVariant *
add_to_roster_target (GtkListItem *list_item,
                      guint        row)
{
  return g_variant_ref_sink (g_variant_new_uint32 (row));
}

static char *
add_to_roster_action_name (GtkListItem *list_item,
                           gboolean     missing)
{
  return missing ? g_strdup ("import.add-to-roster") : NULL;
}

static void
on_run_report (XsImportPreview *self)
{
  XsImportReport *report = xs_import_run_get_report (self->run);

  if (report != NULL)
    show_report (self, report);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_COMMIT]);
}

/* Public */

void
xs_import_preview_set_run (XsImportPreview *self,
                           XsImportRun     *run)
{
  g_return_if_fail (XS_IS_IMPORT_PREVIEW (self));
  g_return_if_fail (run == NULL || XS_IS_IMPORT_RUN (run));

  if (self->run == run)
    return;
  if (self->run != NULL)
    g_signal_handlers_disconnect_by_data (self->run, self);
  g_set_object (&self->run, run);
  gtk_filter_list_model_set_model (self->filtered, run != NULL ? xs_import_run_get_rows (run) : NULL);
  if (run != NULL)
    {
      g_signal_connect_object (run, "notify::report", G_CALLBACK (on_run_report), self, G_CONNECT_SWAPPED);
      /* only a roster's empty cells can clear what is stored */
      gtk_widget_set_visible (self->clear_box, xs_import_run_get_kind (run) == XS_IMPORT_ROSTER);
      on_run_report (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN]);
}

XsImportRun *
xs_import_preview_get_run (XsImportPreview *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_PREVIEW (self), NULL);
  return self->run;
}

gboolean
xs_import_preview_get_skip_rejected (XsImportPreview *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_PREVIEW (self), FALSE);
  return gtk_check_button_get_active (self->skip_check);
}

gboolean
xs_import_preview_get_clear_empty (XsImportPreview *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_PREVIEW (self), FALSE);
  return gtk_widget_get_visible (self->clear_box) && gtk_switch_get_active (self->clear_switch);
}

gboolean
xs_import_preview_get_can_commit (XsImportPreview *self)
{
  XsImportReport *report;
  guint rejected, writable;

  g_return_val_if_fail (XS_IS_IMPORT_PREVIEW (self), FALSE);

  report = self->run != NULL ? xs_import_run_get_report (self->run) : NULL;
  if (report == NULL)
    return FALSE;
  rejected = xs_import_report_get_count (report, XS_ROW_REJECTED);
  writable = xs_import_report_get_count (report, XS_ROW_ADDED)
             + xs_import_report_get_count (report, XS_ROW_UPDATED);
  return writable > 0 && (rejected == 0 || gtk_check_button_get_active (self->skip_check));
}

/* GObject */

static void
xs_import_preview_dispose (GObject *object)
{
  XsImportPreview *self = XS_IMPORT_PREVIEW (object);
  GtkWidget *child;

  if (self->run != NULL)
    g_signal_handlers_disconnect_by_data (self->run, self);
  g_clear_object (&self->run);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_IMPORT_PREVIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (xs_import_preview_parent_class)->dispose (object);
}

static void
xs_import_preview_finalize (GObject *object)
{
  XsImportPreview *self = XS_IMPORT_PREVIEW (object);

  g_clear_object (&self->filter);

  G_OBJECT_CLASS (xs_import_preview_parent_class)->finalize (object);
}

static void
xs_import_preview_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XsImportPreview *self = XS_IMPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_RUN:
      g_value_set_object (value, self->run);
      break;
    case PROP_SKIP_REJECTED:
      g_value_set_boolean (value, xs_import_preview_get_skip_rejected (self));
      break;
    case PROP_CLEAR_EMPTY:
      g_value_set_boolean (value, xs_import_preview_get_clear_empty (self));
      break;
    case PROP_CAN_COMMIT:
      g_value_set_boolean (value, xs_import_preview_get_can_commit (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_import_preview_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_RUN:
      xs_import_preview_set_run (XS_IMPORT_PREVIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_import_preview_class_init (XsImportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_import_preview_dispose;
  object_class->finalize = xs_import_preview_finalize;
  object_class->get_property = xs_import_preview_get_property;
  object_class->set_property = xs_import_preview_set_property;

  /* whose preview it shows */
  properties[PROP_RUN] =
    g_param_spec_object ("run", NULL, NULL, XS_TYPE_IMPORT_RUN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the clerk chose to import the valid rows and skip the rejected ones */
  properties[PROP_SKIP_REJECTED] =
    g_param_spec_boolean ("skip-rejected", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* a roster's empty cells clear the stored details */
  properties[PROP_CLEAR_EMPTY] =
    g_param_spec_boolean ("clear-empty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the preview has rows to write, and the rejected ones are dealt with */
  properties[PROP_CAN_COMMIT] =
    g_param_spec_boolean ("can-commit", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-import-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, XsImportPreview, counts_label);
  gtk_widget_class_bind_template_child (widget_class, XsImportPreview, file_label);
  gtk_widget_class_bind_template_child (widget_class, XsImportPreview, rejected_only_button);
  gtk_widget_class_bind_template_child (widget_class, XsImportPreview, column_view);
  gtk_widget_class_bind_template_child (widget_class, XsImportPreview, rejected_box);
  gtk_widget_class_bind_template_child (widget_class, XsImportPreview, rejected_label);
  gtk_widget_class_bind_template_child (widget_class, XsImportPreview, skip_check);
  gtk_widget_class_bind_template_child (widget_class, XsImportPreview, save_rejected_button);
  gtk_widget_class_bind_template_child (widget_class, XsImportPreview, clear_box);
  gtk_widget_class_bind_template_child (widget_class, XsImportPreview, clear_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_rejected_only_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_skip_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_toggled);
  gtk_widget_class_bind_template_callback (widget_class, cell_classes);
  gtk_widget_class_bind_template_callback (widget_class, number_cell_classes);
  gtk_widget_class_bind_template_callback (widget_class, add_to_roster_label);
  gtk_widget_class_bind_template_callback (widget_class, add_to_roster_target);
  gtk_widget_class_bind_template_callback (widget_class, add_to_roster_action_name);
}

static void
xs_import_preview_init (XsImportPreview *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (self->filtered));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}
