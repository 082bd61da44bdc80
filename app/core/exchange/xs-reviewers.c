/* xs-reviewers.c: the reviewers a base accepts decisions from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-trust"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xs-db-private.h"
#include "xs-signing-key.h"
#include "xs-trust.h"

void
xs_reviewer_free (XsReviewer *reviewer)
{
  if (reviewer == NULL)
    return;
  g_free (reviewer->name);
  g_free (reviewer->public_key);
  g_free (reviewer->added_at);
  g_free (reviewer);
}

static XsReviewer *
read_row (XsDbStmt *stmt)
{
  XsReviewer *reviewer = g_new0 (XsReviewer, 1);

  reviewer->id = _xs_db_column_int64 (stmt, 0);
  reviewer->name = g_strdup (_xs_db_column_text (stmt, 1));
  xs_review_side_from_string (_xs_db_column_text (stmt, 2), &reviewer->side);
  reviewer->public_key = g_strdup (_xs_db_column_text (stmt, 3));
  reviewer->added_at = g_strdup (_xs_db_column_text (stmt, 4));
  return reviewer;
}

/* One reviewer registered, as a transaction's data; @id is set on success. */
typedef struct
{
  const char    *name;
  XsReviewSide   side;
  const char    *public_key_text;
  gint64         id;
} Addition;

static gboolean
insert_reviewer (XsDb      *db,
                 gpointer   data,
                 GError   **error)
{
  Addition *addition = data;
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *detail = NULL;

  stmt = _xs_db_prepare (db, "INSERT INTO reviewer (name, side, public_key, added_at) VALUES (?1, ?2, ?3, ?4)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_text (stmt, 1, addition->name);
  _xs_db_bind_text (stmt, 2, xs_review_side_to_string (addition->side));
  _xs_db_bind_text (stmt, 3, addition->public_key_text);
  _xs_db_bind_text_static (stmt, 4, _xs_db_get_now (db));
  if (!_xs_db_exec_stmt (db, stmt, error))
    return FALSE;
  addition->id = _xs_db_last_insert_id (db);
  fingerprint = xs_public_key_fingerprint (addition->public_key_text);
  detail = g_strdup_printf ("%s, %s, key %s", addition->name, xs_review_side_to_string (addition->side),
                            fingerprint);
  return _xs_db_audit (db, "reviewer", addition->id, "add", detail, error);
}

gint64
xs_reviewers_add (XsDb          *db,
                  const char    *name,
                  XsReviewSide   side,
                  const char    *public_key_text,
                  GError       **error)
{
  g_autoptr(XsReviewer) existing = NULL;
  g_autofree char *clean = NULL;
  Addition addition = { 0 };

  g_return_val_if_fail (XS_IS_DB (db), 0);
  g_return_val_if_fail (name != NULL, 0);

  clean = g_strstrip (g_strdup (name));
  if (*clean == '\0')
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("Give the reviewer’s name, as the decisions will record it."));
      return 0;
    }
  if (!xs_public_key_is_valid (public_key_text))
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("This is not a reviewer’s public key. Ask the reviewer for the file “xueshi-cli reviewer-key export” writes."));
      return 0;
    }
  existing = xs_reviewers_lookup (db, public_key_text, error);
  if (existing != NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, existing->id);

      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("This key is already registered, for “%s” (number %s)."), existing->name, number);
      return 0;
    }
  if (error != NULL && *error != NULL)
    return 0;

  addition.name = clean;
  addition.side = side;
  addition.public_key_text = public_key_text;
  if (!xs_db_run_in_transaction (db, insert_reviewer, &addition, error))
    return 0;
  return addition.id;
}

GPtrArray *
xs_reviewers_list (XsDb    *db,
                   GError **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_reviewer_free);
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db, "SELECT id, name, side, public_key, added_at FROM reviewer ORDER BY name, id",
                         error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    g_ptr_array_add (list, read_row (stmt));
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

XsReviewer *
xs_reviewers_lookup (XsDb        *db,
                     const char  *public_key_text,
                     GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db, "SELECT id, name, side, public_key, added_at FROM reviewer WHERE public_key = ?1",
                         error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_text (stmt, 1, public_key_text);
  rc = _xs_db_step (stmt);
  if (rc == XS_DB_ROW)
    return read_row (stmt);
  if (rc != XS_DB_DONE)
    _xs_db_set_error (db, error);
  return NULL;
}

/* Removes reviewer *@data (a gint64), audited. */
static gboolean
delete_reviewer (XsDb      *db,
                 gpointer   data,
                 GError   **error)
{
  gint64 id = *(const gint64 *) data;
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autofree char *name = NULL;

  stmt = _xs_db_prepare (db, "SELECT name FROM reviewer WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_int64 (stmt, 1, id);
  if (_xs_db_step (stmt) != XS_DB_ROW)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND,
                   _("No reviewer has the number %s; “xueshi-cli reviewers list” shows them."), number);
      return FALSE;
    }
  name = g_strdup (_xs_db_column_text (stmt, 0));
  g_clear_pointer (&stmt, _xs_db_stmt_release);
  stmt = _xs_db_prepare (db, "DELETE FROM reviewer WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_int64 (stmt, 1, id);
  if (!_xs_db_exec_stmt (db, stmt, error))
    return FALSE;
  return _xs_db_audit (db, "reviewer", id, "remove", name, error);
}

gboolean
xs_reviewers_remove (XsDb    *db,
                     gint64   id,
                     GError **error)
{
  g_return_val_if_fail (XS_IS_DB (db), FALSE);

  return xs_db_run_in_transaction (db, delete_reviewer, &id, error);
}
