/* xs-accessible-later.h: accessible properties set after the frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Kept in the widget's instance, zeroed. */
typedef struct
{
  gboolean said;     /* the accessible words are up to date */
  gboolean queued;   /* an idle will say them */
} XsAccessibleWords;

typedef void (*XsAccessibleSayFunc) (GtkWidget *widget);

/* The words of @widget changed: @say runs on it in an idle after the
 * frame (at most 64 widgets an idle, holding @widget until then), unless
 * the widget says them first, as it is drawn. */
void     xs_accessible_words_changed (XsAccessibleWords   *words,
                                      GtkWidget           *widget,
                                      XsAccessibleSayFunc  say);
/* For @say: whether the words are to be said now; marks them said. */
gboolean xs_accessible_words_take    (XsAccessibleWords   *words);

G_END_DECLS
