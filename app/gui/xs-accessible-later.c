/* xs-accessible-later.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Setting a widget's first accessible property makes GTK create its
 * accessible object, and on a desktop with the accessibility bus register
 * it there. The cells of a long list (GTK 4.8 keeps about 200 rows of it
 * alive, most below the screen) do that after the frame, a few at a time,
 * so a keystroke that changes the list does not wait for it; a cell that
 * is drawn first does it as it is drawn.
 */
#define G_LOG_DOMAIN "xs-accessible-later"

#include "config.h"

#include "xs-accessible-later.h"

typedef struct
{
  GtkWidget           *widget;
  XsAccessibleWords   *words;    /* in the widget, held by the entry */
  XsAccessibleSayFunc  say;
} Pending;

#define PER_IDLE 64

static GQueue pending = G_QUEUE_INIT;
static guint idle_id;

static gboolean
say_some (gpointer user_data)
{
  for (guint i = 0; i < PER_IDLE && !g_queue_is_empty (&pending); i++)
    {
      Pending *entry = g_queue_pop_head (&pending);

      entry->words->queued = FALSE;
      entry->say (entry->widget);
      g_object_unref (entry->widget);
      g_free (entry);
    }
  if (!g_queue_is_empty (&pending))
    return G_SOURCE_CONTINUE;
  idle_id = 0;
  return G_SOURCE_REMOVE;
}

void
xs_accessible_words_changed (XsAccessibleWords   *words,
                             GtkWidget           *widget,
                             XsAccessibleSayFunc  say)
{
  Pending *entry;

  g_return_if_fail (words != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (say != NULL);

  words->said = FALSE;
  if (words->queued)
    return;
  words->queued = TRUE;
  entry = g_new (Pending, 1);
  entry->widget = g_object_ref (widget);
  entry->words = words;
  entry->say = say;
  g_queue_push_tail (&pending, entry);
  if (idle_id == 0)
    idle_id = g_idle_add_full (G_PRIORITY_LOW, say_some, NULL, NULL);
}

gboolean
xs_accessible_words_take (XsAccessibleWords *words)
{
  g_return_val_if_fail (words != NULL, FALSE);

  if (words->said)
    return FALSE;
  words->said = TRUE;
  return TRUE;
}
