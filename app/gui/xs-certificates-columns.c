/* xs-certificates-columns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Certificates page's list of qualified trainees: its columns and
 * cells, and which of them a narrow window keeps.
 */
#define G_LOG_DOMAIN "xs-certificates-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificates-columns.h"
#include "xs-date.h"
#include "xs-trainee-item.h"

/* fixed, so that the columns keep their width as the list scrolls */
#define NAME_WIDTH 96
#define ID_WIDTH   170

struct _XsCertificatesColumns
{
  GObject              parent_instance;

  GtkColumnView       *view;          /* weak: the view owns the columns */
  gboolean             narrow;
  guint                narrow_idle;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *secondary[2];  /* identity number, employer */
};

G_DEFINE_FINAL_TYPE (XsCertificatesColumns, xs_certificates_columns, G_TYPE_OBJECT)

static void
on_check_toggled (GtkCheckButton *check,
                  GtkListItem    *list_item)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *selection;
  guint position = gtk_list_item_get_position (list_item);
  gboolean active = gtk_check_button_get_active (check);

  if (view == NULL || gtk_list_item_get_item (list_item) == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  if (selection == NULL)
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
add_column (XsCertificatesColumns *self,
            const char         *title,
            GCallback           setup,
            GCallback           bind,
            gboolean            expand,
            int                 fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, !expand && fixed_width > 48);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
  return column;
}

/* A narrow view keeps the check box, the name and the total, the name
 * taking the room the others leave. */
static void
fold (XsCertificatesColumns *self)
{
  /* GTK 4.8 counts a hidden column's fixed width in the list's minimum */
  gtk_column_view_column_set_fixed_width (self->secondary[0], self->narrow ? -1 : ID_WIDTH);
  for (guint i = 0; i < G_N_ELEMENTS (self->secondary); i++)
    gtk_column_view_column_set_visible (self->secondary[i], !self->narrow);
  gtk_column_view_column_set_fixed_width (self->name_column, self->narrow ? -1 : NAME_WIDTH);
  gtk_column_view_column_set_expand (self->name_column, self->narrow);
}

void
xs_certificates_columns_set_narrow (XsCertificatesColumns *self,
                                    gboolean               narrow)
{
  g_return_if_fail (XS_IS_CERTIFICATES_COLUMNS (self));

  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  self->narrow = !!narrow;
  fold (self);
}

static gboolean
apply_narrow (gpointer user_data)
{
  XsCertificatesColumns *self = user_data;

  self->narrow_idle = 0;
  fold (self);
  return G_SOURCE_REMOVE;
}

void
xs_certificates_columns_set_narrow_later (XsCertificatesColumns *self,
                                          gboolean               narrow)
{
  g_return_if_fail (XS_IS_CERTIFICATES_COLUMNS (self));

  if (self->narrow == !!narrow)
    return;
  self->narrow = !!narrow;
  if (self->narrow_idle == 0)
    self->narrow_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_narrow, self, NULL);
}

XsCertificatesColumns *
xs_certificates_columns_new (GtkColumnView *view)
{
  XsCertificatesColumns *self;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  self = g_object_new (XS_TYPE_CERTIFICATES_COLUMNS, NULL);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  add_column (self, "", G_CALLBACK (setup_check), G_CALLBACK (bind_check), FALSE, 40);
  self->name_column = add_column (self, _("Name"), G_CALLBACK (setup_label), G_CALLBACK (bind_name), FALSE,
                                  NAME_WIDTH);
  self->secondary[0] = add_column (self, _("Identity Number"), G_CALLBACK (setup_label),
                                   G_CALLBACK (bind_masked_id), FALSE, ID_WIDTH);
  self->secondary[1] = add_column (self, _("Employer"), G_CALLBACK (setup_label), G_CALLBACK (bind_employer),
                                   TRUE, -1);
  add_column (self, _("Total"), G_CALLBACK (setup_label), G_CALLBACK (bind_total), FALSE, 56);
  fold (self);
  return self;
}

static void
xs_certificates_columns_dispose (GObject *object)
{
  XsCertificatesColumns *self = XS_CERTIFICATES_COLUMNS (object);

  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  if (self->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  self->view = NULL;

  G_OBJECT_CLASS (xs_certificates_columns_parent_class)->dispose (object);
}

static void
xs_certificates_columns_class_init (XsCertificatesColumnsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xs_certificates_columns_dispose;
}

static void
xs_certificates_columns_init (XsCertificatesColumns *self)
{
  self->narrow = TRUE;
}
