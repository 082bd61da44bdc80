/* xs-class-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-class-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <sqlite3.h>

#include "xs-class-store.h"
#include "xs-date.h"
#include "xs-db-private.h"

XsTrainingClass *
xs_training_class_new (void)
{
  XsTrainingClass *klass = g_new0 (XsTrainingClass, 1);

  g_date_clear (&klass->start_date, 1);
  g_date_clear (&klass->end_date, 1);
  return klass;
}

void
xs_training_class_free (XsTrainingClass *klass)
{
  if (klass == NULL)
    return;
  g_free (klass->code);
  g_free (klass->name);
  g_free (klass);
}

#define CLASS_COLUMNS \
  "id, code, name, year, category, compulsory, hours, start_date, end_date"

static XsTrainingClass *
class_from_row (XsDbStmt *stmt)
{
  XsTrainingClass *klass = xs_training_class_new ();

  klass->id = sqlite3_column_int64 (stmt, 0);
  klass->code = g_strdup (_xs_db_column_text (stmt, 1));
  klass->name = g_strdup (_xs_db_column_text (stmt, 2));
  klass->year = sqlite3_column_int (stmt, 3);
  xs_category_from_string (_xs_db_column_text (stmt, 4), &klass->category);
  klass->compulsory = sqlite3_column_int (stmt, 5);
  klass->hours = sqlite3_column_int (stmt, 6);
  xs_date_parse_iso (_xs_db_column_text (stmt, 7), &klass->start_date);
  xs_date_parse_iso (_xs_db_column_text (stmt, 8), &klass->end_date);
  return klass;
}

static gboolean
check_class (const XsTrainingClass  *klass,
             GError                **error)
{
  if (klass->code == NULL || *g_strstrip (klass->code) == '\0'
      || klass->name == NULL || *g_strstrip (klass->name) == '\0')
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("A class needs a code and a name."));
      return FALSE;
    }
  if (klass->hours <= 0)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("A class needs its hours (more than 0)."));
      return FALSE;
    }
  if (!g_date_valid (&klass->start_date) || !g_date_valid (&klass->end_date)
      || g_date_compare (&klass->start_date, &klass->end_date) > 0)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("The class’s last day comes before its first day."));
      return FALSE;
    }
  if (g_date_get_year (&klass->start_date) != klass->year
      || g_date_get_year (&klass->end_date) != klass->year)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("A class must start and end in its year (%d)."), klass->year);
      return FALSE;
    }
  if (klass->compulsory && klass->category != XS_CATEGORY_PUBLIC)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("Only public subjects can be compulsory."));
      return FALSE;
    }
  return TRUE;
}

gboolean
xs_class_store_add (XsDb             *db,
                    XsTrainingClass  *klass,
                    GError          **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (klass != NULL, FALSE);

  if (!check_class (klass, error))
    return FALSE;

  stmt = _xs_db_prepare (db,
                         "INSERT INTO training_class (code, name, year, category, compulsory, "
                         "hours, start_date, end_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                         error);
  if (stmt == NULL)
    return FALSE;

  start = xs_date_to_iso (&klass->start_date);
  end = xs_date_to_iso (&klass->end_date);
  _xs_db_bind_text (stmt, 1, klass->code);
  _xs_db_bind_text (stmt, 2, klass->name);
  sqlite3_bind_int (stmt, 3, klass->year);
  _xs_db_bind_text (stmt, 4, xs_category_to_string (klass->category));
  sqlite3_bind_int (stmt, 5, klass->compulsory ? 1 : 0);
  sqlite3_bind_int (stmt, 6, klass->hours);
  _xs_db_bind_text (stmt, 7, start);
  _xs_db_bind_text (stmt, 8, end);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_xs_db_get_handle (db)) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                       _("A class with the code “%s” already exists."), klass->code);
          return FALSE;
        }
      return _xs_db_set_error (db, error);
    }

  /* the audit_class_insert trigger records it */
  klass->id = sqlite3_last_insert_rowid (_xs_db_get_handle (db));
  return TRUE;
}

XsTrainingClass *
xs_class_store_lookup (XsDb        *db,
                       const char  *code,
                       GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  stmt = _xs_db_prepare (db, "SELECT " CLASS_COLUMNS " FROM training_class WHERE code = ?1", error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_text (stmt, 1, code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return class_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND,
                 _("There is no class with the code “%s”."), code);
  else
    _xs_db_set_error (db, error);
  return NULL;
}

GPtrArray *
xs_class_store_list (XsDb    *db,
                     GError **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_training_class_free);
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db, "SELECT " CLASS_COLUMNS " FROM training_class "
                             "ORDER BY start_date DESC, code", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (classes, class_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&classes);
}

void
xs_training_class_fill_claim (const XsTrainingClass *klass,
                              XsClaim               *claim)
{
  g_return_if_fail (klass != NULL && claim != NULL);

  claim->class_id = klass->id;
  claim->year = klass->year;
  claim->category = klass->category;
  claim->compulsory = klass->compulsory;
  claim->kind = klass->category == XS_CATEGORY_PROFESSIONAL ? 1 : 0;
  claim->hours = klass->hours;
  g_free (claim->title);
  claim->title = g_strdup (klass->name);
  claim->date = klass->end_date;
  claim->source = XS_SOURCE_BATCH;
}
