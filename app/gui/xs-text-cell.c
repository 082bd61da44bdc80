/* xs-text-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line of text, ellipsized at the end, as wide as the column it is
 * in. It does what a GtkInscription does in a list cell, at a fraction of
 * the cost: GTK 4.8 keeps about 200 rows of the trainees list alive and
 * makes them all again when a search leaves a few rows and then many, and
 * 800 GtkInscriptions (each makes its text layout as it is created) took
 * most of that. Here the layout is made when the cell is first drawn, so
 * the rows kept off screen never make one; the height comes from the
 * font's metrics, the width from the column. The tooltip is asked for
 * when it is shown (setting one on each bind makes GTK look up the
 * pointer, a round trip to the display server per row).
 */
#define G_LOG_DOMAIN "xs-text-cell"

#include "config.h"

#include "xs-accessible-later.h"
#include "xs-text-cell.h"
#include "xs-tooltip.h"
#include "xs-widget-layout.h"

struct _XsTextCell
{
  GtkWidget             parent_instance;

  char                 *text;
  char                 *tooltip;
  XsWidgetLayout        layout;       /* made when first drawn */
  XsAccessibleWords     words;        /* the label is the text */
};

G_DEFINE_FINAL_TYPE (XsTextCell, xs_text_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The least width: three characters, as a GtkInscription's. */
#define MIN_CHARS 3

static void
xs_text_cell_finalize (GObject *object)
{
  XsTextCell *self = XS_TEXT_CELL (object);

  xs_widget_layout_clear (&self->layout);
  g_free (self->text);
  g_free (self->tooltip);
  G_OBJECT_CLASS (xs_text_cell_parent_class)->finalize (object);
}

/* The layout in the widget's font, with tabular figures for "numeric"
 * cells (identity numbers). */
static PangoLayout *
ensure_layout (XsTextCell *self)
{
  gboolean made;
  PangoLayout *layout = xs_widget_layout_get (&self->layout, GTK_WIDGET (self), self->text,
                                              gtk_widget_has_css_class (GTK_WIDGET (self), "numeric"), &made);

  if (made)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
    }
  return layout;
}

/* Also called as the pointer moves over the row: only a new font makes
 * the layout again; a new colour only redraws. */
static void
xs_text_cell_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (xs_text_cell_parent_class)->css_changed (widget, change);
  if (xs_widget_layout_follow_font (&XS_TEXT_CELL (widget)->layout, widget))
    gtk_widget_queue_resize (widget);
  else
    gtk_widget_queue_draw (widget);
}

static void
xs_text_cell_system_setting_changed (GtkWidget        *widget,
                                     GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (xs_text_cell_parent_class)->system_setting_changed (widget, setting);
  if (xs_widget_layout_follow_setting (&XS_TEXT_CELL (widget)->layout, setting))
    gtk_widget_queue_resize (widget);
}

/* From the font's metrics alone: the text is not laid out to measure. */
static void
xs_text_cell_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = PANGO_PIXELS_CEIL (MIN_CHARS * pango_font_metrics_get_approximate_char_width (metrics));
  else
    {
      int ascent = pango_font_metrics_get_ascent (metrics);
      int descent = pango_font_metrics_get_descent (metrics);
      int height = MAX (pango_font_metrics_get_height (metrics), ascent + descent);

      *minimum = *natural = PANGO_PIXELS_CEIL (height);
    }
  pango_font_metrics_unref (metrics);
}

/* The accessible label and description follow the text and the tooltip
 * when the cell is drawn or after the frame (xs-accessible-later.c): set
 * with the text, they took half of making a page of rows again. */
static void
say_label (GtkWidget *widget)
{
  XsTextCell *self = XS_TEXT_CELL (widget);

  if (!xs_accessible_words_take (&self->words))
    return;
  if (self->text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  if (self->tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->tooltip, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
xs_text_cell_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  XsTextCell *self = XS_TEXT_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRGBA color;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  say_label (widget);
  if (width <= 0 || self->text == NULL || *self->text == '\0')
    return;
  layout = ensure_layout (self);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, floorf ((height - logical.height) / 2.0f)));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static gboolean
xs_text_cell_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_tooltip,
                            GtkTooltip *tooltip)
{
  XsTextCell *self = XS_TEXT_CELL (widget);

  if (self->tooltip == NULL)
    return FALSE;
  xs_tooltip_show_text (tooltip, widget, self->tooltip);
  return TRUE;
}

static void
xs_text_cell_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XsTextCell *self = XS_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_text_cell_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  XsTextCell *self = XS_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      xs_text_cell_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_text_cell_class_init (XsTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = xs_text_cell_finalize;
  object_class->get_property = xs_text_cell_get_property;
  object_class->set_property = xs_text_cell_set_property;
  widget_class->measure = xs_text_cell_measure;
  widget_class->snapshot = xs_text_cell_snapshot;
  widget_class->css_changed = xs_text_cell_css_changed;
  widget_class->system_setting_changed = xs_text_cell_system_setting_changed;
  widget_class->query_tooltip = xs_text_cell_query_tooltip;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* styled as a label: the status colours (.success, .warning, .error)
   * and .numeric come from the style sheet */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
xs_text_cell_init (XsTextCell *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
xs_text_cell_new (void)
{
  return g_object_new (XS_TYPE_TEXT_CELL, NULL);
}

void
xs_text_cell_set_text (XsTextCell *self,
                       const char *text)
{
  g_return_if_fail (XS_IS_TEXT_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  xs_widget_layout_set_text (&self->layout, self->text);
  /* the width is the column's and the height the font's: only drawn again */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  xs_accessible_words_changed (&self->words, GTK_WIDGET (self), say_label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
xs_text_cell_get_text (XsTextCell *self)
{
  g_return_val_if_fail (XS_IS_TEXT_CELL (self), NULL);
  return self->text;
}

void
xs_text_cell_set_tooltip (XsTextCell *self,
                          const char *tooltip)
{
  g_return_if_fail (XS_IS_TEXT_CELL (self));

  if (g_strcmp0 (self->tooltip, tooltip) == 0)
    return;
  g_free (self->tooltip);
  self->tooltip = g_strdup (tooltip);
  xs_accessible_words_changed (&self->words, GTK_WIDGET (self), say_label);
}

const char *
xs_text_cell_get_tooltip (XsTextCell *self)
{
  g_return_val_if_fail (XS_IS_TEXT_CELL (self), NULL);
  return self->tooltip;
}
