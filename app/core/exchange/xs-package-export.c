/* xs-package-export.c: writing a submission package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same data gives the same bytes: members in a fixed order (manifest,
 * roster, hours, evidence by hash), each 0644 and deflated, and no time
 * stamps: libarchive then writes 1980-01-01 (as libxlsxwriter does inside
 * the workbooks) and no extended-time field. A set time would be written
 * in local time, and the bytes would depend on the time zone.
 */
#define G_LOG_DOMAIN "xs-package"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xs-class-store.h"
#include "xs-claim-store.h"
#include "xs-db-private.h"
#include "xs-evidence.h"
#include "xs-package-private.h"
#include "xs-output.h"

#define CHUNK (64 * 1024)

typedef struct
{
  const char *sha256;
  const char *media_type;
  gint64      size;
  int         pages;
  char       *member;
} ExportEvidence;

typedef struct
{
  GStringChunk *strings;
  GArray       *trainees;     /* XsPackageTrainee */
  GHashTable   *seen;         /* identity numbers */
  GArray       *claims;       /* XsPackageClaimRow */
  GPtrArray    *blocks;       /* each claim's XsPackageEvidence array */
  GHashTable   *evidence;     /* sha256 -> ExportEvidence */
  GArray       *ids;          /* each claim's id */
  char         *tmpdir;
} Export;

static void
export_evidence_free (gpointer data)
{
  ExportEvidence *evidence = data;

  g_free (evidence->member);
  g_free (evidence);
}

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->strings, g_string_chunk_free);
  g_clear_pointer (&export->trainees, g_array_unref);
  g_clear_pointer (&export->seen, g_hash_table_unref);
  g_clear_pointer (&export->claims, g_array_unref);
  g_clear_pointer (&export->blocks, g_ptr_array_unref);
  g_clear_pointer (&export->evidence, g_hash_table_unref);
  g_clear_pointer (&export->ids, g_array_unref);
  if (export->tmpdir != NULL)
    {
      g_rmdir (export->tmpdir);
      g_free (export->tmpdir);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

static const char *
keep (Export     *export,
      const char *text)
{
  return text != NULL ? g_string_chunk_insert_const (export->strings, text) : NULL;
}

static const char *
column (Export   *export,
        XsDbStmt *stmt,
        int       index)
{
  return keep (export, _xs_db_column_text (stmt, index));
}

static gboolean
collect_evidence (Export              *export,
                  XsDb                *db,
                  gint64               claim_id,
                  XsPackageClaimRow   *row,
                  GError             **error)
{
  g_autoptr(GPtrArray) list = xs_claim_store_list_evidence (db, claim_id, error);
  XsPackageEvidence *block;

  if (list == NULL)
    return FALSE;
  block = g_new0 (XsPackageEvidence, MAX (list->len, 1));
  g_ptr_array_add (export->blocks, block);
  for (guint i = 0; i < list->len; i++)
    {
      XsEvidence *evidence = g_ptr_array_index (list, i);
      const char *extension = _xs_package_media_extension (evidence->media_type);

      block[i].sha256 = keep (export, evidence->sha256);
      block[i].media_type = keep (export, evidence->media_type);
      block[i].size = evidence->size;
      block[i].material = keep (export, evidence->material);
      block[i].original_name = keep (export, evidence->original_name);
      if (extension == NULL)
        {
          g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_TYPE,
                       _("Evidence “%s” has a type a package cannot hold (%s)."),
                       evidence->original_name, evidence->media_type);
          return FALSE;
        }
      if (!g_hash_table_contains (export->evidence, block[i].sha256))
        {
          ExportEvidence *entry = g_new0 (ExportEvidence, 1);

          entry->sha256 = block[i].sha256;
          entry->media_type = block[i].media_type;
          entry->size = evidence->size;
          entry->pages = evidence->pages;
          entry->member = g_strdup_printf (XS_PACKAGE_EVIDENCE_DIR "%s.%s", entry->sha256, extension);
          g_hash_table_insert (export->evidence, (gpointer) entry->sha256, entry);
        }
    }
  row->claim.n_evidence = list->len;
  row->claim.evidence = block;
  return TRUE;
}

static gboolean
collect (Export                *export,
         XsDb                  *db,
         const XsPackageQuery  *query,
         GError               **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  GArray *ids = export->ids;
  int rc;

  stmt = _xs_db_prepare (db,
                         "SELECT c.id, c.category, c.compulsory, c.kind, c.variant, c.hours, c.title, "
                         "c.date, c.source, c.status, k.code, c.plan_ref, c.absence_kind, "
                         "c.absence_months, c.reason, c.reviewer, "
                         "t.id_number, t.name, t.sex, t.employer, t.title, t.specialty "
                         "FROM claim c JOIN trainee t ON t.id = c.trainee_id "
                         "LEFT JOIN training_class k ON k.id = c.class_id "
                         "WHERE c.year = ?1 AND c.status IN ('submitted', 'approved', 'rejected') "
                         "AND (?2 IS NULL OR k.code = ?2) AND (?3 IS NULL OR t.employer = ?3) "
                         "ORDER BY c.id",
                         error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_int (stmt, 1, query->year);
  _xs_db_bind_text (stmt, 2, query->class_code);
  _xs_db_bind_text (stmt, 3, query->employer);

  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      XsPackageClaimRow row = { { 0 } };
      XsPackageClaim *c = &row.claim;
      g_autofree char *ref = NULL;
      gint64 id = _xs_db_column_int64 (stmt, 0);

      ref = _xs_package_make_ref (query->year, id);
      c->ref = keep (export, ref);
      xs_category_from_string (_xs_db_column_text (stmt, 1), &c->category);
      c->compulsory = _xs_db_column_int (stmt, 2) != 0;
      c->kind = _xs_db_column_int (stmt, 3);
      c->variant = column (export, stmt, 4);
      c->hours = _xs_db_column_int (stmt, 5);
      c->title = column (export, stmt, 6);
      c->date = column (export, stmt, 7);
      xs_source_from_string (_xs_db_column_text (stmt, 8), &c->source);
      xs_status_from_string (_xs_db_column_text (stmt, 9), &c->status);
      row.class_code = column (export, stmt, 10);
      row.plan_ref = column (export, stmt, 11);
      row.absence = column (export, stmt, 12);
      row.absence_months = _xs_db_column_double (stmt, 13);
      row.reason = column (export, stmt, 14);
      row.reviewer = column (export, stmt, 15);
      c->id_number = column (export, stmt, 16);
      c->name = column (export, stmt, 17);
      c->employer = column (export, stmt, 19);

      if (!g_hash_table_contains (export->seen, c->id_number))
        {
          XsPackageTrainee trainee = {
            c->id_number, c->name, column (export, stmt, 18), c->employer,
            column (export, stmt, 20), column (export, stmt, 21),
          };

          g_hash_table_add (export->seen, (gpointer) c->id_number);
          g_array_append_val (export->trainees, trainee);
        }
      g_array_append_val (export->claims, row);
      g_array_append_val (ids, id);
    }
  if (rc != XS_DB_DONE)
    return _xs_db_set_error (db, error);
  g_clear_pointer (&stmt, _xs_db_stmt_release);

  for (guint i = 0; i < ids->len; i++)
    if (!collect_evidence (export, db, g_array_index (ids, gint64, i),
                           &g_array_index (export->claims, XsPackageClaimRow, i), error))
      return FALSE;
  return TRUE;
}

static int
compare_trainees (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (((const XsPackageTrainee *) a)->id_number,
                    ((const XsPackageTrainee *) b)->id_number);
}

static int
compare_evidence (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 ((*(ExportEvidence * const *) a)->sha256,
                    (*(ExportEvidence * const *) b)->sha256);
}

/* Writing the ZIP ------------------------------------------------------ */

typedef struct
{
  struct archive   *archive;
  GOutputStream    *stream;
  GCancellable     *cancellable;
  GError           *error;
  XsProgressFunc    progress;
  gpointer          progress_data;
  guint64           done;
  guint64           total;
  guint64           reported;
} Writer;

static la_ssize_t
write_cb (struct archive *archive,
          void           *data,
          const void     *buffer,
          size_t          length)
{
  Writer *writer = data;
  gsize written = 0;

  if (!g_output_stream_write_all (writer->stream, buffer, length, &written,
                                  writer->cancellable, writer->error ? NULL : &writer->error))
    {
      archive_set_error (archive, EIO, "write failed");
      return -1;
    }
  return length;
}

static gboolean
archive_failed (Writer  *writer,
                GError **error)
{
  if (writer->error != NULL)
    g_propagate_error (error, g_steal_pointer (&writer->error));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Could not write the package: %s"), archive_error_string (writer->archive));
  return FALSE;
}

static void
advance (Writer *writer,
         gsize   length)
{
  writer->done += length;
  if (writer->progress != NULL && writer->total > 0
      && (writer->done - writer->reported >= 1024 * 1024 || writer->done == writer->total))
    {
      writer->reported = writer->done;
      writer->progress ((double) writer->done / writer->total, writer->progress_data);
    }
}

static gboolean
begin_member (Writer      *writer,
              const char  *name,
              gint64       size,
              GError     **error)
{
  struct archive_entry *entry = archive_entry_new ();
  int r;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_uid (entry, 0);
  archive_entry_set_gid (entry, 0);
  archive_entry_set_size (entry, size);
  r = archive_write_header (writer->archive, entry);
  archive_entry_free (entry);
  if (r != ARCHIVE_OK)
    return archive_failed (writer, error);
  return TRUE;
}

static gboolean
put_bytes (Writer      *writer,
           const char  *name,
           GBytes      *bytes,
           GError     **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  if (!begin_member (writer, name, length, error))
    return FALSE;
  if (length > 0 && archive_write_data (writer->archive, data, length) != (la_ssize_t) length)
    return archive_failed (writer, error);
  advance (writer, length);
  return !g_cancellable_set_error_if_cancelled (writer->cancellable, error);
}

/* Streams a stored evidence file into the package, checking that it is
 * still what the database says. */
static gboolean
put_evidence (Writer          *writer,
              XsDb            *db,
              ExportEvidence  *evidence,
              GError         **error)
{
  g_autofree char *path = xs_evidence_get_path (db, evidence->sha256);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (CHUNK);
  gint64 count = 0;

  input = g_file_read (file, writer->cancellable, NULL);
  if (input == NULL)
    goto damaged;
  if (!begin_member (writer, evidence->member, evidence->size, error))
    return FALSE;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (input), buffer, CHUNK, writer->cancellable, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      count += n;
      if (count > evidence->size)
        goto damaged;
      g_checksum_update (checksum, buffer, n);
      if (archive_write_data (writer->archive, buffer, n) != n)
        return archive_failed (writer, error);
      advance (writer, n);
      if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
        return FALSE;
    }
  if (count == evidence->size && g_strcmp0 (g_checksum_get_string (checksum), evidence->sha256) == 0)
    return TRUE;

damaged:
  g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_BROKEN,
               _("The stored copy of evidence file %.12s… is missing or damaged, so no package "
                 "was written. Run “xueshi-cli check” to find the claims it belongs to."),
               evidence->sha256);
  return FALSE;
}

static gboolean
write_members (Writer      *writer,
               XsDb        *db,
               GBytes      *manifest,
               GBytes      *signature,
               GBytes      *roster,
               GBytes      *hours,
               GPtrArray   *evidence,
               GError     **error)
{
  if (archive_write_open (writer->archive, writer, NULL, write_cb, NULL) != ARCHIVE_OK)
    return archive_failed (writer, error);
  if (!put_bytes (writer, XS_PACKAGE_MANIFEST, manifest, error)
      || !put_bytes (writer, XS_PACKAGE_SIGNATURE, signature, error)
      || !put_bytes (writer, XS_PACKAGE_ROSTER, roster, error)
      || !put_bytes (writer, XS_PACKAGE_HOURS, hours, error))
    return FALSE;
  for (guint i = 0; i < evidence->len; i++)
    if (!put_evidence (writer, db, g_ptr_array_index (evidence, i), error))
      return FALSE;
  if (archive_write_close (writer->archive) != ARCHIVE_OK)
    return archive_failed (writer, error);
  return TRUE;
}

static gboolean
write_zip (XsDb            *db,
           const char      *path,
           GBytes          *manifest,
           GBytes          *signature,
           GBytes          *roster,
           GBytes          *hours,
           GPtrArray       *evidence,
           XsProgressFunc   progress,
           gpointer         progress_data,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(XsOutput) output = NULL;
  Writer writer = { 0 };
  gboolean ok;

  /* Written beside the target and moved over it when complete; identity
   * numbers and scans: the owner's only. */
  output = xs_output_new (path, XS_OUTPUT_PRIVATE, error);
  if (output == NULL)
    return FALSE;

  writer.archive = archive_write_new ();
  writer.stream = xs_output_get_stream (output);
  writer.cancellable = cancellable;
  writer.progress = progress;
  writer.progress_data = progress_data;
  writer.total = g_bytes_get_size (manifest) + g_bytes_get_size (signature) + g_bytes_get_size (roster) + g_bytes_get_size (hours);
  for (guint i = 0; i < evidence->len; i++)
    writer.total += ((ExportEvidence *) g_ptr_array_index (evidence, i))->size;

  archive_write_set_format_zip (writer.archive);
  archive_write_zip_set_compression_deflate (writer.archive);
  archive_write_set_bytes_in_last_block (writer.archive, 1);

  ok = write_members (&writer, db, manifest, signature, roster, hours, evidence, error);
  if (!ok)
    archive_write_fail (writer.archive);
  archive_write_free (writer.archive);
  g_clear_error (&writer.error);

  /* Dropping the output uncommitted leaves the old file as it was. */
  if (!ok)
    return FALSE;
  return xs_output_commit (output, error);
}

/* NULL, empty or only white space */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
xs_package_export (XsDb                  *db,
                   XsSigningKey          *key,
                   const char            *base_name,
                   const XsPackageQuery  *query,
                   const char            *path,
                   XsProgressFunc         progress,
                   gpointer               progress_data,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_auto(Export) export = { 0 };
  g_autoptr(XsRuleSet) rules = NULL;
  g_autoptr(GBytes) roster = NULL;
  g_autoptr(GBytes) hours = NULL;
  g_autoptr(GBytes) manifest = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GArray) files = NULL;
  g_autofree char *base_id = NULL;
  g_autofree char *roster_sha = NULL;
  g_autofree char *hours_sha = NULL;
  XsPackageContents contents = { 0 };
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (XS_IS_SIGNING_KEY (key), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (is_blank (base_name))
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("A package names the base that sends it: set the base’s name in Preferences or with “xueshi-cli base set --name” first."));
      return FALSE;
    }

  if (query->class_code != NULL)
    {
      g_autoptr(XsTrainingClass) klass = xs_class_store_lookup (db, query->class_code, error);

      if (klass == NULL)
        return FALSE;
    }
  rules = xs_rule_set_for_year (query->year, error);
  if (rules == NULL)
    return FALSE;

  export.strings = g_string_chunk_new (4096);
  export.trainees = g_array_new (FALSE, TRUE, sizeof (XsPackageTrainee));
  export.seen = g_hash_table_new (g_str_hash, g_str_equal);
  export.claims = g_array_new (FALSE, TRUE, sizeof (XsPackageClaimRow));
  export.blocks = g_ptr_array_new_with_free_func (g_free);
  export.evidence = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, export_evidence_free);
  export.ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!collect (&export, db, query, error))
    return FALSE;
  if (export.claims->len == 0)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND,
                   _("No claims of %d are submitted or decided for this selection, "
                     "so there is nothing to send to the reviewers."),
                   query->year);
      return FALSE;
    }
  g_array_sort (export.trainees, compare_trainees);
  evidence = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, export.evidence);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (evidence, value);
  g_ptr_array_sort (evidence, compare_evidence);

  export.tmpdir = g_dir_make_tmp ("xueshi-package-XXXXXX", error);
  if (export.tmpdir == NULL)
    return FALSE;
  roster = _xs_package_write_roster ((XsPackageTrainee *) (gpointer) export.trainees->data,
                                     export.trainees->len, export.tmpdir, error);
  if (roster == NULL)
    return FALSE;
  hours = _xs_package_write_hours ((XsPackageClaimRow *) (gpointer) export.claims->data,
                                   export.claims->len, query->year, rules, export.tmpdir, error);
  if (hours == NULL)
    return FALSE;

  base_id = xs_package_base_id (key);
  roster_sha = xs_evidence_hash_bytes (roster);
  hours_sha = xs_evidence_hash_bytes (hours);
  files = g_array_new (FALSE, TRUE, sizeof (XsPackageFile));
  g_array_append_val (files, ((XsPackageFile) { XS_PACKAGE_ROSTER, g_bytes_get_size (roster), roster_sha }));
  g_array_append_val (files, ((XsPackageFile) { XS_PACKAGE_HOURS, g_bytes_get_size (hours), hours_sha }));
  for (guint i = 0; i < evidence->len; i++)
    {
      ExportEvidence *e = g_ptr_array_index (evidence, i);
      XsPackageFile file = { e->member, e->size, e->sha256, e->media_type, e->pages };

      g_array_append_val (files, file);
    }

  contents.base_name = base_name;
  contents.base_id = base_id;
  contents.base_key = xs_signing_key_get_public_text (key);
  contents.query = query;
  contents.rule_set = xs_rule_set_get_id (rules);
  contents.files = (XsPackageFile *) (gpointer) files->data;
  contents.n_files = files->len;
  contents.trainees = (XsPackageTrainee *) (gpointer) export.trainees->data;
  contents.n_trainees = export.trainees->len;
  contents.claims = (XsPackageClaimRow *) (gpointer) export.claims->data;
  contents.n_claims = export.claims->len;
  manifest = _xs_package_build_manifest (&contents);
  {
    gsize length;
    const guint8 *data = g_bytes_get_data (manifest, &length);
    g_autofree char *sig = xs_signing_key_sign_data (key, data, length);
    char *text = g_strconcat (XS_SIGNATURE_LINE, sig, "\n", NULL);

    signature = g_bytes_new_take (text, strlen (text));
  }
  if (!write_zip (db, path, manifest, signature, roster, hours, evidence,
                  progress, progress_data, cancellable, error))
    return FALSE;

  /* the register: decisions apply only to what was sent */
  digest = _xs_package_file_digest (path, cancellable, error);
  file_name = g_path_get_basename (path);
  if (digest == NULL
      || !_xs_package_register_export (db, digest, file_name, query->year,
                                       (const gint64 *) (gpointer) export.ids->data,
                                       export.ids->len, error))
    {
      /* a package not recorded would have every decision on it refused */
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}
