/* xs-package-private.h: what the package's writer, reader and decisions share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "xs-package.h"
#include "xs-rules.h"

G_BEGIN_DECLS

#define XS_PACKAGE_FORMAT        "xueshi-package"
#define XS_DECISIONS_FORMAT      "xueshi-decisions"
#define XS_DECISIONS_VERSION     1
#define XS_PACKAGE_MANIFEST      "manifest.json"
#define XS_PACKAGE_ROSTER        "roster.xlsx"
#define XS_PACKAGE_HOURS         "hours.xlsx"
#define XS_PACKAGE_EVIDENCE_DIR  "evidence/"

/* What a package may unpack to */
#define XS_PACKAGE_MAX_MEMBERS   100000
#define XS_PACKAGE_MAX_BYTES     (G_GINT64_CONSTANT (2) * 1024 * 1024 * 1024)

/* One trainee of a package, as the manifest and roster.xlsx show them. */
typedef struct
{
  const char *id_number;
  const char *name;
  const char *sex;         /* "male" / "female" */
  const char *employer;
  const char *title;       /* or NULL */
  const char *specialty;   /* or NULL */
} XsPackageTrainee;

/* One claim as the writer knows it: what the reader gets, and more. */
typedef struct
{
  XsPackageClaim  claim;
  const char     *class_code;      /* or NULL */
  const char     *plan_ref;        /* or NULL */
  const char     *absence;         /* or NULL */
  double          absence_months;
  const char     *reason;          /* or NULL */
  const char     *reviewer;        /* or NULL */
} XsPackageClaimRow;

/* A member of the package besides the manifest. */
typedef struct
{
  const char *name;
  gint64      size;
  const char *sha256;
  const char *media_type;   /* evidence only, else NULL */
  int         pages;        /* evidence only */
} XsPackageFile;

/* Everything the manifest lists. */
typedef struct
{
  const char              *base_name;
  const char              *base_id;
  const char              *base_key;
  const XsPackageQuery    *query;
  const char              *rule_set;
  const XsPackageFile     *files;
  guint                    n_files;
  const XsPackageTrainee  *trainees;
  guint                    n_trainees;
  const XsPackageClaimRow *claims;
  guint                    n_claims;
} XsPackageContents;

GBytes     *_xs_package_build_manifest   (const XsPackageContents *contents);

/* The SHA-256 of the file at @path in hex, as the manifest lists its
 * members; NULL with @error set when it cannot be read. */
char       *_xs_package_file_digest      (const char               *path,
                                          GCancellable             *cancellable,
                                          GError                  **error);

/* A member as the manifest declares it. */
typedef struct
{
  char        *name;
  gint64       size;
  const char  *sha256;
  gboolean     evidence;
  gboolean     in_zip;
} XsPackageMember;

/* A manifest read: the strings point into @root. */
typedef struct
{
  char        *display_name;
  JsonNode    *root;
  const char  *base_name;
  const char  *base_id;
  const char  *rule_set;
  const char  *base_key;    /* or NULL: a package of format 1 */
  int          year;
  GHashTable  *members;     /* name -> XsPackageMember */
  GArray      *claims;      /* XsPackageClaim */
  GPtrArray   *blocks;      /* each claim's XsPackageEvidence */
} XsPackageManifest;

void        _xs_package_manifest_init    (XsPackageManifest  *manifest,
                                          const char         *display_name);
void        _xs_package_manifest_clear   (XsPackageManifest  *manifest);
/* Refuses a manifest that is no package's, of a newer format, damaged or
 * contradicting itself, or that would unpack to too much. */
gboolean    _xs_package_parse_manifest   (XsPackageManifest  *manifest,
                                          GBytes             *bytes,
                                          GError            **error);

gboolean    _xs_package_is_sha256        (const char  *text);
/* "evidence/<sha256>.<pdf|jpg|png>": sets the pointers into @name. */
gboolean    _xs_package_parse_evidence_name (const char  *name,
                                          const char **sha256,
                                          const char **extension);

/* "2018-000123" */
char       *_xs_package_make_ref         (int          year,
                                          gint64       claim_id);
/* The year and claim id of a reference; FALSE when it is not one. */
gboolean    _xs_package_parse_ref        (const char  *ref,
                                          int         *year,
                                          gint64      *claim_id);
/* "pdf", "jpg", "png"; NULL for another type. */
const char *_xs_package_media_extension  (const char  *media_type);

/* The two workbooks, written into @tmpdir and read back; their bytes depend
 * on the data only. */
GBytes     *_xs_package_write_roster     (const XsPackageTrainee  *trainees,
                                          guint                    n_trainees,
                                          const char              *tmpdir,
                                          GError                 **error);
GBytes     *_xs_package_write_hours      (const XsPackageClaimRow *claims,
                                          guint                    n_claims,
                                          int                      year,
                                          XsRuleSet               *rules,
                                          const char              *tmpdir,
                                          GError                 **error);

/* Reading hostile JSON: each getter checks the member's type; the first
 * failure is remembered (for the message) and later calls return defaults. */
typedef struct
{
  gboolean  failed;
  char     *where;
} XsJsonCheck;

void        _xs_json_check_clear         (XsJsonCheck  *check);
const char *_xs_json_get_string          (XsJsonCheck  *check,
                                          JsonObject   *object,
                                          const char   *member,
                                          gboolean      nullable);
gint64      _xs_json_get_int             (XsJsonCheck  *check,
                                          JsonObject   *object,
                                          const char   *member,
                                          gint64        min,
                                          gint64        max);
gboolean    _xs_json_get_bool            (XsJsonCheck  *check,
                                          JsonObject   *object,
                                          const char   *member);
JsonObject *_xs_json_get_object          (XsJsonCheck  *check,
                                          JsonObject   *object,
                                          const char   *member);
JsonArray  *_xs_json_get_array           (XsJsonCheck  *check,
                                          JsonObject   *object,
                                          const char   *member);
/* The object at @index of @array. */
JsonObject *_xs_json_array_get_object    (XsJsonCheck  *check,
                                          JsonArray    *array,
                                          guint         index,
                                          const char   *what);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XsJsonCheck, _xs_json_check_clear)

/* The export register (xs-package-register.c) ----------------------------- */

/* A claim's state as a package shows it. */
typedef struct
{
  char *content;    /* SHA-256 of trainee, kind, hours, date, title */
  char *evidence;   /* SHA-256 of its evidence files and materials */
  int   hours;      /* tenths */
  char *date;       /* YYYY-MM-DD */
} XsClaimState;

void        _xs_claim_state_clear        (XsClaimState *state);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XsClaimState, _xs_claim_state_clear)

/* The claim's state in the store now. */
gboolean    _xs_package_claim_state      (XsDb          *db,
                                          gint64         claim_id,
                                          XsClaimState  *state,
                                          GError       **error);
/* Records the package with SHA-256 @digest and its claims' states, in one
 * transaction. */
gboolean    _xs_package_register_export  (XsDb          *db,
                                          const char    *digest,
                                          const char    *file_name,
                                          int            year,
                                          const gint64  *claim_ids,
                                          guint          n_claims,
                                          GError       **error);
/* The export's id; 0 when this base never wrote that package, -1 on error. */
gint64      _xs_package_register_lookup  (XsDb          *db,
                                          const char    *digest,
                                          GError       **error);
/* The claim's state in that export; *found is FALSE when it was not in it. */
gboolean    _xs_package_register_get_claim (XsDb        *db,
                                          gint64         export_id,
                                          gint64         claim_id,
                                          XsClaimState  *state,
                                          gboolean      *found,
                                          GError       **error);

/* Signatures --------------------------------------------------------------- */

#define XS_PACKAGE_SIGNATURE     "manifest.sig"
#define XS_SIGNATURE_LINE        "signature: "

G_END_DECLS
