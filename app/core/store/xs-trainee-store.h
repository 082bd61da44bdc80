/* xs-trainee-store.h: the roster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-db.h"
#include "xs-id-number.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;          /* 0 until stored */
  char   *id_number;   /* normalized, 18 characters */
  char   *name;
  XsSex   sex;
  GDate   birth_date;
  char   *employer;
  char   *title;       /* 职称, may be NULL */
  char   *specialty;
  char   *county;
  char   *phone;
} XsTrainee;

typedef enum
{
  XS_UPSERT_UNCHANGED,
  XS_UPSERT_CREATED,
  XS_UPSERT_UPDATED,
} XsUpsertResult;

/* The fields of a roster row that may be missing from a file. */
typedef enum
{
  XS_TRAINEE_FIELD_TITLE     = 1 << 0,
  XS_TRAINEE_FIELD_SPECIALTY = 1 << 1,
  XS_TRAINEE_FIELD_COUNTY    = 1 << 2,
  XS_TRAINEE_FIELD_PHONE     = 1 << 3,
  XS_TRAINEE_FIELD_ALL       = 0xf,
} XsTraineeField;

XsTrainee      *xs_trainee_new                 (void);
void            xs_trainee_free                (XsTrainee   *trainee);
void            xs_trainee_clear               (XsTrainee   *trainee);

/* Adds the trainee, or updates the one with the same identity number.
 * Runs inside the caller's transaction. */
gboolean        xs_trainee_store_upsert        (XsDb        *db,
                                                XsTrainee   *trainee,
                                                XsUpsertResult *result,
                                                GError     **error);
/* Like xs_trainee_store_upsert(), but of the optional fields only those in
 * @fields are taken from @trainee; the others keep their stored values (and
 * are copied into @trainee). When the stored trainee changed, @previous (if
 * not NULL) is set to it as it was; else to NULL. A trainee it adds
 * carries @import_id (0: none), which undoing that import looks for. */
gboolean        xs_trainee_store_merge         (XsDb        *db,
                                                XsTrainee   *trainee,
                                                XsTraineeField fields,
                                                gint64       import_id,
                                                XsTrainee  **previous,
                                                XsUpsertResult *result,
                                                GError     **error);
/* NULL with XS_DB_ERROR_NOT_FOUND when nobody on the roster has @id_number. */
XsTrainee      *xs_trainee_store_lookup        (XsDb        *db,
                                                const char  *id_number,
                                                GError     **error);
/* The trainee's row id, 0 when nobody has @id_number, -1 on error. */
gint64          xs_trainee_store_find_id       (XsDb        *db,
                                                const char  *id_number,
                                                GError     **error);
XsTrainee      *xs_trainee_store_get           (XsDb        *db,
                                                gint64       id,
                                                GError     **error);
gint64          xs_trainee_store_count         (XsDb        *db,
                                                GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsTrainee, xs_trainee_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XsTrainee, xs_trainee_clear)

G_END_DECLS
