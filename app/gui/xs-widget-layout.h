/* xs-widget-layout.h: a widget's text layout, made when first needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A PangoLayout in a widget's font, made when the widget first needs it
 * and made again only when the font changes (not as the pointer moves
 * over a row). Kept in the widget's instance, zeroed. */
typedef struct
{
  PangoLayout          *layout;
  PangoFontDescription *font;   /* the font it was made with */
} XsWidgetLayout;

/* The layout, made for @widget with @text when there is none (with
 * tabular figures if @tabular); *@made says it was just made. */
PangoLayout *xs_widget_layout_get            (XsWidgetLayout   *self,
                                              GtkWidget        *widget,
                                              const char       *text,
                                              gboolean          tabular,
                                              gboolean         *made);
/* The text of the layout, if there is one. */
void         xs_widget_layout_set_text       (XsWidgetLayout   *self,
                                              const char       *text);
/* From the widget's css_changed and system_setting_changed: lets go of
 * the layout when the font is no longer the one it was made with, or the
 * setting changes fonts. TRUE when it did (the widget's size may
 * change). */
gboolean     xs_widget_layout_follow_font    (XsWidgetLayout   *self,
                                              GtkWidget        *widget);
gboolean     xs_widget_layout_follow_setting (XsWidgetLayout   *self,
                                              GtkSystemSetting  setting);
void         xs_widget_layout_clear          (XsWidgetLayout   *self);

G_END_DECLS
