/* xs-widget-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-widget-layout"

#include "config.h"

#include "xs-widget-layout.h"

PangoLayout *
xs_widget_layout_get (XsWidgetLayout *self,
                      GtkWidget      *widget,
                      const char     *text,
                      gboolean        tabular,
                      gboolean       *made)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if (made != NULL)
    *made = self->layout == NULL;
  if (self->layout == NULL)
    {
      PangoContext *context = gtk_widget_get_pango_context (widget);

      self->layout = gtk_widget_create_pango_layout (widget, text);
      /* as a "numeric" label has */
      if (tabular)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
          pango_layout_set_attributes (self->layout, attrs);
          pango_attr_list_unref (attrs);
        }
      g_clear_pointer (&self->font, pango_font_description_free);
      self->font = pango_font_description_copy (pango_context_get_font_description (context));
    }
  return self->layout;
}

void
xs_widget_layout_set_text (XsWidgetLayout *self,
                           const char     *text)
{
  g_return_if_fail (self != NULL);

  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text ? text : "", -1);
}

gboolean
xs_widget_layout_follow_font (XsWidgetLayout *self,
                              GtkWidget      *widget)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (self->font == NULL
      || pango_font_description_equal (self->font, pango_context_get_font_description (gtk_widget_get_pango_context (widget))))
    return FALSE;
  xs_widget_layout_clear (self);
  return TRUE;
}

gboolean
xs_widget_layout_follow_setting (XsWidgetLayout   *self,
                                 GtkSystemSetting  setting)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (setting != GTK_SYSTEM_SETTING_DPI && setting != GTK_SYSTEM_SETTING_FONT_NAME
      && setting != GTK_SYSTEM_SETTING_FONT_CONFIG)
    return FALSE;
  xs_widget_layout_clear (self);
  return TRUE;
}

void
xs_widget_layout_clear (XsWidgetLayout *self)
{
  g_return_if_fail (self != NULL);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);
}
