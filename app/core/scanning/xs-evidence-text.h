/* xs-evidence-text.h: the recognised text of evidence files, stored once
 * per content, searched, and checked against the claims they prove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-db.h"
#include "xs-recognition.h"

G_BEGIN_DECLS

/* What was read on the file with @sha256, or NULL (no error) when it has
 * not been read yet. */
XsRecognition *xs_evidence_text_get     (XsDb                *db,
                                         const char          *sha256,
                                         GError             **error);
/* Stores @recognition for the stored file with @sha256 (replacing what was
 * there); one transaction. */
gboolean       xs_evidence_text_store   (XsDb                *db,
                                         const char          *sha256,
                                         const XsRecognition *recognition,
                                         GError             **error);
/* What the stored file with @sha256 says: read once with Tesseract, then
 * taken from the database. Blocks while reading, so call it in a worker
 * (with its own connection). */
XsRecognition *xs_evidence_recognise    (XsDb                *db,
                                         const char          *sha256,
                                         const char          *trainee_name,
                                         GCancellable        *cancellable,
                                         GError             **error);
/* Ids (gint64) of the claims with a scan whose text holds every word of
 * @words (split at spaces), newest first. */
GArray        *xs_evidence_text_search_claims (XsDb          *db,
                                         const char          *words,
                                         GError             **error);
/* Appends to @problems (char *) one line per claim whose scans name only
 * other people's identity numbers, or bear dates none of which is in the
 * claim's year. */
gboolean       xs_evidence_text_check   (XsDb                *db,
                                         GPtrArray           *problems,
                                         GError             **error);

/* A claim of the search's: its scan holds every word searched for;
 * @snippet is the recognised text around the first word ("…结业证书王伟…"). */
typedef struct
{
  gint64  claim_id;
  gint64  trainee_id;
  int     year;
  char   *snippet;
} XsScanMatch;

void           xs_scan_match_free       (XsScanMatch         *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsScanMatch, xs_scan_match_free)

/* As xs_evidence_text_search_claims(), with where each claim matched
 * (XsScanMatch), newest claim first. */
GPtrArray     *xs_evidence_text_search_matches (XsDb         *db,
                                         const char          *words,
                                         GError             **error);

typedef enum
{
  XS_SCAN_PROBLEM_OTHER_PERSON,  /* names only other people's identity numbers */
  XS_SCAN_PROBLEM_OTHER_YEAR,    /* no date on it is in the claim's year */
} XsScanProblemKind;

/* One claim whose scan does not fit it, and the line Check Data shows. */
typedef struct
{
  gint64             claim_id;
  gint64             trainee_id;
  int                year;
  XsScanProblemKind  kind;
  char              *claim_title;
  char              *file;        /* the scan's name as attached */
  char              *text;        /* in the user's words, the whole problem */
} XsScanProblem;

void           xs_scan_problem_free     (XsScanProblem       *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsScanProblem, xs_scan_problem_free)

/* The claims of @year (0: every year) of @trainee_id (0: everyone) whose
 * scans name only other people's identity numbers, or bear dates none of
 * which is in the claim's year (XsScanProblem), by claim. */
GPtrArray     *xs_evidence_text_problems (XsDb               *db,
                                         int                  year,
                                         gint64               trainee_id,
                                         GError             **error);

G_END_DECLS
