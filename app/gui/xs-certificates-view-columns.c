/* xs-certificates-view-columns.c: the certificates view's columns and cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificates-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificates-view-private.h"
#include "xs-date.h"

/* fixed, so that the columns keep their width as the list scrolls */
#define NAME_WIDTH 96
#define ID_WIDTH   170

static void
on_check_toggled (GtkCheckButton *check,
                  GtkListItem    *list_item)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (check),
                                                                           XS_TYPE_CERTIFICATES_VIEW));
  GtkSelectionModel *selection;
  guint position = gtk_list_item_get_position (list_item);
  gboolean active = gtk_check_button_get_active (check);

  if (self == NULL || gtk_list_item_get_item (list_item) == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  selection = GTK_SELECTION_MODEL (self->selection);
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
  const char *employer = xs_trainee_item_get_employer (gtk_list_item_get_item (list_item));
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (label), employer);
  /* the whole name, where the column cuts it short */
  gtk_widget_set_tooltip_text (label, employer);
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

static GtkColumnViewColumn *
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
  return column;
}

void
_xs_certificates_view_add_columns (XsCertificatesView *self)
{
  add_column (self, "", G_CALLBACK (setup_check), G_CALLBACK (bind_check), FALSE, 40);
  self->name_column = add_column (self, _("Name"), G_CALLBACK (setup_label), G_CALLBACK (bind_name), FALSE,
                                  NAME_WIDTH);
  self->secondary[0] = add_column (self, _("Identity Number"), G_CALLBACK (setup_label),
                                   G_CALLBACK (bind_masked_id), FALSE, ID_WIDTH);
  self->secondary[1] = add_column (self, _("Employer"), G_CALLBACK (setup_label), G_CALLBACK (bind_employer),
                                   TRUE, -1);
  add_column (self, _("Total"), G_CALLBACK (setup_label), G_CALLBACK (bind_total), FALSE, 56);
  _xs_certificates_view_fold_columns (self);
}

/* A narrow view keeps the check box, the name and the total, the name
 * taking the room the others leave. */
void
_xs_certificates_view_fold_columns (XsCertificatesView *self)
{
  /* GTK 4.8 counts a hidden column's fixed width in the list's minimum */
  gtk_column_view_column_set_fixed_width (self->secondary[0], self->narrow ? -1 : ID_WIDTH);
  for (guint i = 0; i < G_N_ELEMENTS (self->secondary); i++)
    gtk_column_view_column_set_visible (self->secondary[i], !self->narrow);
  gtk_column_view_column_set_fixed_width (self->name_column, self->narrow ? -1 : NAME_WIDTH);
  gtk_column_view_column_set_expand (self->name_column, self->narrow);
}
