/* xs-hours-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-hours-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-accessible-later.h"
#include "xs-date.h"
#include "xs-hours-bar.h"
#include "xs-tooltip.h"
#include "xs-widget-layout.h"

/* One widget drawing its text and its track: a label and a track widget
 * in a box were three widgets, and the trainees list makes three bars for
 * each of the ~200 rows GTK 4.8 keeps alive, and unparents them all again
 * when a search shortens the list. */
struct _XsHoursBar
{
  GtkWidget             parent_instance;

  XsWidgetLayout        layout;         /* the text, made when first measured */
  int                   ellipsis_width; /* the least the text shrinks to */
  char                 *text;
  char                 *tooltip;
  int                   approved;
  int                   pending;
  int                   required;
  gboolean              met;
  gboolean              compact;        /* as last styled */
  XsAccessibleWords     words;          /* the accessible values are the numbers */
};

/* Between the text and the track, and the track's height (4 in compact
 * list cells); the track's colours come from the style sheet. */
#define SPACING 4
#define TRACK_HEIGHT 8
#define COMPACT_TRACK_HEIGHT 4

G_DEFINE_FINAL_TYPE (XsHoursBar, xs_hours_bar, GTK_TYPE_WIDGET)

/* The three numbers as properties, for list cells that bind them to their
 * item (tenths of an hour, no title). */
enum {
  PROP_0,
  PROP_APPROVED,
  PROP_PENDING,
  PROP_REQUIRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xs_hours_bar_finalize (GObject *object)
{
  XsHoursBar *self = XS_HOURS_BAR (object);

  xs_widget_layout_clear (&self->layout);
  g_free (self->text);
  g_free (self->tooltip);
  G_OBJECT_CLASS (xs_hours_bar_parent_class)->finalize (object);
}

/* In list cells ("compact") a bar keeps to one line, its text cut at the
 * end; elsewhere (the trainee page) the text wraps, so that a narrow window
 * still says what the pale part of the track is. */
static gboolean
is_compact (XsHoursBar *self)
{
  return gtk_widget_has_css_class (GTK_WIDGET (self), "compact");
}

static int
track_height (XsHoursBar *self)
{
  return is_compact (self) ? COMPACT_TRACK_HEIGHT : TRACK_HEIGHT;
}

/* The layout of the text in the widget's font (smaller in compact cells,
 * from the style sheet), with tabular figures as a "numeric" label has;
 * made again only when the font changes. */
static PangoLayout *
ensure_layout (XsHoursBar *self)
{
  gboolean made;
  PangoLayout *layout = xs_widget_layout_get (&self->layout, GTK_WIDGET (self), "\u2026", TRUE, &made);

  if (made)
    {
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      self->ellipsis_width = MAX (logical.width, 0);
      pango_layout_set_text (layout, self->text ? self->text : "", -1);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_ellipsize (layout, is_compact (self) ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  return layout;
}

/* Also called as the pointer moves over the row: only a new font makes
 * the layout again. A new style sheet (dark, high contrast) redraws. */
static void
xs_hours_bar_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  XsHoursBar *self = XS_HOURS_BAR (widget);

  GTK_WIDGET_CLASS (xs_hours_bar_parent_class)->css_changed (widget, change);
  /* a new font, or "compact" added or taken away (one line or wrapped) */
  if (xs_widget_layout_follow_font (&self->layout, widget) || self->compact != is_compact (self))
    {
      self->compact = is_compact (self);
      gtk_widget_queue_resize (widget);
    }
  gtk_widget_queue_draw (widget);
}

static void
xs_hours_bar_system_setting_changed (GtkWidget        *widget,
                                     GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (xs_hours_bar_parent_class)->system_setting_changed (widget, setting);
  if (xs_widget_layout_follow_setting (&XS_HOURS_BAR (widget)->layout, setting))
    gtk_widget_queue_resize (widget);
}

static GtkSizeRequestMode
xs_hours_bar_get_request_mode (GtkWidget *widget)
{
  return is_compact (XS_HOURS_BAR (widget)) ? GTK_SIZE_REQUEST_CONSTANT_SIZE
                                             : GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Wide as its text (at least the ellipsis the text shrinks to), high as
 * the text (on as many lines as @for_size needs, outside lists), the
 * spacing and the track. */
static void
xs_hours_bar_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  XsHoursBar *self = XS_HOURS_BAR (widget);
  PangoLayout *layout = ensure_layout (self);
  PangoRectangle logical;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      *natural = MAX (logical.width, 0);
      *minimum = MIN (*natural, self->ellipsis_width);
    }
  else
    {
      /* compact: one line at any width */
      pango_layout_set_width (layout, !is_compact (self) && for_size > 0 ? for_size * PANGO_SCALE : -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      *minimum = *natural = logical.height + SPACING + track_height (self);
    }
}

static void
get_colors (XsHoursBar *self,
            GdkRGBA    *text,
            GdkRGBA    *track)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, text);
  /* the accent colour, green once met (resources/style.css); without
   * the application's style sheet libadwaita's, or the text's */
  if (!gtk_style_context_lookup_color (context, self->met ? "hours_bar_met_color" : "hours_bar_color", track)
      && !gtk_style_context_lookup_color (context, self->met ? "success_color" : "accent_bg_color", track))
    *track = *text;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* The accessible name, description and value follow the numbers at once;
 * in compact list cells when the bar is drawn or after the frame
 * (xs-accessible-later.c): the ~200 rows a list keeps alive made their
 * accessible objects with the keystroke. */
static void
say_values (GtkWidget *widget)
{
  XsHoursBar *self = XS_HOURS_BAR (widget);

  if (self->text == NULL || !xs_accessible_words_take (&self->words))
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->tooltip,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, self->required / 10.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, MIN (self->approved, self->required) / 10.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->text,
                                  -1);
}

/* The text at the top, ellipsized or wrapped to the width; under it the track: its
 * background, the pending hours paler, the approved ones. */
static void
xs_hours_bar_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  XsHoursBar *self = XS_HOURS_BAR (widget);
  PangoLayout *layout = ensure_layout (self);
  int width = gtk_widget_get_width (widget);
  int height = track_height (self);
  PangoRectangle logical;
  GskRoundedRect clip;
  GdkRGBA text, color, pale, background;
  double total = MAX (self->required, 1);
  double approved = CLAMP (self->approved / total, 0.0, 1.0);
  double with_pending = CLAMP ((self->approved + self->pending) / total, approved, 1.0);
  float y;

  say_values (widget);
  if (width <= 0)
    return;
  get_colors (self, &text, &color);
  pale = background = color;
  pale.alpha *= 0.3f;
  background.alpha *= 0.1f;

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  gtk_snapshot_append_layout (snapshot, layout, &text);

  y = logical.height + SPACING;
  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, y, width, height), height / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, y, width, height));
  if (with_pending > approved)
    gtk_snapshot_append_color (snapshot, &pale, &GRAPHENE_RECT_INIT (0, y, width * with_pending, height));
  if (approved > 0)
    gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (0, y, width * approved, height));
  gtk_snapshot_pop (snapshot);
}

/* The tooltip is asked for when it is shown: setting it on every bind
 * makes GTK look up the pointer, a round trip to the display server for
 * each row a list shows. */
static gboolean
xs_hours_bar_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_tooltip,
                            GtkTooltip *tooltip)
{
  XsHoursBar *self = XS_HOURS_BAR (widget);

  if (self->tooltip == NULL)
    return FALSE;
  xs_tooltip_show_text (tooltip, widget, self->tooltip);
  return TRUE;
}

static void
xs_hours_bar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XsHoursBar *self = XS_HOURS_BAR (object);

  switch (prop_id)
    {
    case PROP_APPROVED:
      g_value_set_int (value, self->approved);
      break;
    case PROP_PENDING:
      g_value_set_int (value, self->pending);
      break;
    case PROP_REQUIRED:
      g_value_set_int (value, self->required);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A list row rebound to another trainee sets the three numbers one by
 * one: only a number that changed redraws the bar. */
static void
xs_hours_bar_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  XsHoursBar *self = XS_HOURS_BAR (object);
  int approved = self->approved, pending = self->pending, required = self->required;

  switch (prop_id)
    {
    case PROP_APPROVED:
      approved = g_value_get_int (value);
      break;
    case PROP_PENDING:
      pending = g_value_get_int (value);
      break;
    case PROP_REQUIRED:
      required = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (self->text == NULL || approved != self->approved || pending != self->pending || required != self->required)
    xs_hours_bar_set (self, NULL, approved, pending, required);
}

static void
xs_hours_bar_class_init (XsHoursBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = xs_hours_bar_finalize;
  object_class->get_property = xs_hours_bar_get_property;
  object_class->set_property = xs_hours_bar_set_property;
  widget_class->query_tooltip = xs_hours_bar_query_tooltip;
  widget_class->get_request_mode = xs_hours_bar_get_request_mode;
  widget_class->measure = xs_hours_bar_measure;
  widget_class->snapshot = xs_hours_bar_snapshot;
  widget_class->css_changed = xs_hours_bar_css_changed;
  widget_class->system_setting_changed = xs_hours_bar_system_setting_changed;

  properties[PROP_APPROVED] = g_param_spec_int ("approved", NULL, NULL, 0, G_MAXINT, 0,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] = g_param_spec_int ("pending", NULL, NULL, 0, G_MAXINT, 0,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIRED] = g_param_spec_int ("required", NULL, NULL, 0, G_MAXINT, 0,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
  gtk_widget_class_set_css_name (widget_class, "hoursbar");
}

static void
xs_hours_bar_init (XsHoursBar *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
xs_hours_bar_new (void)
{
  return g_object_new (XS_TYPE_HOURS_BAR, NULL);
}

void
xs_hours_bar_set (XsHoursBar *self,
                  const char *title,
                  int         approved,
                  int         pending,
                  int         required)
{
  g_autofree char *a = xs_hours_format (approved);
  g_autofree char *r = xs_hours_format (required);
  g_autofree char *old_text = NULL;

  g_return_if_fail (XS_IS_HOURS_BAR (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (approved != self->approved)
    {
      self->approved = approved;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPROVED]);
    }
  if (pending != self->pending)
    {
      self->pending = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  if (required != self->required)
    {
      self->required = required;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIRED]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  old_text = g_steal_pointer (&self->text);
  /* The pale part of the bar is said in words: hours awaiting review. */
  if (pending > 0)
    {
      g_autofree char *p = xs_hours_format (pending);

      if (title != NULL)
        /* Translators: "Public subjects 0 / 30 hours (30 awaiting review)"; in
         * Chinese "%s %s / %s 学时（待审核 %s）" */
        self->text = g_strdup_printf (_("%s %s / %s hours (%s awaiting review)"), title, a, r, p);
      else
        /* Translators: "0 / 30 (30 awaiting review)"; in Chinese "%s / %s（待审核 %s）" */
        self->text = g_strdup_printf (_("%s / %s (%s awaiting review)"), a, r, p);
    }
  else if (title != NULL)
    /* Translators: "Public subjects 18 / 30 hours" */
    self->text = g_strdup_printf (_("%s %s / %s hours"), title, a, r);
  else
    self->text = g_strdup_printf ("%s / %s", a, r);

  g_free (self->tooltip);
  if (pending > 0)
    {
      g_autofree char *p = xs_hours_format (pending);

      self->tooltip = g_strdup_printf (_("%s approved, %s awaiting review, %s required"), a, p, r);
    }
  else
    self->tooltip = g_strdup_printf (_("%s approved, %s required"), a, r);

  self->met = approved >= required;
  if (g_strcmp0 (old_text, self->text) != 0)
    {
      xs_widget_layout_set_text (&self->layout, self->text);
      /* wider or narrower, and in Chinese perhaps higher */
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));

  if (track_height (self) != COMPACT_TRACK_HEIGHT)
    {
      self->words.said = FALSE;
      say_values (GTK_WIDGET (self));
    }
  else
    xs_accessible_words_changed (&self->words, GTK_WIDGET (self), say_values);
}

const char *
xs_hours_bar_get_text (XsHoursBar *self)
{
  g_return_val_if_fail (XS_IS_HOURS_BAR (self), NULL);
  return self->text;
}
