/* xs-package.h: the submission package a base sends its reviewers, and the
 * decisions that come back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A package is a ZIP:
 *   manifest.sig              the base's Ed25519 signature of manifest.json
 *   manifest.json             format version, base (name and id), year, rule
 *                             set, trainees, claims with stable references,
 *                             the evidence list (SHA-256, size, media type,
 *                             material), the number and total size of members
 *   roster.xlsx, hours.xlsx   the same for reviewers who live in Excel
 *   evidence/<sha256>.<ext>   every scan the claims cite
 * The same data gives the same bytes: fixed times, fixed order.
 *
 * A decisions file is JSON written by a reviewer from a package: the base id
 * and package digest it answers, and one decision per claim reference.
 */
#pragma once

#include "xs-claim.h"
#include "xs-db.h"
#include "xs-import-report.h"
#include "xs-signing-key.h"

G_BEGIN_DECLS

#define XS_PACKAGE_FORMAT_VERSION 2

#define XS_PACKAGE_ERROR (xs_package_error_quark ())
GQuark xs_package_error_quark (void);

typedef enum
{
  XS_PACKAGE_ERROR_NOT_A_PACKAGE,   /* not a ZIP, or no manifest */
  XS_PACKAGE_ERROR_UNSAFE,          /* absolute path, "..", link, duplicate name, zip bomb */
  XS_PACKAGE_ERROR_MISMATCH,        /* members or sizes other than the manifest says, hash mismatch */
  XS_PACKAGE_ERROR_TOO_NEW,         /* a newer format */
  XS_PACKAGE_ERROR_OTHER_BASE,      /* decisions for another base's package */
  XS_PACKAGE_ERROR_BAD_SIGNATURE,   /* the manifest or decisions were changed after signing */
  XS_PACKAGE_ERROR_UNSIGNED,        /* decisions without a reviewer's signature */
  XS_PACKAGE_ERROR_UNKNOWN_SIGNER,  /* decisions by a reviewer the base did not register */
  XS_PACKAGE_ERROR_NOT_EXPORTED,    /* decisions on a package this base never wrote */
} XsPackageError;

/* Which claims a package holds: those of @year that are submitted or
 * decided, optionally of one class or one employer's staff. */
typedef struct
{
  int         year;
  const char *class_code;   /* NULL: any */
  const char *employer;     /* NULL: any */
} XsPackageQuery;

/* The base's id in packages and decisions: the first 16 hex digits of the
 * SHA-256 of its certificate key (xs_signing_key_get_public_text()). */
char           *xs_package_base_id        (XsSigningKey          *key);

/* Writes the package for @query to @path (whole or not at all). Refuses a
 * missing or blank @base_name: the reviewers need to know who sends it. */
gboolean        xs_package_export         (XsDb                  *db,
                                           XsSigningKey          *key,
                                           const char            *base_name,
                                           const XsPackageQuery  *query,
                                           const char            *path,
                                           XsProgressFunc         progress,
                                           gpointer               progress_data,
                                           GCancellable          *cancellable,
                                           GError               **error);

typedef struct
{
  const char *sha256;
  const char *media_type;     /* application/pdf, image/jpeg, image/png */
  gint64      size;
  const char *material;       /* the material code of the claim's kind */
  const char *original_name;
} XsPackageEvidence;

typedef struct
{
  const char              *ref;          /* stable, e.g. "2018-000123" */
  const char              *id_number;    /* the trainee's */
  const char              *name;
  const char              *employer;
  XsCategory               category;
  gboolean                 compulsory;
  int                      kind;         /* 1…16 for professional, 0 public */
  const char              *variant;      /* or NULL */
  int                      hours;        /* tenths */
  const char              *title;
  const char              *date;         /* YYYY-MM-DD */
  XsSource                 source;
  XsStatus                 status;       /* when exported */
  guint                    n_evidence;
  const XsPackageEvidence *evidence;
} XsPackageClaim;

#define XS_TYPE_PACKAGE (xs_package_get_type ())
G_DECLARE_FINAL_TYPE (XsPackage, xs_package, XS, PACKAGE, GObject)

/* Opens a package read-only, as hostile input: refuses absolute paths,
 * "..", links, duplicate names, more members or bytes than the manifest
 * declares, compression ratios of a zip bomb and any hash mismatch, with a
 * message and nothing written outside a private temporary directory (0700,
 * removed when the package is finalized) that holds the checked evidence. */
XsPackage            *xs_package_open              (const char   *path,
                                                    GCancellable *cancellable,
                                                    GError      **error);
const char           *xs_package_get_path          (XsPackage    *self);
const char           *xs_package_get_base_name     (XsPackage    *self);
const char           *xs_package_get_base_id       (XsPackage    *self);
/* The public key of the base that signed the package (its signature was
 * checked when it was opened); NULL for an unsigned package of format 1. */
const char           *xs_package_get_base_key      (XsPackage    *self);
int                   xs_package_get_year          (XsPackage    *self);
const char           *xs_package_get_rule_set      (XsPackage    *self);
/* SHA-256 of the package file: decisions name the package they answer. */
const char           *xs_package_get_digest        (XsPackage    *self);
guint                 xs_package_get_n_claims      (XsPackage    *self);
const XsPackageClaim *xs_package_get_claim         (XsPackage    *self,
                                                    guint         index);
/* The checked copy of an evidence file, for the preview; NULL if unknown. */
const char           *xs_package_get_evidence_path (XsPackage    *self,
                                                    const char   *sha256);

/* One reviewer's decision on one claim of a package. */
typedef struct
{
  const char   *ref;
  XsStatus      decision;    /* XS_STATUS_APPROVED or XS_STATUS_REJECTED */
  XsReviewSide  side;
  const char   *reviewer;
  const char   *reason;      /* required for a rejection */
} XsDecision;

/* Writes @decisions on @package's claims to @path (JSON, whole or not at
 * all), signed with @reviewer_key: a last line "signature: …" covers every
 * byte before it. Without a key (a review kept to be continued) the file
 * is not signed, and a base refuses it. Refuses a decision on an unknown reference, by the wrong side, or a
 * rejection without reason. */
gboolean        xs_decisions_write        (XsPackage             *package,
                                           XsSigningKey          *reviewer_key,
                                           const XsDecision      *decisions,
                                           guint                  n_decisions,
                                           const char            *path,
                                           GError               **error);
/* Applies a decisions file to this base's claims in one transaction. The
 * file must be signed by a registered reviewer and answer a package in the
 * export register, else it is refused whole (XS_PACKAGE_ERROR_UNSIGNED,
 * _BAD_SIGNATURE, _UNKNOWN_SIGNER, _NOT_EXPORTED). A decision for the side
 * the reviewer is not registered for, on a claim not in that package, or on
 * a claim changed since it was exported is refused on its row. Each
 * unknown reference, claim not submitted, or decision by the wrong side is
 * refused on its own row as "FILE:LINE: REF: reason"; a file for another
 * base's package is refused whole (XS_PACKAGE_ERROR_OTHER_BASE). With
 * XS_IMPORT_SKIP_INVALID the valid rows are applied, else none. */
XsImportReport *xs_decisions_import       (XsDb                  *db,
                                           XsSigningKey          *key,
                                           const char            *path,
                                           XsImportFlags          flags,
                                           GError               **error);

/* What applying a decisions file would do, without writing anything. */
typedef struct
{
  XsImportReport *report;       /* each decision as applied or refused, with names */
  guint           n_approved;   /* of the decisions that would apply */
  guint           n_rejected;
  char           *imported_at;  /* UTC, ISO 8601: when this same file was applied
                                 * before (and not undone); NULL if never */
} XsDecisionsPreview;

void                xs_decisions_preview_free (XsDecisionsPreview *preview);
/* Checks @path as xs_decisions_import() would, in a transaction rolled
 * back; refused whole for the same reasons. */
XsDecisionsPreview *xs_decisions_preview      (XsDb                  *db,
                                               XsSigningKey          *key,
                                               const char            *path,
                                               GError               **error);

/* A decision read back (xs_decisions_read()); its strings are its own. */
void            xs_decision_free          (XsDecision            *decision);
/* Reads the decisions file @path written for @package (XsDecision *, file
 * order), e.g. a reviewer's saved work. Refuses a file for another package,
 * a damaged one, or any decision xs_decisions_write() would refuse. */
GPtrArray      *xs_decisions_read         (XsPackage             *package,
                                           const char            *path,
                                           GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsDecisionsPreview, xs_decisions_preview_free)

G_END_DECLS
