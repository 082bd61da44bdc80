/* xs-rules-private.h: the rule set's fields and the helpers that
 * xs-rules.c, xs-rules-loader.c and xs-rules-check.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-rules.h"

G_BEGIN_DECLS

typedef struct
{
  char *zh;
  char *en;
} XsMaterial;

struct _XsRuleSet
{
  GObject      parent_instance;

  char        *id;
  int          year;
  char        *source;
  char        *title;
  char        *issuer;
  GDate        issued;

  /* tenths of an hour */
  int          required_total;
  int          required_public;
  int          required_compulsory;
  int          required_professional;

  gboolean     has_makeup;
  GDate        makeup_from;
  GDate        makeup_to;

  gboolean     has_public_study;
  GDate        public_study_from;
  gboolean     public_study_warn;   /* FALSE: refuse earlier public hours */

  GHashTable  *materials;   /* code → XsMaterial */
  GListStore  *kinds;       /* of XsClaimKind, by number, for views */
  /* the same kinds, for lookups from any thread: a GListStore caches the
   * position of its last lookup, so concurrent reads race */
  GPtrArray   *kind_index;
};

/* Sets an XS_RULES_ERROR_INVALID error from @format; returns FALSE. */
gboolean  _xs_rule_set_invalid   (GError     **error,
                                  const char  *format,
                                  ...) G_GNUC_PRINTF (2, 3);
/* TRUE for NULL and for text that is only white space. */
gboolean  _xs_rule_set_is_blank  (const char  *text);

G_END_DECLS
