/* xs-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xs-check.h"
#include "xs-evidence-text.h"
#include "xs-db-private.h"
#include "xs-duplicates.h"
#include "xs-evidence.h"

static gboolean
check_integrity (XsDb       *db,
                 GPtrArray  *problems,
                 GError    **error)
{
  g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db, "PRAGMA integrity_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = _xs_db_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Database damage: %s"), line));
    }
  if (rc != SQLITE_DONE)
    return _xs_db_set_error (db, error);
  return TRUE;
}

static gboolean
check_foreign_keys (XsDb       *db,
                    GPtrArray  *problems,
                    GError    **error)
{
  g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db, "PRAGMA foreign_key_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Row %lld of “%s” points to a missing row of “%s”."),
                                      (long long) sqlite3_column_int64 (stmt, 1),
                                      _xs_db_column_text (stmt, 0),
                                      _xs_db_column_text (stmt, 2)));
  if (rc != SQLITE_DONE)
    return _xs_db_set_error (db, error);
  return TRUE;
}

static void
check_evidence_file (XsDb       *db,
                     const char *sha256,
                     gint64      size,
                     GPtrArray  *problems)
{
  g_autofree char *path = xs_evidence_get_path (db, sha256);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *actual = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_ptr_array_add (problems, g_strdup_printf (_("Evidence file %s is missing."), path));
      return;
    }
  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped == NULL)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("Evidence file %s cannot be read."), path));
      return;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  actual = xs_evidence_hash_bytes (bytes);
  if ((gint64) g_bytes_get_size (bytes) != size || !g_str_equal (actual, sha256))
    g_ptr_array_add (problems, g_strdup_printf (_("Evidence file %s has been changed since it was attached."), path));
}

/* One problem per scan attached to claims of more than one trainee. */
static gboolean
check_shared_scans (XsDb       *db,
                    GPtrArray  *problems,
                    GError    **error)
{
  g_autoptr(GPtrArray) scans = xs_duplicates_list (db, error);
  g_autoptr(GString) uses = g_string_new (NULL);

  if (scans == NULL)
    return FALSE;
  for (guint i = 0; i < scans->len; i++)
    {
      XsSharedScan *scan = g_ptr_array_index (scans, i);
      XsSharedScan *next = i + 1 < scans->len ? g_ptr_array_index (scans, i + 1) : NULL;
      g_autofree char *use = NULL;

      /* Translators: claim number, claim title, trainee's name, masked identity number */
      use = g_strdup_printf (_("claim %lld “%s” of %s (%s)"), (long long) scan->claim_id,
                             scan->claim_title, scan->name, scan->masked_id);
      if (uses->len > 0)
        /* Translators: separates the claims in a list */
        g_string_append (uses, _("; "));
      g_string_append (uses, use);
      if (next == NULL || next->evidence_id != scan->evidence_id)
        {
          /* Translators: %s are the first characters of the file's SHA-256, then the claims */
          g_ptr_array_add (problems, g_strdup_printf (_("The same scan (%.12s…) is attached to claims of different trainees: %s."),
                                                      scan->sha256, uses->str));
          g_string_truncate (uses, 0);
        }
    }
  return TRUE;
}

GPtrArray *
xs_check_run (XsDb          *db,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  if (!check_integrity (db, problems, error) || !check_foreign_keys (db, problems, error)
      || !check_shared_scans (db, problems, error)
      || !xs_evidence_text_check (db, problems, error))
    return NULL;

  stmt = _xs_db_prepare (db, "SELECT sha256, size FROM evidence ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      check_evidence_file (db, _xs_db_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1), problems);
    }
  if (rc != SQLITE_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&problems);
}
