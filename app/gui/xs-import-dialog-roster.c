/* xs-import-dialog-roster.c: the preview's Details column, and Add to Roster
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

#include "xs-import-dialog-private.h"
#include "xs-import-row-item.h"
#include "xs-report.h"
#include "xs-roster-add-dialog.h"

void
_xs_import_dialog_setup_summary (GtkSignalListItemFactory *factory,
                                 GtkListItem              *list_item,
                                 gpointer                  user_data)
{
  /* the button under the text: the column stays readable when narrow */
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Add to _Roster…"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  /* A person the roster lacks: added here, the row becomes importable. */
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_visible (button, FALSE);
  gtk_widget_add_css_class (button, "small");
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (list_item, box);
}

void
_xs_import_dialog_bind_summary (GtkSignalListItemFactory *factory,
                                GtkListItem              *list_item,
                                gpointer                  user_data)
{
  XsImportRowItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *button = gtk_widget_get_next_sibling (label);
  gboolean missing = xs_import_row_item_get_missing_id (item) != NULL;

  gtk_label_set_label (GTK_LABEL (label), xs_import_row_item_get_summary (item));
  _xs_import_dialog_set_error_style (label, item);
  gtk_widget_set_visible (button, missing);
  /* the target first: the action takes the row's number */
  if (missing)
    {
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_uint32 (xs_import_row_item_get_row (item)));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "import.add-to-roster");
    }
  else
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
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
  if (self->file != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

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

  rows = G_LIST_MODEL (self->rows);
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

void
_xs_import_dialog_add_to_roster_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  xs_import_dialog_add_to_roster (XS_IMPORT_DIALOG (widget), g_variant_get_uint32 (param));
}
