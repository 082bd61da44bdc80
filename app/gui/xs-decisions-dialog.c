/* xs-decisions-dialog.c: what applying a reviewers' decisions file would
 * do, or did, with Apply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-decisions-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-decisions-dialog.h"
#include "xs-detail-item.h"

struct _XsDecisionsDialog
{
  AdwMessageDialog  parent_instance;

  char             *path;
  guint             valid;     /* valid decisions that "apply-valid" applies alone */
};

G_DEFINE_FINAL_TYPE (XsDecisionsDialog, xs_decisions_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_preview_row (gpointer item,
                    gpointer user_data)
{
  XsImportReport *report = user_data;
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);
  XsImportRow *row = g_ptr_array_index (xs_import_report_get_rows (report), index);
  g_autofree char *where = NULL;
  GtkWidget *action_row = adw_action_row_new ();

  /* Translators: where a decision is: the file and the decision's number in it */
  where = g_strdup_printf (_("%s:%u"), xs_import_report_get_file_name (report), row->row);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), row->summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), where);
  adw_action_row_add_prefix (ADW_ACTION_ROW (action_row),
                             gtk_image_new_from_icon_name (row->outcome == XS_ROW_REJECTED
                                                           ? "dialog-warning-symbolic" : "object-select-symbolic"));
  return action_row;
}

/* Every decision of the file, refused ones first, each with its name. */
static GtkWidget *
preview_list (XsImportReport *report)
{
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  GPtrArray *all = xs_import_report_get_rows (report);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  for (int refused = 1; refused >= 0; refused--)
    for (guint i = 0; i < all->len; i++)
      {
        XsImportRow *row = g_ptr_array_index (all, i);
        char number[16];

        if ((row->outcome == XS_ROW_REJECTED) != refused)
          continue;
        g_snprintf (number, sizeof number, "%u", i);
        gtk_string_list_append (rows, number);
      }
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The decisions of the file"), -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (rows), create_preview_row,
                           g_object_ref (report), g_object_unref);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

/* The answer: "apply" applies them all, "apply-valid" only the valid
 * ones, anything else nothing. */
static void
on_response (XsDecisionsDialog *self,
             const char        *response)
{
  if (g_str_equal (response, "apply"))
    g_signal_emit (self, signals[APPLY], 0, self->path, (guint) XS_IMPORT_DEFAULT);
  else if (g_str_equal (response, "apply-valid"))
    g_signal_emit (self, signals[APPLY], 0, self->path, (guint) XS_IMPORT_SKIP_INVALID);
}

/* A dialog on @path headed @heading saying @body; "apply-valid" is
 * offered when @valid is not 0. */
static XsDecisionsDialog *
dialog_new (GtkWindow  *parent,
            const char *path,
            const char *heading,
            const char *body,
            guint       valid)
{
  XsDecisionsDialog *self = g_object_new (XS_TYPE_DECISIONS_DIALOG, "transient-for", parent,
                                          "heading", heading, "body", body, NULL);

  self->path = g_strdup (path);
  self->valid = valid;
  return self;
}

/* Offers "apply-valid" when there are valid ones to apply alone; a
 * response @close_response closes. */
static void
finish (XsDecisionsDialog *self,
        const char        *close_response)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  if (self->valid > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Apply %u Valid Decision",
                                                             "_Apply %u Valid Decisions", self->valid), self->valid);

      adw_message_dialog_add_response (dialog, "apply-valid", label);
      adw_message_dialog_set_response_appearance (dialog, "apply-valid", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_close_response (dialog, close_response);
}

XsDecisionsDialog *
xs_decisions_dialog_new_preview (GtkWindow          *parent,
                                 const char         *path,
                                 XsDecisionsPreview *preview)
{
  XsDecisionsDialog *self;
  guint refused = xs_import_report_get_count (preview->report, XS_ROW_REJECTED);
  guint valid = preview->n_approved + preview->n_rejected;
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  g_return_val_if_fail (path != NULL && preview != NULL, NULL);

  if (preview->imported_at != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (preview->imported_at, NULL);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M")
                                            : g_strdup (preview->imported_at);

      g_string_append_printf (body, _("This file was already applied on %s."), when);
      g_string_append (body, "\n\n");
    }
  /* Translators: what applying a decisions file would do */
  g_string_append_printf (body, _("Approved: %u · Not approved: %u · Refused: %u."),
                          preview->n_approved, preview->n_rejected, refused);
  if (refused > 0)
    {
      g_string_append (body, " ");
      g_string_append (body, _("A refused decision is not applied; the list says why."));
    }

  self = dialog_new (parent, path, _("Apply the Decisions?"), body->str, refused > 0 ? valid : 0);
  dialog = ADW_MESSAGE_DIALOG (self);
  adw_message_dialog_set_extra_child (dialog, preview_list (preview->report));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (refused == 0 && valid > 0)
    {
      adw_message_dialog_add_response (dialog, "apply", _("_Apply"));
      adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "apply");
    }
  finish (self, "cancel");
  return self;
}

static GtkWidget *
refused_list (XsImportReport *report)
{
  GPtrArray *rows = xs_import_report_get_rows (report);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GListStore) refused = g_list_store_new (XS_TYPE_DETAIL_ITEM);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Refused decisions"), -1);
  for (guint i = 0; i < rows->len; i++)
    {
      XsImportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *where = NULL;
      g_autoptr(XsDetailItem) item = NULL;

      if (row->outcome != XS_ROW_REJECTED)
        continue;
      /* Translators: where a refused decision is: the file and the decision's number in it */
      where = g_strdup_printf (_("%s:%u"), xs_import_report_get_file_name (report), row->row);
      item = xs_detail_item_new (row->summary, where);
      g_list_store_append (refused, item);
    }
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (refused), xs_detail_item_create_row, NULL, NULL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

XsDecisionsDialog *
xs_decisions_dialog_new_report (GtkWindow      *parent,
                                const char     *path,
                                XsImportReport *report)
{
  XsDecisionsDialog *self;
  gboolean committed = xs_import_report_get_committed (report);
  guint valid = xs_import_report_get_count (report, XS_ROW_UPDATED);
  guint refused = xs_import_report_get_count (report, XS_ROW_REJECTED);
  g_autofree char *body = NULL;

  g_return_val_if_fail (path != NULL && XS_IS_IMPORT_REPORT (report), NULL);

  if (committed && refused == 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision applied.", "%u decisions applied.", valid),
                            valid);
  else if (committed)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u decision applied; the refused ones below were skipped.",
                                         "%u decisions applied; the refused ones below were skipped.", valid),
                            valid);
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "No decision was applied because %u is refused. Correct the file, or apply only the valid ones.",
                                         "No decision was applied because %u are refused. Correct the file, or apply only the valid ones.",
                                         refused),
                            refused);

  self = dialog_new (parent, path, committed ? _("Decisions Applied") : _("Decisions Not Applied"), body,
                     committed ? 0 : valid);
  if (refused > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), refused_list (report));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "close", _("_Close"));
  finish (self, "close");
  return self;
}

static void
xs_decisions_dialog_finalize (GObject *object)
{
  XsDecisionsDialog *self = XS_DECISIONS_DIALOG (object);

  g_free (self->path);
  G_OBJECT_CLASS (xs_decisions_dialog_parent_class)->finalize (object);
}

static void
xs_decisions_dialog_class_init (XsDecisionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_decisions_dialog_finalize;

  signals[APPLY] =
    g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
}

static void
xs_decisions_dialog_init (XsDecisionsDialog *self)
{
  g_signal_connect (self, "response", G_CALLBACK (on_response), NULL);
}
