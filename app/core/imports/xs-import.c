/* xs-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
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

/* An import commits every this many rows, or this often, whichever
 * comes first, so that another writer waits well under a second. */
#define CHUNK_ROWS 20000
#define CHUNK_USEC (250 * G_TIME_SPAN_MILLISECOND)
/* The pause between two chunks, in which a waiting writer takes its turn
 * (the store's busy handler looks every millisecond, and notes that it
 * waits in the import's lock file): only when one has waited during the
 * chunk. */
#define CHUNK_PAUSE_USEC (10 * G_TIME_SPAN_MILLISECOND)
/* While it runs, the log is copied into the database after this many
 * pages (256 MiB), not after every chunk; and at its end. */
#define CHUNK_CHECKPOINT_PAGES 65536

typedef struct
{
  gboolean  chunked;      /* commits in chunks (an import that writes) */
  gboolean  committed;    /* a chunk was committed: failing now means undoing */
  gboolean  in_transaction;
  int       lock_fd;      /* the import lock, taken at the first chunk */
  gint64    audit_first;  /* the audit mark at the current chunk's start */
  gint64    claim_mark;   /* the largest claim id at its start */
  gint64    started;      /* g_get_monotonic_time() at its start */
  guint     rows;         /* rows in the current chunk */
  XsDbCheckpointer *checkpointer; /* copies the committed chunks meanwhile */
  double    next_copy;    /* the part of the file read after which it runs */
} Chunks;

/* Where the chunk that starts now begins, in the audit trail and among
 * the claims. */
static gboolean
mark_chunk (XsDb     *db,
            Chunks   *chunks,
            GError  **error)
{
  chunks->audit_first = _xs_import_log_audit_mark (db, error);
  if (chunks->audit_first < 0)
    return FALSE;
  chunks->claim_mark = _xs_import_log_claim_mark (db, error);
  return chunks->claim_mark >= 0;
}

/* Commits the rows so far and starts the next chunk. The first commit
 * makes the import visible as incomplete: until its end, undone by the
 * next open if the process stops. */
static gboolean
commit_chunk (XsDb     *db,
              gint64    import_id,
              double    fraction,
              Chunks   *chunks,
              GError  **error)
{
  if (chunks->lock_fd < 0)
    {
      chunks->lock_fd = _xs_import_log_lock (db, FALSE, error);
      if (chunks->lock_fd < 0)
        return FALSE;
      _xs_db_set_checkpoint_pages (db, CHUNK_CHECKPOINT_PAGES);
    }
  if (!_xs_import_log_save_chunk (db, import_id, chunks->audit_first, chunks->claim_mark, error))
    return FALSE;
  chunks->in_transaction = FALSE;
  if (!xs_db_commit (db, error))
    return FALSE;
  chunks->committed = TRUE;
  /* Each copy rewrites the index pages every chunk changed: copied once
   * half the file is read, then when half of what was left is, and so on,
   * the log's last part is left to the end, and each page is copied
   * about twice at most. */
  if (fraction >= chunks->next_copy)
    {
      if (chunks->checkpointer == NULL)
        chunks->checkpointer = _xs_db_checkpointer_new (db);
      _xs_db_checkpointer_run (chunks->checkpointer);
      chunks->next_copy = fraction + (1.0 - fraction) / 2;
    }
  if (_xs_import_log_others_wait (chunks->lock_fd, chunks->started))
    g_usleep (CHUNK_PAUSE_USEC);
  if (!xs_db_begin (db, error))
    return FALSE;
  chunks->in_transaction = TRUE;
  chunks->started = g_get_monotonic_time ();
  chunks->rows = 0;
  return mark_chunk (db, chunks, error);
}

/* Whether to commit after this row. */
static gboolean
chunk_full (Chunks *chunks)
{
  if (!chunks->chunked)
    return FALSE;
  chunks->rows++;
  return chunks->rows >= CHUNK_ROWS
         || (chunks->rows % 64 == 0
             && g_get_monotonic_time () - chunks->started >= CHUNK_USEC);
}

/* The import stops without its end: takes back what it wrote. What was
 * committed already is undone in its own transaction (if that fails, the
 * next open does it: the import is marked incomplete). */
static void
abandon (XsDb    *db,
         gint64   import_id,
         Chunks  *chunks)
{
  g_autoptr(GError) error = NULL;

  if (chunks->in_transaction)
    xs_db_rollback (db);
  chunks->in_transaction = FALSE;
  if (chunks->committed && !_xs_import_log_abandon (db, import_id, &error))
    g_warning ("Could not take back the import that stopped: %s; the next start will.",
               error->message);
  chunks->committed = FALSE;
}

/* Whether @text is what Excel, WPS or LibreOffice show, and write to CSV, in
 * a cell whose formula failed: "#N/A", "#VALUE!", …, LibreOffice's
 * "Err:502". */
static gboolean
is_formula_error (const char *text)
{
  static const char *const errors[] = {
    "#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!",
    "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!", "#GETTING_DATA",
  };

  if (text[0] == '#')
    {
      for (gsize i = 0; i < G_N_ELEMENTS (errors); i++)
        if (g_ascii_strcasecmp (text, errors[i]) == 0)
          return TRUE;
      return FALSE;
    }
  if (text[0] == 'E' && g_str_has_prefix (text, "Err:") && text[4] != '\0')
    {
      for (const char *p = text + 4; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

/* Rejects the row when a cell the import reads holds a formula's error
 * instead of a value: such a value would be taken for a name, an employer
 * or a number. Returns whether it did. */
static gboolean
reject_formula_error (XsImportRowContext *context,
                      const XsColumnSpec *specs,
                      guint               n_specs)
{
  guint n_fields = xs_table_reader_get_n_fields (context->reader);

  for (guint i = 0; i < n_specs; i++)
    {
      int column = context->columns[i];
      const char *field;
      g_autofree char *name = NULL;

      if (column < 0 || (guint) column >= n_fields)
        continue;
      field = xs_table_reader_get_field (context->reader, column);
      if (!is_formula_error (field))
        continue;
      name = xs_column_spec_get_name (&specs[i]);
      /* Translators: "%s" are a column's name (工作单位) and the cell's
       * text (#N/A) */
      return _xs_import_reject_printf (context,
                                       _("The %s cell holds %s: the formula that fills it failed. "
                                         "Correct the formula in the spreadsheet, or paste its values, "
                                         "and import again."),
                                       name, field);
    }
  return FALSE;
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
  g_autofree char *path_base = NULL;
  g_autofree char *file_name = NULL;
  g_autofree int *columns = g_new0 (int, n_specs);
  g_autoptr(GError) local_error = NULL;
  XsImportRowContext context = { 0 };
  Chunks chunks = { 0 };
  gboolean keep;
  guint n = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  path_base = g_path_get_basename (path);
  reader = xs_table_reader_new_for_path (path, encoding, error);
  if (reader == NULL)
    return NULL;

  if (!xs_header_map_find (reader, path_base, specs, n_specs, columns, error))
    return NULL;
  /* rows are told by the sheet they are on, when it is not the first */
  file_name = xs_header_map_place (reader, path_base);

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
   * it finds exactly what the real import would. Anything else commits in
   * chunks: a roster, an hours sheet, a class's hours. */
  chunks.chunked = (flags & XS_IMPORT_DRY_RUN) == 0;
  chunks.lock_fd = -1;
  chunks.next_copy = 0.5;
  chunks.started = g_get_monotonic_time ();
  if (!xs_db_begin (db, error))
    return NULL;
  context.import_id = _xs_import_log_begin (db, kind, file_name, chunks.chunked, error);
  chunks.in_transaction = TRUE;
  if (context.import_id == 0)
    {
      xs_db_rollback (db);
      return NULL;
    }
  if (!mark_chunk (db, &chunks, error))
    {
      xs_db_rollback (db);
      return NULL;
    }

  if (g_str_equal (kind, "roster"))
    {
      GStatBuf st;

      _xs_db_set_import_cache (db, g_stat (path, &st) == 0 ? (gint64) st.st_size : G_MAXINT64);
    }
  while (xs_table_reader_next (reader, &local_error))
    {
      context.row = xs_table_reader_get_row_number (reader);
      if (!reject_formula_error (&context, specs, n_specs)
          && !row_func (&context, user_data, error))
        goto failed;

      if (++n % CHECK_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto failed;
          if (progress != NULL)
            progress (xs_table_reader_get_fraction (reader), progress_data);
        }
      if (chunk_full (&chunks)
          && !commit_chunk (db, context.import_id, xs_table_reader_get_fraction (reader), &chunks, error))
        goto failed;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
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
          || !_xs_import_log_finish (db, context.import_id, summary, error)
          || (chunks.chunked
              && !_xs_import_log_save_chunk (db, context.import_id, chunks.audit_first,
                                             chunks.claim_mark, error)))
        goto failed;
      chunks.in_transaction = FALSE;
      /* The last commit copies the rest of the log into the database. */
      g_clear_pointer (&chunks.checkpointer, _xs_db_checkpointer_free);
      _xs_db_set_checkpoint_pages (db, 0);
      if (!xs_db_commit (db, error))
        goto failed;
      xs_import_report_set_import_id (report, context.import_id);
    }
  else
    {
      g_clear_pointer (&chunks.checkpointer, _xs_db_checkpointer_free);
      _xs_db_set_checkpoint_pages (db, 0);
      abandon (db, context.import_id, &chunks);
    }

  if (progress != NULL)
    progress (1.0, progress_data);
  ok = TRUE;
  goto out;

failed:
  g_clear_pointer (&chunks.checkpointer, _xs_db_checkpointer_free);
  _xs_db_set_checkpoint_pages (db, 0);
  abandon (db, context.import_id, &chunks);
out:
  if (g_str_equal (kind, "roster"))
    _xs_db_set_import_cache (db, -1);
  _xs_import_log_unlock (chunks.lock_fd);
  return ok ? g_steal_pointer (&report) : NULL;
}
