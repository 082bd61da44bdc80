/* xs-trainee-cells.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cells of the trainees list: one widget a cell, set from the row's
 * item when the cell is bound and when the item's own values change (the
 * list's items are row slots that take another trainee in place, see
 * xs-trainee-filter-model.c).
 *
 * GTK 4.8 keeps about 200 rows alive and makes them all again when a
 * search leaves fewer rows and then more: each cell is one widget that
 * makes nothing it does not show (see xs-text-cell.c, xs-hours-bar.c).
 */
#define G_LOG_DOMAIN "xs-trainee-cells"

#include "config.h"

#include "xs-hours-bar.h"
#include "xs-text-cell.h"
#include "xs-trainee-cells.h"
#include "xs-trainee-item.h"

/* The item's properties a cell shows; NULL where there are fewer. */
static const char *const cell_properties[][3] = {
  [XS_TRAINEE_CELL_NAME] = { "name", NULL, NULL },
  [XS_TRAINEE_CELL_MASKED_ID] = { "masked-id", NULL, NULL },
  [XS_TRAINEE_CELL_EMPLOYER] = { "employer", NULL, NULL },
  [XS_TRAINEE_CELL_PUBLIC] = { "public", "pending-public", "required-public" },
  [XS_TRAINEE_CELL_PROFESSIONAL] = { "professional", "pending-professional", "required-professional" },
  [XS_TRAINEE_CELL_TOTAL] = { "total", "pending-total", "required-total" },
  [XS_TRAINEE_CELL_STATUS] = { "status-label", "status-classes", "lacking" },
};

typedef struct
{
  XsTraineeCell  kind;
  GtkListItem   *list_item;   /* not owned: the cell is its data */
  XsTraineeItem *item;
  gulong         handler;
} Cell;

static GQuark
cell_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("xs-trainee-cell");
  return quark;
}

static gboolean
is_hours (XsTraineeCell kind)
{
  return kind == XS_TRAINEE_CELL_PUBLIC || kind == XS_TRAINEE_CELL_PROFESSIONAL
         || kind == XS_TRAINEE_CELL_TOTAL;
}

static void
cell_unbind (Cell *cell)
{
  if (cell->item != NULL)
    g_clear_signal_handler (&cell->handler, cell->item);
  g_clear_object (&cell->item);
}

static void
cell_free (Cell *cell)
{
  cell_unbind (cell);
  g_free (cell);
}

static void
update_hours (Cell       *cell,
              XsHoursBar *bar)
{
  const char *const *names = cell_properties[cell->kind];
  int approved, pending, required, shown_approved, shown_pending, shown_required;

  g_object_get (cell->item, names[0], &approved, names[1], &pending, names[2], &required, NULL);
  g_object_get (bar, "approved", &shown_approved, "pending", &shown_pending, "required", &shown_required, NULL);
  if (xs_hours_bar_get_text (bar) == NULL
      || approved != shown_approved || pending != shown_pending || required != shown_required)
    xs_hours_bar_set (bar, NULL, approved, pending, required);
}

static void
update_status (Cell       *cell,
               XsTextCell *label)
{
  g_auto(GStrv) classes = NULL;
  g_auto(GStrv) shown = NULL;

  xs_text_cell_set_text (label, xs_trainee_item_get_status_label (cell->item));
  /* green, orange or red */
  g_object_get (cell->item, "status-classes", &classes, NULL);
  shown = gtk_widget_get_css_classes (GTK_WIDGET (label));
  if (!g_strv_equal ((const char *const *) classes, (const char *const *) shown))
    gtk_widget_set_css_classes (GTK_WIDGET (label), (const char **) classes);
  /* what an at-risk trainee lacks; none for the others */
  xs_text_cell_set_tooltip (label, xs_trainee_item_get_lacking (cell->item));
}

static void
cell_update (Cell *cell)
{
  GtkWidget *child = gtk_list_item_get_child (cell->list_item);

  /* a blank row while the list gets shorter (xs-trainee-filter-model.c) */
  gtk_widget_set_opacity (child, xs_trainee_item_get_trainee_id (cell->item) > 0 ? 1.0 : 0.0);

  switch (cell->kind)
    {
    case XS_TRAINEE_CELL_NAME:
      xs_text_cell_set_text (XS_TEXT_CELL (child), xs_trainee_item_get_name (cell->item));
      break;
    case XS_TRAINEE_CELL_MASKED_ID:
      xs_text_cell_set_text (XS_TEXT_CELL (child), xs_trainee_item_get_masked_id (cell->item));
      break;
    case XS_TRAINEE_CELL_EMPLOYER:
      xs_text_cell_set_text (XS_TEXT_CELL (child), xs_trainee_item_get_employer (cell->item));
      break;
    case XS_TRAINEE_CELL_PUBLIC:
    case XS_TRAINEE_CELL_PROFESSIONAL:
    case XS_TRAINEE_CELL_TOTAL:
      update_hours (cell, XS_HOURS_BAR (child));
      break;
    case XS_TRAINEE_CELL_STATUS:
      update_status (cell, XS_TEXT_CELL (child));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
on_item_notify (XsTraineeItem *item,
                GParamSpec    *pspec,
                Cell          *cell)
{
  const char *const *names = cell_properties[cell->kind];

  if (g_str_equal (pspec->name, "trainee-id"))
    {
      cell_update (cell);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cell_properties[0]) && names[i] != NULL; i++)
    if (g_str_equal (pspec->name, names[i]))
      {
        cell_update (cell);
        return;
      }
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  kind_pointer)
{
  XsTraineeCell kind = GPOINTER_TO_INT (kind_pointer);
  Cell *cell = g_new0 (Cell, 1);
  GtkWidget *child;

  if (is_hours (kind))
    {
      child = xs_hours_bar_new ();
      gtk_widget_add_css_class (child, "compact");
    }
  else
    {
      child = xs_text_cell_new ();
      if (kind == XS_TRAINEE_CELL_MASKED_ID)
        gtk_widget_add_css_class (child, "numeric");
    }
  gtk_list_item_set_child (list_item, child);
  cell->kind = kind;
  cell->list_item = list_item;
  g_object_set_qdata_full (G_OBJECT (list_item), cell_quark (), cell, (GDestroyNotify) cell_free);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  kind_pointer)
{
  Cell *cell = g_object_get_qdata (G_OBJECT (list_item), cell_quark ());
  XsTraineeItem *item = gtk_list_item_get_item (list_item);

  if (cell == NULL || item == NULL)
    return;
  cell_unbind (cell);
  cell->item = g_object_ref (item);
  cell->handler = g_signal_connect (item, "notify", G_CALLBACK (on_item_notify), cell);
  cell_update (cell);
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  kind_pointer)
{
  Cell *cell = g_object_get_qdata (G_OBJECT (list_item), cell_quark ());

  if (cell != NULL)
    cell_unbind (cell);
}

static void
on_teardown (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  kind_pointer)
{
  g_object_set_qdata (G_OBJECT (list_item), cell_quark (), NULL);
  gtk_list_item_set_child (list_item, NULL);
}

GtkListItemFactory *
xs_trainee_cells_factory_new (XsTraineeCell kind)
{
  GtkListItemFactory *factory;

  g_return_val_if_fail (kind >= XS_TRAINEE_CELL_NAME && kind <= XS_TRAINEE_CELL_STATUS, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "teardown", G_CALLBACK (on_teardown), GINT_TO_POINTER (kind));
  return factory;
}
