/* xs-base-profile-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-base-profile"

#include "config.h"

#include "xs-base-profile-record.h"
#include "xs-db-private.h"

void
xs_base_profile_record_init (XsBaseProfileRecord *record)
{
  g_return_if_fail (record != NULL);

  record->name = g_strdup ("");
  record->issuer = g_strdup ("");
  record->seal = NULL;
  record->orientation = XS_CERTIFICATE_PORTRAIT;
  record->full_id_number = FALSE;
  record->language = XS_CERTIFICATE_CHINESE;
  record->kind_template[0] = g_strdup ("");
  record->kind_template[1] = g_strdup ("");
  record->offset[0] = 0;
  record->offset[1] = 0;
}

void
xs_base_profile_record_clear (XsBaseProfileRecord *record)
{
  g_return_if_fail (record != NULL);

  g_clear_pointer (&record->name, g_free);
  g_clear_pointer (&record->issuer, g_free);
  g_clear_pointer (&record->seal, g_bytes_unref);
  g_clear_pointer (&record->kind_template[0], g_free);
  g_clear_pointer (&record->kind_template[1], g_free);
}

void
xs_base_profile_record_copy (XsBaseProfileRecord       *dest,
                             const XsBaseProfileRecord *src)
{
  g_return_if_fail (dest != NULL);
  g_return_if_fail (src != NULL);

  xs_base_profile_record_clear (dest);
  dest->name = g_strdup (src->name);
  dest->issuer = g_strdup (src->issuer);
  dest->seal = src->seal ? g_bytes_ref (src->seal) : NULL;
  dest->orientation = src->orientation;
  dest->full_id_number = src->full_id_number;
  dest->language = src->language;
  for (int i = 0; i < 2; i++)
    {
      dest->kind_template[i] = g_strdup (src->kind_template[i]);
      dest->offset[i] = src->offset[i];
    }
}

char *
xs_base_profile_record_describe_changes (const XsBaseProfileRecord *a,
                                         const XsBaseProfileRecord *b)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);

  if (g_strcmp0 (a->name, b->name) != 0)
    g_ptr_array_add (changed, (gpointer) "name");
  if (g_strcmp0 (a->issuer, b->issuer) != 0)
    g_ptr_array_add (changed, (gpointer) "issuer");
  if ((a->seal == NULL) != (b->seal == NULL) || (a->seal != NULL && !g_bytes_equal (a->seal, b->seal)))
    g_ptr_array_add (changed, (gpointer) "seal");
  if (a->orientation != b->orientation)
    g_ptr_array_add (changed, (gpointer) "orientation");
  if (a->full_id_number != b->full_id_number)
    g_ptr_array_add (changed, (gpointer) "full_id_number");
  if (a->language != b->language)
    g_ptr_array_add (changed, (gpointer) "language");
  if (g_strcmp0 (a->kind_template[0], b->kind_template[0]) != 0)
    g_ptr_array_add (changed, (gpointer) "annual_template");
  if (g_strcmp0 (a->kind_template[1], b->kind_template[1]) != 0)
    g_ptr_array_add (changed, (gpointer) "completion_template");
  if (a->offset[0] != b->offset[0] || a->offset[1] != b->offset[1])
    g_ptr_array_add (changed, (gpointer) "offset");
  if (changed->len == 0)
    return NULL;
  g_ptr_array_add (changed, NULL);
  return g_strjoinv (", ", (char **) changed->pdata);
}

gboolean
xs_base_profile_record_load (XsBaseProfileRecord  *record,
                             XsDb                 *db,
                             gboolean             *saved,
                             GError              **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (saved != NULL, FALSE);

  *saved = FALSE;
  stmt = _xs_db_prepare (db,
                         "SELECT name, issuer, seal, orientation, full_id_number, "
                         "updated_at IS NOT NULL, language, annual_template, completion_template, "
                         "offset_x, offset_y FROM base_profile WHERE id = 1",
                         error);
  if (stmt == NULL)
    return FALSE;
  switch (_xs_db_step (stmt))
    {
    case XS_DB_ROW:
      break;
    case XS_DB_DONE:
      return TRUE;
    default:
      return _xs_db_set_error (db, error);
    }
  g_free (record->name);
  record->name = g_strdup (_xs_db_column_text (stmt, 0));
  g_free (record->issuer);
  record->issuer = g_strdup (_xs_db_column_text (stmt, 1));
  g_clear_pointer (&record->seal, g_bytes_unref);
  if (_xs_db_column_length (stmt, 2) > 0)
    record->seal = _xs_db_column_bytes (stmt, 2);
  record->orientation = g_strcmp0 (_xs_db_column_text (stmt, 3), "landscape") == 0
                        ? XS_CERTIFICATE_LANDSCAPE : XS_CERTIFICATE_PORTRAIT;
  record->full_id_number = _xs_db_column_int (stmt, 4) != 0;
  *saved = _xs_db_column_int (stmt, 5) != 0;
  /* anything else was written by a newer version: Chinese */
  record->language = g_strcmp0 (_xs_db_column_text (stmt, 6), "en") == 0
                     ? XS_CERTIFICATE_ENGLISH : XS_CERTIFICATE_CHINESE;
  for (int i = 0; i < 2; i++)
    {
      g_free (record->kind_template[i]);
      record->kind_template[i] = g_strdup (_xs_db_column_text (stmt, 7 + i));
      record->offset[i] = CLAMP (_xs_db_column_int (stmt, 9 + i), -200, 200);
    }
  return TRUE;
}

gboolean
xs_base_profile_record_save (const XsBaseProfileRecord  *record,
                             XsDb                       *db,
                             const char                 *changes,
                             GError                    **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (XS_IS_DB (db), FALSE);

  stmt = _xs_db_prepare (db,
                         "INSERT INTO base_profile (id, name, issuer, seal, orientation, full_id_number, "
                         "updated_at, language, annual_template, completion_template, "
                         "offset_x, offset_y) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                         "ON CONFLICT (id) DO UPDATE SET name = excluded.name, issuer = excluded.issuer, "
                         "seal = excluded.seal, orientation = excluded.orientation, "
                         "full_id_number = excluded.full_id_number, "
                         "updated_at = excluded.updated_at, language = excluded.language, "
                         "annual_template = excluded.annual_template, "
                         "completion_template = excluded.completion_template, "
                         "offset_x = excluded.offset_x, offset_y = excluded.offset_y",
                         error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_text (stmt, 1, record->name);
  _xs_db_bind_text (stmt, 2, record->issuer);
  if (record->seal != NULL)
    _xs_db_bind_blob (stmt, 3, g_bytes_get_data (record->seal, NULL), g_bytes_get_size (record->seal));
  _xs_db_bind_text_static (stmt, 4, record->orientation == XS_CERTIFICATE_LANDSCAPE ? "landscape" : "portrait");
  _xs_db_bind_int (stmt, 5, record->full_id_number ? 1 : 0);
  _xs_db_bind_text_static (stmt, 6, _xs_db_get_now (db));
  _xs_db_bind_text_static (stmt, 7, record->language == XS_CERTIFICATE_ENGLISH ? "en" : "zh");
  _xs_db_bind_text (stmt, 8, record->kind_template[0]);
  _xs_db_bind_text (stmt, 9, record->kind_template[1]);
  _xs_db_bind_int (stmt, 10, record->offset[0]);
  _xs_db_bind_int (stmt, 11, record->offset[1]);
  if (!_xs_db_exec_stmt (db, stmt, error))
    return FALSE;
  return _xs_db_audit (db, "base_profile", 1, "update", changes, error);
}
