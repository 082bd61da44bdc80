/* xs-trainee-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-trainee-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <sqlite3.h>

#include "xs-date.h"
#include "xs-db-private.h"
#include "xs-trainee-store.h"

XsTrainee *
xs_trainee_new (void)
{
  XsTrainee *trainee = g_new0 (XsTrainee, 1);

  g_date_clear (&trainee->birth_date, 1);
  return trainee;
}

void
xs_trainee_clear (XsTrainee *trainee)
{
  g_clear_pointer (&trainee->id_number, g_free);
  g_clear_pointer (&trainee->name, g_free);
  g_clear_pointer (&trainee->employer, g_free);
  g_clear_pointer (&trainee->title, g_free);
  g_clear_pointer (&trainee->specialty, g_free);
  g_clear_pointer (&trainee->county, g_free);
  g_clear_pointer (&trainee->phone, g_free);
}

void
xs_trainee_free (XsTrainee *trainee)
{
  if (trainee == NULL)
    return;
  xs_trainee_clear (trainee);
  g_free (trainee);
}

#define TRAINEE_COLUMNS \
  "id, id_number, name, sex, birth_date, employer, title, specialty, county, phone"

static XsTrainee *
trainee_from_row (XsDbStmt *stmt)
{
  XsTrainee *trainee = xs_trainee_new ();

  trainee->id = sqlite3_column_int64 (stmt, 0);
  trainee->id_number = g_strdup (_xs_db_column_text (stmt, 1));
  trainee->name = g_strdup (_xs_db_column_text (stmt, 2));
  xs_sex_from_string (_xs_db_column_text (stmt, 3), &trainee->sex);
  xs_date_parse_iso (_xs_db_column_text (stmt, 4), &trainee->birth_date);
  trainee->employer = g_strdup (_xs_db_column_text (stmt, 5));
  trainee->title = g_strdup (_xs_db_column_text (stmt, 6));
  trainee->specialty = g_strdup (_xs_db_column_text (stmt, 7));
  trainee->county = g_strdup (_xs_db_column_text (stmt, 8));
  trainee->phone = g_strdup (_xs_db_column_text (stmt, 9));
  return trainee;
}

static XsTrainee *
lookup_with (XsDb        *db,
             XsDbStmt    *stmt,
             GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return trainee_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND,
                 _("Nobody with this identity number is on the roster."));
  else
    _xs_db_set_error (db, error);
  return NULL;
}

XsTrainee *
xs_trainee_store_lookup (XsDb        *db,
                         const char  *id_number,
                         GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (id_number != NULL, NULL);

  stmt = _xs_db_prepare (db, "SELECT " TRAINEE_COLUMNS " FROM trainee WHERE id_number = ?1", error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_text_static (stmt, 1, id_number);
  return lookup_with (db, stmt, error);
}

gint64
xs_trainee_store_find_id (XsDb        *db,
                          const char  *id_number,
                          GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), -1);
  g_return_val_if_fail (id_number != NULL, -1);

  stmt = _xs_db_prepare (db, "SELECT id FROM trainee WHERE id_number = ?1", error);
  if (stmt == NULL)
    return -1;
  _xs_db_bind_text_static (stmt, 1, id_number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      _xs_db_set_error (db, error);
      return -1;
    }
  return 0;
}

XsTrainee *
xs_trainee_store_get (XsDb        *db,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db, "SELECT " TRAINEE_COLUMNS " FROM trainee WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return lookup_with (db, stmt, error);
}

static gboolean
same_trainee (const XsTrainee *a,
              const XsTrainee *b)
{
  return g_strcmp0 (a->name, b->name) == 0
         && a->sex == b->sex
         && g_strcmp0 (a->employer, b->employer) == 0
         && g_strcmp0 (a->title, b->title) == 0
         && g_strcmp0 (a->specialty, b->specialty) == 0
         && g_strcmp0 (a->county, b->county) == 0
         && g_strcmp0 (a->phone, b->phone) == 0;
}

/* Room for "YYYY-MM-DD" (and a five-digit year, which GDate allows). */
#define ISO_DATE_SIZE 16

/* Like xs_date_to_iso() without the allocation (nor printf's cost, once
 * a row of a large import): @buffer, or NULL when @date is not valid. */
static const char *
format_iso_date (const GDate *date,
                 char         buffer[ISO_DATE_SIZE])
{
  guint year, month, day;

  if (!g_date_valid (date))
    return NULL;
  year = g_date_get_year (date);
  month = g_date_get_month (date);
  day = g_date_get_day (date);
  if (year > 9999)
    {
      g_snprintf (buffer, ISO_DATE_SIZE, "%u-%02u-%02u", year, month, day);
      return buffer;
    }
  buffer[0] = (char) ('0' + year / 1000);
  buffer[1] = (char) ('0' + year / 100 % 10);
  buffer[2] = (char) ('0' + year / 10 % 10);
  buffer[3] = (char) ('0' + year % 10);
  buffer[4] = '-';
  buffer[5] = (char) ('0' + month / 10);
  buffer[6] = (char) ('0' + month % 10);
  buffer[7] = '-';
  buffer[8] = (char) ('0' + day / 10);
  buffer[9] = (char) ('0' + day % 10);
  buffer[10] = '\0';
  return buffer;
}

/* Binds ?1 to ?10 without copies: @trainee, @birth and @now must outlive
 * the statement's scope. */
static void
bind_trainee (XsDbStmt        *stmt,
              const XsTrainee *trainee,
              const char      *birth,
              const char      *now)
{
  _xs_db_bind_text_static (stmt, 1, trainee->id_number);
  _xs_db_bind_text_static (stmt, 2, trainee->name);
  _xs_db_bind_text_static (stmt, 3, xs_sex_to_string (trainee->sex));
  _xs_db_bind_text_static (stmt, 4, birth);
  _xs_db_bind_text_static (stmt, 5, trainee->employer);
  _xs_db_bind_text_static (stmt, 6, trainee->title);
  _xs_db_bind_text_static (stmt, 7, trainee->specialty);
  _xs_db_bind_text_static (stmt, 8, trainee->county);
  _xs_db_bind_text_static (stmt, 9, trainee->phone);
  _xs_db_bind_text_static (stmt, 10, now);
}

/* Copies into @trainee the optional fields it does not set. */
static void
keep_stored_fields (XsTrainee       *trainee,
                    const XsTrainee *stored,
                    XsTraineeField   fields)
{
  struct { XsTraineeField field; char **value; const char *stored; } optional[] = {
    { XS_TRAINEE_FIELD_TITLE, &trainee->title, stored->title },
    { XS_TRAINEE_FIELD_SPECIALTY, &trainee->specialty, stored->specialty },
    { XS_TRAINEE_FIELD_COUNTY, &trainee->county, stored->county },
    { XS_TRAINEE_FIELD_PHONE, &trainee->phone, stored->phone },
  };

  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    if ((fields & optional[i].field) == 0)
      {
        g_free (*optional[i].value);
        *optional[i].value = g_strdup (optional[i].stored);
      }
}

static gboolean
audit_insert (XsDb             *db,
              const XsTrainee  *trainee,
              GError          **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  stmt = _xs_db_prepare (db,
                         "INSERT INTO audit (entity, entity_id, action, detail, trainee_id) "
                         "VALUES ('trainee', ?1, 'insert', ?2, ?1)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_int64 (stmt, 1, trainee->id);
  _xs_db_bind_text_static (stmt, 2, trainee->name);
  return _xs_db_exec_stmt (db, stmt, error);
}

gboolean
xs_trainee_store_merge (XsDb            *db,
                        XsTrainee       *trainee,
                        XsTraineeField   fields,
                        gint64           import_id,
                        XsTrainee      **previous,
                        XsUpsertResult  *result,
                        GError         **error)
{
  g_autoptr(XsTrainee) existing = NULL;
  g_autoptr(XsDbStmt) insert = NULL;
  g_autoptr(XsDbStmt) update = NULL;
  char birth_buffer[ISO_DATE_SIZE];
  const char *birth;
  const char *now;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (trainee != NULL && trainee->id_number != NULL, FALSE);

  if (previous != NULL)
    *previous = NULL;
  birth = format_iso_date (&trainee->birth_date, birth_buffer);
  now = _xs_db_get_now (db);

  /* Most rows of a roster are new: try the insert first, and look at the
   * stored trainee only when the number is already there. A new trainee
   * has no stored values to keep. */
  insert = _xs_db_prepare (db,
                           "INSERT INTO trainee (id_number, name, sex, birth_date, employer, "
                           "title, specialty, county, phone, created_at, updated_at, import_id) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11) "
                           "ON CONFLICT (id_number) DO NOTHING",
                           error);
  if (insert == NULL)
    return FALSE;
  bind_trainee (insert, trainee, birth, now);
  _xs_db_bind_id (insert, 11, import_id);
  if (!_xs_db_exec_stmt (db, insert, error))
    return FALSE;
  if (sqlite3_changes (_xs_db_get_handle (db)) == 1)
    {
      trainee->id = sqlite3_last_insert_rowid (_xs_db_get_handle (db));
      /* A trainee an import adds is recorded by the import's own entry
       * (trainee.import_id); one added otherwise gets its entry here, in
       * the same transaction (schema 12: no trigger, whose presence alone
       * made SQLite journal every inserted row). */
      if (import_id == 0 && !audit_insert (db, trainee, error))
        return FALSE;
      if (result != NULL)
        *result = XS_UPSERT_CREATED;
      return TRUE;
    }
  _xs_db_stmt_release (g_steal_pointer (&insert));

  existing = xs_trainee_store_lookup (db, trainee->id_number, error);
  if (existing == NULL)
    return FALSE;

  trainee->id = existing->id;
  keep_stored_fields (trainee, existing, fields);
  if (same_trainee (existing, trainee))
    {
      if (result != NULL)
        *result = XS_UPSERT_UNCHANGED;
      return TRUE;
    }

  update = _xs_db_prepare (db,
                           "UPDATE trainee SET name = ?2, sex = ?3, birth_date = ?4, "
                           "employer = ?5, title = ?6, specialty = ?7, county = ?8, phone = ?9, "
                           "updated_at = ?10 "
                           "WHERE id_number = ?1",
                           error);
  if (update == NULL)
    return FALSE;
  bind_trainee (update, trainee, birth, now);
  if (!_xs_db_exec_stmt (db, update, error))
    return FALSE;
  if (result != NULL)
    *result = XS_UPSERT_UPDATED;
  if (previous != NULL)
    *previous = g_steal_pointer (&existing);
  return TRUE;
}

gboolean
xs_trainee_store_upsert (XsDb            *db,
                         XsTrainee       *trainee,
                         XsUpsertResult  *result,
                         GError         **error)
{
  g_return_val_if_fail (XS_IS_DB (db), FALSE);

  return xs_trainee_store_merge (db, trainee, XS_TRAINEE_FIELD_ALL, 0, NULL, result, error);
}

gint64
xs_trainee_store_count (XsDb    *db,
                        GError **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  g_return_val_if_fail (XS_IS_DB (db), -1);

  stmt = _xs_db_prepare (db, "SELECT count(*) FROM trainee", error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _xs_db_set_error (db, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
