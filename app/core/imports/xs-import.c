/* xs-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xs-db-private.h"
#include "xs-id-number.h"
#include "xs-import-log-private.h"
#include "xs-import-private.h"

/* Progress and cancellation are looked at every this many rows. */
#define CHECK_EVERY 512

/* "410102********1234" for a number that is one; for anything else its
 * ends only, so that a rejected row never shows a whole number. */
static char *
mask_any (const char *text)
{
  g_autofree char *normalized = xs_id_number_normalize (text, NULL);
  glong length;

  if (normalized != NULL)
    return xs_id_number_mask (normalized);
  length = g_utf8_strlen (text, -1);
  if (length == 0)
    return g_strdup ("");
  if (length < 8)
    return g_strdup ("****");
  return g_strdup_printf ("%.4s****%s", text, g_utf8_offset_to_pointer (text, length - 2));
}

/* The rejected row with who it is about and its cells as the file has
 * them. */
static void
add_rejected (XsImportRowContext *context,
              const char         *reason)
{
  guint n = xs_table_reader_get_n_fields (context->reader);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_full (n + 1, g_free);
  g_autofree char *name = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *whole = g_steal_pointer (&context->not_on_roster);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (cells, g_strdup (xs_table_reader_get_field (context->reader, i)));
  g_ptr_array_add (cells, NULL);
  if (context->name_spec >= 0)
    name = g_strdup (_xs_import_field (context, context->name_spec));
  if (context->id_spec >= 0)
    masked = mask_any (_xs_import_field (context, context->id_spec));
  xs_import_report_add_rejected (context->report, context->row, reason, name, masked,
                                 (const char * const *) cells->pdata, whole);
  if (whole != NULL)
    explicit_bzero (whole, strlen (whole));
}

gboolean
_xs_import_reject (XsImportRowContext *context,
                   GError             *error)
{
  add_rejected (context, error->message);
  g_error_free (error);
  return TRUE;
}

gboolean
_xs_import_reject_printf (XsImportRowContext *context,
                          const char         *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_rejected (context, message);
  return TRUE;
}

const char *
_xs_import_field (XsImportRowContext *context,
                  guint               spec_index)
{
  return xs_header_map_field (context->reader, context->columns[spec_index], context->scratch);
}

XsImportReport *
_xs_import_run (XsDb                *db,
                const char          *kind,
                const char          *path,
                const char          *encoding,
                XsImportFlags        flags,
                const XsColumnSpec  *specs,
                guint                n_specs,
                XsImportRowFunc      row_func,
                gpointer             user_data,
                GCancellable        *cancellable,
                XsProgressFunc       progress,
                gpointer             progress_data,
                GError             **error)
{
  g_autoptr(XsTableReader) reader = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autofree char *file_name = NULL;
  g_autofree int *columns = g_new0 (int, n_specs);
  g_autoptr(GError) local_error = NULL;
  XsImportRowContext context = { 0 };
  gboolean keep;
  guint n = 0;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file_name = g_path_get_basename (path);
  reader = xs_table_reader_new_for_path (path, encoding, error);
  if (reader == NULL)
    return NULL;

  if (!xs_table_reader_next (reader, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                     _("%s is empty: it has no header row and no data."), file_name);
      return NULL;
    }
  if (!xs_header_map_build (reader, file_name, specs, n_specs, columns, error))
    return NULL;

  {
    g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < xs_table_reader_get_n_fields (reader); i++)
      g_ptr_array_add (header, g_strdup (xs_table_reader_get_field (reader, i)));
    g_ptr_array_add (header, NULL);
    report = xs_import_report_new (file_name);
    xs_import_report_set_header (report, (const char * const *) header->pdata);
  }
  xs_import_report_set_encoding (report, xs_table_reader_get_encoding (reader));
  xs_import_report_set_dry_run (report, (flags & XS_IMPORT_DRY_RUN) != 0);

  context.db = db;
  context.reader = reader;
  context.report = report;
  context.columns = columns;
  context.scratch = scratch;
  context.flags = flags;
  context.name_spec = context.id_spec = -1;
  for (guint i = 0; i < n_specs; i++)
    {
      if (g_str_has_prefix (specs[i].aliases, "姓名|"))
        context.name_spec = (int) i;
      else if (g_str_has_prefix (specs[i].aliases, "身份证号|"))
        context.id_spec = (int) i;
    }

  /* Even a dry run writes, inside a transaction it then rolls back, so that
   * it finds exactly what the real import would. */
  if (!xs_db_begin (db, error))
    return NULL;
  context.import_id = _xs_import_log_begin (db, kind, file_name, error);
  if (context.import_id == 0)
    {
      xs_db_rollback (db);
      return NULL;
    }

  while (xs_table_reader_next (reader, &local_error))
    {
      context.row = xs_table_reader_get_row_number (reader);
      if (!row_func (&context, user_data, error))
        {
          xs_db_rollback (db);
          return NULL;
        }

      if (++n % CHECK_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              xs_db_rollback (db);
              return NULL;
            }
          if (progress != NULL)
            progress (xs_table_reader_get_fraction (reader), progress_data);
        }
    }

  if (local_error != NULL)
    {
      xs_db_rollback (db);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  keep = (flags & XS_IMPORT_DRY_RUN) == 0
         && ((flags & XS_IMPORT_SKIP_INVALID) != 0
             || xs_import_report_get_count (report, XS_ROW_REJECTED) == 0);

  xs_import_report_set_committed (report, keep);
  if (keep)
    {
      g_autofree char *summary = xs_import_report_format_summary (report);
      g_autofree char *detail = g_strdup_printf ("%s: %s", file_name, summary);

      if (!_xs_db_audit (db, "import", context.import_id, kind, detail, error)
          || !_xs_import_log_finish (db, context.import_id, summary, error))
        {
          xs_db_rollback (db);
          return NULL;
        }
      if (!xs_db_commit (db, error))
        return NULL;
      xs_import_report_set_import_id (report, context.import_id);
    }
  else
    xs_db_rollback (db);

  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&report);
}
