/* xs-trust.h: whom a base and a reviewer trust
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who signs what: the base signs its certificates, revocation lists and
 * packages with its key (store/xs-signing-key.h); a reviewer signs the
 * decisions on a package with the reviewer's own key. A reviewer trusts a
 * base once (its public key, kept in the reviewer's folder); a base
 * registers the reviewers whose decisions it accepts (name, side, public
 * key, in its database).
 */
#pragma once

#include "xs-claim.h"
#include "xs-db.h"
#include "xs-package.h"

G_BEGIN_DECLS

/* The reviewer's side ------------------------------------------------------ */

/* The reviewer's own folder: "reviewer" in the data folder (@explicit_dir,
 * else $XUESHI_DATA_DIR, else the default). */
char           *xs_reviewer_dir_resolve   (const char   *explicit_dir);
/* The reviewer's key file in @reviewer_dir ("reviewer-key"). */
char           *xs_reviewer_key_path      (const char   *reviewer_dir);

typedef enum
{
  XS_PACKAGE_TRUST_UNSIGNED,   /* a package of an older Xueshi, without signature */
  XS_PACKAGE_TRUST_UNKNOWN,    /* signed by a key this reviewer does not trust yet */
  XS_PACKAGE_TRUST_TRUSTED,    /* signed by a base this reviewer trusts */
} XsPackageTrust;

/* Whether @package's (already checked) signature is by a base trusted in
 * @reviewer_dir; *trusted_name is the name it was trusted under. */
XsPackageTrust  xs_trust_check_package    (const char   *reviewer_dir,
                                           XsPackage    *package,
                                           char        **trusted_name);
/* Trusts the base with @public_key_text under @name (again: renames). */
gboolean        xs_trust_add_base         (const char   *reviewer_dir,
                                           const char   *name,
                                           const char   *public_key_text,
                                           GError      **error);
/* The name a base with this key is trusted under, or NULL. */
char           *xs_trust_lookup_base      (const char   *reviewer_dir,
                                           const char   *public_key_text);

/* The base's side ---------------------------------------------------------- */

typedef struct
{
  gint64        id;
  char         *name;
  XsReviewSide  side;
  char         *public_key;
  char         *added_at;     /* UTC ISO 8601 */
} XsReviewer;

void            xs_reviewer_free          (XsReviewer   *reviewer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsReviewer, xs_reviewer_free)

/* Registers a reviewer whose decisions this base accepts; returns the id,
 * or 0. Refuses a blank name, a key that is no key, a key already
 * registered. */
gint64          xs_reviewers_add          (XsDb         *db,
                                           const char   *name,
                                           XsReviewSide  side,
                                           const char   *public_key_text,
                                           GError      **error);
/* XsReviewer, by name. */
GPtrArray      *xs_reviewers_list         (XsDb         *db,
                                           GError      **error);
gboolean        xs_reviewers_remove       (XsDb         *db,
                                           gint64        id,
                                           GError      **error);
/* The reviewer with this key; NULL without error when there is none. */
XsReviewer     *xs_reviewers_lookup       (XsDb         *db,
                                           const char   *public_key_text,
                                           GError      **error);

G_END_DECLS
