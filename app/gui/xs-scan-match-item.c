/* xs-scan-match-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-scan-match-item"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xs-scan-match-item.h"

struct _XsScanMatchItem
{
  GObject  parent_instance;

  gint64   claim_id;
  gint64   trainee_id;
  char    *title;
  char    *markup;
};

G_DEFINE_FINAL_TYPE (XsScanMatchItem, xs_scan_match_item, G_TYPE_OBJECT)

static void
xs_scan_match_item_finalize (GObject *object)
{
  XsScanMatchItem *self = XS_SCAN_MATCH_ITEM (object);

  g_free (self->title);
  g_free (self->markup);
  G_OBJECT_CLASS (xs_scan_match_item_parent_class)->finalize (object);
}

static void
xs_scan_match_item_class_init (XsScanMatchItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_scan_match_item_finalize;
}

static void
xs_scan_match_item_init (XsScanMatchItem *self)
{
}

/* @snippet escaped, each of @words (split at spaces) in bold. */
static char *
highlight (const char *snippet,
           const char *words)
{
  g_auto(GStrv) parts = g_strsplit_set (words ? words : "", " \t\u3000", -1);
  GString *markup = g_string_new (NULL);
  const char *p = snippet ? snippet : "";

  while (*p != '\0')
    {
      gsize best = 0;

      for (guint i = 0; parts[i] != NULL; i++)
        {
          gsize length = strlen (parts[i]);

          if (length > best && strncmp (p, parts[i], length) == 0)
            best = length;
        }
      if (best > 0)
        {
          g_autofree char *word = g_markup_escape_text (p, best);

          g_string_append_printf (markup, "<b>%s</b>", word);
          p += best;
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          g_autofree char *character = g_markup_escape_text (p, next - p);

          g_string_append (markup, character);
          p = next;
        }
    }
  return g_string_free (markup, FALSE);
}

XsScanMatchItem *
xs_scan_match_item_new (gint64      claim_id,
                        const char *claim_title,
                        int         year,
                        gint64      trainee_id,
                        const char *name,
                        const char *snippet,
                        const char *words)
{
  XsScanMatchItem *self = g_object_new (XS_TYPE_SCAN_MATCH_ITEM, NULL);

  self->claim_id = claim_id;
  self->trainee_id = trainee_id;
  /* Translators: a trainee's name, a claim's number, its title, its year */
  self->title = g_strdup_printf (_("%s · Claim %lld “%s” (%d)"), name ? name : "", (long long) claim_id,
                                 claim_title ? claim_title : "", year);
  self->markup = highlight (snippet, words);
  return self;
}

gint64
xs_scan_match_item_get_claim_id (XsScanMatchItem *self)
{
  g_return_val_if_fail (XS_IS_SCAN_MATCH_ITEM (self), 0);
  return self->claim_id;
}

gint64
xs_scan_match_item_get_trainee_id (XsScanMatchItem *self)
{
  g_return_val_if_fail (XS_IS_SCAN_MATCH_ITEM (self), 0);
  return self->trainee_id;
}

const char *
xs_scan_match_item_get_title (XsScanMatchItem *self)
{
  g_return_val_if_fail (XS_IS_SCAN_MATCH_ITEM (self), NULL);
  return self->title;
}

const char *
xs_scan_match_item_get_markup (XsScanMatchItem *self)
{
  g_return_val_if_fail (XS_IS_SCAN_MATCH_ITEM (self), NULL);
  return self->markup;
}
