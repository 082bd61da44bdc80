/* xs-roster-add.h: one trainee added to the roster by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-db.h"
#include "xs-trainee-store.h"

G_BEGIN_DECLS

/* The field a check refused. */
typedef enum
{
  XS_ROSTER_FIELD_NONE,
  XS_ROSTER_FIELD_NAME,
  XS_ROSTER_FIELD_ID_NUMBER,
  XS_ROSTER_FIELD_EMPLOYER,
  XS_ROSTER_FIELD_SEX,
  XS_ROSTER_FIELD_TITLE,
  XS_ROSTER_FIELD_SPECIALTY,
  XS_ROSTER_FIELD_COUNTY,
  XS_ROSTER_FIELD_PHONE,
} XsRosterField;

/* What a clerk types for one trainee, as typed; NULL or "" for an empty
 * field. Name, identity number and employer are required, as in a
 * roster file; the sex, when given, must agree with the identity number. */
typedef struct
{
  const char *name;
  const char *id_number;
  const char *employer;
  const char *sex;
  const char *title;
  const char *specialty;
  const char *county;
  const char *phone;
} XsRosterEntry;

/* Checks @entry as the roster import checks a row. On success fills
 * @trainee (if not NULL; clear it with xs_trainee_clear()); else sets
 * @error (in the user's words) and @field (if not NULL) to the field at
 * fault. Touches no database. */
gboolean xs_roster_entry_check (const XsRosterEntry  *entry,
                                XsTrainee            *trainee,
                                XsRosterField        *field,
                                GError              **error);

/* Adds the trainee of @entry to the roster in one transaction, recorded as
 * a roster import of one row (its file name says it was entered by hand),
 * so that xs_import_log_undo() takes it back. Refuses a bad entry (as
 * xs_roster_entry_check()) and a person already on the roster
 * (XS_DB_ERROR_REFUSED, naming who, identity number masked). Returns the
 * import's id, or 0 with @error. */
gint64   xs_roster_add         (XsDb                 *db,
                                const XsRosterEntry  *entry,
                                XsRosterField        *field,
                                GError              **error);

G_END_DECLS
