/* xs-tooltip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-tooltip"

#include "config.h"

#include <math.h>

#include "xs-tooltip.h"

/* How wide a tooltip gets before it wraps, in Chinese characters. */
#define WRAP_CJK_CHARS 30

/* The width GtkLabel counts its width-chars in (pango units). */
static int
char_units (PangoContext *context)
{
  PangoFontMetrics *metrics;
  int units;

  metrics = pango_context_get_metrics (context,
                                       pango_context_get_font_description (context),
                                       pango_context_get_language (context));
  units = MAX (pango_font_metrics_get_approximate_char_width (metrics),
               pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);
  return units;
}

static int
markup_width (GtkWidget  *label,
              const char *markup)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, NULL);
  int width = 0;

  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_size (layout, &width, NULL);
  return width;
}

/* A label as wide as @markup up to WRAP_CJK_CHARS Chinese characters, so
 * that nothing can squeeze it narrower, wrapping longer texts at that
 * width by words, or between characters where there are no words. */
static GtkWidget *
tooltip_label_new (const char *markup)
{
  GtkWidget *label = gtk_label_new (NULL);
  PangoContext *context = gtk_widget_get_pango_context (label);
  int unit = MAX (char_units (context), 1);
  int text = markup_width (label, markup);
  int cap = markup_width (label, "汉") * WRAP_CJK_CHARS;

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_width_chars (GTK_LABEL (label), (int) ceil ((double) MIN (text, cap) / unit));
  gtk_label_set_max_width_chars (GTK_LABEL (label), (int) ceil ((double) cap / unit));
  return label;
}

GtkWidget *
xs_tooltip_label_new (const char *text)
{
  g_autofree char *markup = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  markup = g_markup_escape_text (text, -1);
  return tooltip_label_new (markup);
}

void
xs_tooltip_show_text (GtkTooltip *tooltip,
                      GtkWidget  *widget,
                      const char *text)
{
  g_return_if_fail (GTK_IS_TOOLTIP (tooltip));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  gtk_tooltip_set_custom (tooltip, xs_tooltip_label_new (text));
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_tooltip,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  /* the text when tooltip-text was set, escaped */
  const char *markup = gtk_widget_get_tooltip_markup (widget);

  if (markup == NULL || *markup == '\0')
    return FALSE;      /* the widget's own tooltip, if it has one */
  gtk_tooltip_set_custom (tooltip, tooltip_label_new (markup));
  return TRUE;
}

void
xs_tooltip_attach (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_query_tooltip, NULL) != 0)
    return;
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

void
xs_tooltip_set_text (GtkWidget  *widget,
                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  xs_tooltip_attach (widget);
  gtk_widget_set_tooltip_text (widget, text);
}

static gboolean
on_realize_hook (GSignalInvocationHint *hint,
                 guint                  n_values,
                 const GValue          *values,
                 gpointer               user_data)
{
  GObject *object = g_value_get_object (&values[0]);

  if (GTK_IS_WIDGET (object))
    xs_tooltip_attach (GTK_WIDGET (object));
  return TRUE;         /* stay installed */
}

void
xs_tooltip_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      guint realize;

      /* the signal is made with the class, which no widget may have needed yet */
      g_type_class_ref (GTK_TYPE_WIDGET);
      realize = g_signal_lookup ("realize", GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (realize, 0, on_realize_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
