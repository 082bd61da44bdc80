/* test-table-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-table-reader"

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <archive.h>
#include <archive_entry.h>
#include <json-glib/json-glib.h>

#include "xs-header-map.h"
#include "xs-table-reader.h"
#include "xs-test-util.h"

/* Helpers */

static XsTableReader *
open_text (const char  *text,
           gssize       length,
           const char  *encoding,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return xs_table_reader_new_for_bytes (bytes, encoding, error);
}

/* Every remaining row as “ROW:field|field|…” lines. */
static char *
dump_rows (XsTableReader *reader)
{
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  while (xs_table_reader_next (reader, &error))
    {
      g_string_append_printf (out, "%u:", xs_table_reader_get_row_number (reader));
      for (guint i = 0; i < xs_table_reader_get_n_fields (reader); i++)
        {
          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, xs_table_reader_get_field (reader, i));
        }
      g_string_append_c (out, '\n');
    }
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

static char *
dump_text (const char *text,
           const char *encoding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = open_text (text, -1, encoding, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return dump_rows (reader);
}

typedef struct
{
  const char *name;
  const char *data;          /* NULL: zeros */
  gsize       size;
  guint       repeat;
} ZipEntry;

static la_ssize_t
zip_write_cb (struct archive *archive,
              void           *user_data,
              const void     *buffer,
              size_t          length)
{
  g_byte_array_append (user_data, buffer, length);
  return length;
}

static GBytes *
make_zip (const ZipEntry *entries,
          guint           n_entries)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *zeros = g_malloc0 (1024 * 1024);
  struct archive *archive = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (archive), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_zip_set_compression_deflate (archive), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open (archive, out, NULL, zip_write_cb, NULL), ==, ARCHIVE_OK);

  for (guint i = 0; i < n_entries; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      const ZipEntry *e = &entries[i];
      gsize size = e->size != 0 || e->data == NULL ? e->size : strlen (e->data);
      guint repeat = MAX (e->repeat, 1);

      g_assert (e->data != NULL || size <= 1024 * 1024);
      archive_entry_set_pathname (entry, e->name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) size * repeat);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      for (guint r = 0; r < repeat; r++)
        g_assert_cmpint (archive_write_data (archive, e->data ? e->data : zeros, size), ==, (la_ssize_t) size);
      archive_entry_free (entry);
    }

  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
assert_bytes_error (GBytes     *bytes,
                    const char *encoding,
                    int         code,
                    const char *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = xs_table_reader_new_for_bytes (bytes, encoding, &error);

  g_assert_null (reader);
  g_assert_error (error, XS_TABLE_ERROR, code);
  g_test_message ("message: %s", error->message);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in the message “%s”", in_message, error->message);
}

static void
assert_text_error (const char *text,
                   gssize      length,
                   const char *encoding,
                   int         code,
                   const char *in_message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  assert_bytes_error (bytes, encoding, code, in_message);
}

/* csv-spectrum */

static void
check_spectrum_file (const char *csv_path,
                     const char *json_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = xs_table_reader_new_for_path (csv_path, NULL, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  JsonArray *expected;
  guint n_rows = 0;

  g_test_message ("%s", csv_path);
  g_assert_no_error (error);
  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  expected = json_node_get_array (json_parser_get_root (parser));

  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xs_table_reader_get_encoding (reader), ==, "UTF-8");
  for (guint i = 0; i < xs_table_reader_get_n_fields (reader); i++)
    g_ptr_array_add (header, g_strdup (xs_table_reader_get_field (reader, i)));

  while (xs_table_reader_next (reader, &error))
    {
      JsonObject *object;

      g_assert_cmpuint (n_rows, <, json_array_get_length (expected));
      object = json_array_get_object_element (expected, n_rows);
      g_assert_cmpuint (json_object_get_size (object), ==, header->len);
      g_assert_cmpuint (xs_table_reader_get_n_fields (reader), ==, header->len);
      for (guint i = 0; i < header->len; i++)
        {
          const char *key = g_ptr_array_index (header, i);

          g_assert_true (json_object_has_member (object, key));
          g_assert_cmpstr (xs_table_reader_get_field (reader, i), ==,
                           json_object_get_string_member (object, key));
        }
      n_rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, json_array_get_length (expected));
  g_assert_cmpfloat (xs_table_reader_get_fraction (reader), ==, 1.0);
}

static void
test_csv_spectrum (void)
{
  g_autofree char *shared = xs_test_shared_dir ();
  g_autofree char *csvs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (shared == NULL)
    {
      g_test_skip ("the shared directory (XUESHI_SHARED_DIR) is absent");
      return;
    }
  csvs = g_build_filename (shared, "fixtures", "csv-spectrum", "csvs", NULL);
  dir = g_dir_open (csvs, 0, &error);
  if (dir == NULL)
    {
      g_test_skip ("csv-spectrum is not in the shared directory");
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".csv"))
      g_ptr_array_add (names, g_strndup (name, strlen (name) - 4));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >=, 11);

  for (guint i = 0; i < names->len; i++)
    {
      const char *base = g_ptr_array_index (names, i);
      g_autofree char *csv_name = g_strconcat (base, ".csv", NULL);
      g_autofree char *json_name = g_strconcat (base, ".json", NULL);
      g_autofree char *csv = g_build_filename (csvs, csv_name, NULL);
      g_autofree char *json = g_build_filename (shared, "fixtures", "csv-spectrum", "json", json_name, NULL);

      check_spectrum_file (csv, json);
    }
}

/* CSV */

static void
test_csv_gb18030_fixture (void)
{
  g_autofree char *path = xs_test_fixture_path ("roster-gb18030.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = xs_table_reader_new_for_path (path, NULL, &error);
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (xs_table_reader_get_encoding (reader), ==, "GB18030");
  rows = dump_rows (reader);
  g_assert_cmpstr (rows, ==,
                   "1:姓名|身份证号|工作单位|性别|职称|专业|县区|手机号\n"
                   "2:张伟|411102198203150319|漯河市第二中学|男|中级|数学|源汇区|13903950001\n"
                   "3:李秀英|411103199007210426|郾城区人民医院|女|初级|护理|郾城区|13703950002\n"
                   "4:王建国|411102197511080151|漯河市建设工程质量监督站|男|高级|土木工程|源汇区|15903950003\n"
                   "5:刘芳|411104198802030266|召陵区实验小学,教务处|女|中级|语文|召陵区|18803950004\n"
                   "6:赵堃|411103199306140579|漯河市农业科学院|男|初级|农学|郾城区|13603950005\n");
}

static void
test_csv_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = open_text ("\xEF\xBB\xBF姓名,身份证号\r\n张三,1\r\n", -1, NULL, &error);
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (xs_table_reader_get_encoding (reader), ==, "UTF-8");
  rows = dump_rows (reader);
  g_assert_cmpstr (rows, ==, "1:姓名|身份证号\n2:张三|1\n");

  /* A BOM is removed also when UTF-8 is chosen */
  g_clear_pointer (&rows, g_free);
  rows = dump_text ("\xEF\xBB\xBF" "a,b\n", "utf-8");
  g_assert_cmpstr (rows, ==, "1:a|b\n");

  /* UTF-16 with a BOM (Excel's “Unicode text”) */
  g_clear_pointer (&rows, g_free);
  {
    static const char utf16[] = "\xFF\xFE" "a\0,\0\x20\x5F\n\0";   /* a,张\n */
    g_autoptr(XsTableReader) r16 = open_text (utf16, sizeof utf16 - 1, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (xs_table_reader_get_encoding (r16), ==, "UTF-16LE");
    rows = dump_rows (r16);
    g_assert_cmpstr (rows, ==, "1:a|张\n");
  }
}

/* Tab-separated text: what Excel and WPS save as “Unicode Text” (UTF-16
 * with a BOM) or “Text (Tab delimited)”, and what a copy of cells gives.
 * The first line that is not blank decides: a tab and no comma outside
 * quotes. */
static void
test_csv_tab_separated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  rows = dump_text ("姓名\t身份证号\t工作单位\r\n张三\t411102198001011230\t漯河市中心医院\r\n", NULL);
  g_assert_cmpstr (rows, ==, "1:姓名|身份证号|工作单位\n2:张三|411102198001011230|漯河市中心医院\n");

  /* quoted fields keep their tabs, commas and quotes; an empty field */
  g_clear_pointer (&rows, g_free);
  rows = dump_text ("a\tb\tc\n\"x, y\"\t\"p\tq \"\"r\"\"\"\t\n", NULL);
  g_assert_cmpstr (rows, ==, "1:a|b|c\n2:x, y|p\tq \"r\"|\n");

  /* blank lines before the header do not decide */
  g_clear_pointer (&rows, g_free);
  rows = dump_text ("\r\n\r\na\tb\r\n1\t2\r\n", NULL);
  g_assert_cmpstr (rows, ==, "3:a|b\n4:1|2\n");

  /* commas decide: a tab inside quotes, or beside a comma */
  g_clear_pointer (&rows, g_free);
  rows = dump_text ("\"a\tb\",c\n1,2\n", NULL);
  g_assert_cmpstr (rows, ==, "1:a\tb|c\n2:1|2\n");
  g_clear_pointer (&rows, g_free);
  rows = dump_text ("a\tb,c\n1\t2,3\n", NULL);
  g_assert_cmpstr (rows, ==, "1:a\tb|c\n2:1\t2|3\n");

  /* Excel's “Unicode Text”: UTF-16LE with a BOM, converted as it is read */
  g_clear_pointer (&rows, g_free);
  {
    const char *text = "姓名\t身份证号\t工作单位\r\n䶮𠮷\t411102198001011230\t医院\r\n";
    gsize length = 0;
    g_autofree char *utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
    g_autofree char *file = NULL;
    g_autoptr(XsTableReader) reader = NULL;

    g_assert_no_error (error);
    file = g_malloc (length + 2);
    memcpy (file, "\xFF\xFE", 2);
    memcpy (file + 2, utf16, length);
    reader = open_text (file, length + 2, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (xs_table_reader_get_encoding (reader), ==, "UTF-16LE");
    rows = dump_rows (reader);
    g_assert_cmpstr (rows, ==, "1:姓名|身份证号|工作单位\n2:䶮𠮷|411102198001011230|医院\n");
  }

  /* a first line longer than the text converted at once is looked at whole */
  g_clear_pointer (&rows, g_free);
  {
    g_autoptr(GString) text = g_string_new (NULL);
    gsize length = 0;
    g_autofree char *gb = NULL;
    g_autoptr(XsTableReader) reader = NULL;

    for (guint i = 0; i < 200000; i++)
      g_string_append (text, "名");
    g_string_append (text, "\tb\tc\n1\t2\t3\n");
    gb = g_convert (text->str, -1, "GB18030", "UTF-8", NULL, &length, &error);
    g_assert_no_error (error);
    reader = open_text (gb, length, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (xs_table_reader_get_encoding (reader), ==, "GB18030");
    g_assert_true (xs_table_reader_next (reader, &error));
    g_assert_cmpuint (xs_table_reader_get_n_fields (reader), ==, 3);
    g_assert_cmpstr (xs_table_reader_get_field (reader, 2), ==, "c");
  }
}

static void
test_csv_line_ends (void)
{
  g_autofree char *crlf = dump_text ("a,b\r\n1,2\r\n", NULL);
  g_autofree char *mixed = dump_text ("a,b\r\n1,2\r3,4\n5,6", NULL);
  g_autofree char *trailing = dump_text ("a,b\n1,\n,2\n", NULL);

  g_assert_cmpstr (crlf, ==, "1:a|b\n2:1|2\n");
  g_assert_cmpstr (mixed, ==, "1:a|b\n2:1|2\n3:3|4\n4:5|6\n");
  g_assert_cmpstr (trailing, ==, "1:a|b\n2:1|\n3:|2\n");
}

static void
test_csv_quoted_newlines (void)
{
  /* Row 2 spans three lines, row 4 is blank, row 5 has only empty fields */
  g_autofree char *rows = dump_text ("name,note\r\n"
                                     "\"Li, Na\",\"line 1\r\nline 2\nsaid \"\"hi\"\"\"\r\n"
                                     "Wang,\"\"\r\n"
                                     "\r\n"
                                     ",\"\"\r\n"
                                     "Zhao,x\"y\r\n"
                                     "\"Qian\"er,end",
                                     NULL);

  g_assert_cmpstr (rows, ==,
                   "1:name|note\n"
                   "2:Li, Na|line 1\r\nline 2\nsaid \"hi\"\n"
                   "3:Wang|\n"
                   "6:Zhao|x\"y\n"
                   "7:Qianer|end\n");
}

static void
test_csv_short_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = open_text ("a,b,c\n1\n", -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, "");
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_cmpuint (xs_table_reader_get_n_fields (reader), ==, 1);
  g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, "1");
  g_assert_cmpstr (xs_table_reader_get_field (reader, 2), ==, "");
  g_assert_cmpstr (xs_table_reader_get_field (reader, 1000), ==, "");
  g_assert_false (xs_table_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (xs_table_reader_get_n_fields (reader), ==, 0);
  /* Stays at the end */
  g_assert_false (xs_table_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
test_csv_unterminated_quote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = open_text ("a,b\n1,2\n3,\"open\n4,5\n", -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_false (xs_table_reader_next (reader, &error));
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "row 3"));
  g_assert_cmpuint (xs_table_reader_get_row_number (reader), ==, 3);
  g_clear_error (&error);
  g_assert_false (xs_table_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
test_csv_forced_encoding (void)
{
  g_autofree char *path = xs_test_fixture_path ("roster-gb18030.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = xs_table_reader_new_for_path (path, "GBK", &error);
  g_autofree char *latin1 = NULL;
  g_autofree char *detected = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (xs_table_reader_get_encoding (reader), ==, "GBK");
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, "姓名");

  latin1 = dump_text ("caf\xE9,x\n", "ISO-8859-1");
  g_assert_cmpstr (latin1, ==, "1:café|x\n");

  /* Without a choice, bytes that are not UTF-8 are taken as GB18030 */
  detected = dump_text ("\xD5\xC5\xC8\xFD,x\n", NULL);
  g_assert_cmpstr (detected, ==, "1:张三|x\n");
}

static void
test_csv_encoding_errors (void)
{
  g_autofree char *path = xs_test_fixture_path ("roster-gb18030.csv");
  g_autofree char *contents = NULL;
  gsize length;

  /* The bad byte is in row 3 (on the fourth line) */
  assert_text_error ("a,b\nc,d\n\"x\ny\",\xFF\xFE\n", -1, "UTF-8", XS_TABLE_ERROR_ENCODING, "row 3");
  assert_text_error ("a,b\nc,d\n\"x\ny\",\x81\n", -1, "GB18030", XS_TABLE_ERROR_ENCODING, "row 3");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  assert_text_error (contents, length, "UTF-8", XS_TABLE_ERROR_ENCODING, "not valid UTF-8");
  assert_text_error ("a,b\n", -1, "NO-SUCH-ENCODING", XS_TABLE_ERROR_ENCODING, "NO-SUCH-ENCODING");
  /* Neither UTF-8 nor GB18030 */
  assert_text_error ("a,b\n1,2\n\xFF\xFF\n", -1, NULL, XS_TABLE_ERROR_ENCODING, "row 3");
}

/* Resident memory of this process, in bytes. */
static gsize
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  g_assert_cmpint (sscanf (statm, "%lu %lu", &size, &resident), ==, 2);
  return (gsize) resident * (gsize) sysconf (_SC_PAGESIZE);
}

#define STREAM_ROWS 250000

/* The fields of row @i of the streamed file (the last one 400 KB long, so
 * that a record outgrows the window it is converted into). */
static char *
streamed_name (guint i)
{
  if (i == STREAM_ROWS - 1)
    {
      GString *long_name = g_string_new (NULL);

      while (long_name->len < 400 * 1024)
        g_string_append (long_name, "䶮𠮷王");
      return g_string_free (long_name, FALSE);
    }
  return g_strdup_printf ("王䶮𠮷%u \"引号\"\n第二行", i);
}

/* A GB18030 file far larger than the window it is read through: every
 * row comes back as written (quoted line breaks, doubled quotes, CRLF,
 * rare characters across the window's edges), and the reader's memory
 * stays bounded: the converted text is never held whole (it was: 21 MB
 * more for this file, as much as its text in UTF-8). */
static void
test_csv_gb18030_streamed (void)
{
  g_autoptr(GString) utf8 = g_string_new ("姓名,身份证号,工作单位\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = NULL;
  g_autofree char *path = NULL;
  gsize before, peak = 0, utf8_length;
  guint n = 0;

  for (guint i = 0; i < STREAM_ROWS; i++)
    {
      g_autofree char *name = streamed_name (i);
      g_autoptr(GString) quoted = g_string_new (name);

      g_string_replace (quoted, "\"", "\"\"", 0);
      g_string_append_printf (utf8, "\"%s\",4111021980%08u,漯河市第%u人民医院\r\n", quoted->str, i, i % 7);
    }
  utf8_length = utf8->len;
  {
    g_autofree char *gb = NULL;
    gsize written = 0;

    gb = g_convert (utf8->str, utf8->len, "GB18030", "UTF-8", NULL, &written, &error);
    g_assert_no_error (error);
    g_string_free (g_steal_pointer (&utf8), TRUE);
    path = xs_test_write_file ("streamed-gb18030.csv", gb, written);
  }

  before = resident_bytes ();
  reader = xs_table_reader_new_for_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xs_table_reader_get_encoding (reader), ==, "GB18030");
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_cmpstr (xs_table_reader_get_field (reader, 2), ==, "工作单位");
  while (xs_table_reader_next (reader, &error))
    {
      g_autofree char *name = streamed_name (n);
      g_autofree char *id = g_strdup_printf ("4111021980%08u", n);
      g_autofree char *employer = g_strdup_printf ("漯河市第%u人民医院", n % 7);

      g_assert_cmpuint (xs_table_reader_get_row_number (reader), ==, n + 2);
      g_assert_cmpuint (xs_table_reader_get_n_fields (reader), ==, 3);
      g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, name);
      g_assert_cmpstr (xs_table_reader_get_field (reader, 1), ==, id);
      g_assert_cmpstr (xs_table_reader_get_field (reader, 2), ==, employer);
      if (n % 1000 == 0 || n == STREAM_ROWS - 1)
        peak = MAX (peak, resident_bytes ());
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, STREAM_ROWS);
  g_test_message ("UTF-8 text %.1f MB, read with %.1f MB more resident at most",
                  utf8_length / 1048576.0, (peak > before ? peak - before : 0) / 1048576.0);
  if (xs_test_resident_memory_is_meaningful ())
    g_assert_cmpuint (peak, <, before + 8 * 1024 * 1024);
  else
    g_test_message ("resident memory not checked under AddressSanitizer");
  g_assert_cmpuint (utf8_length, >, 20 * 1024 * 1024);
  g_unlink (path);
}

static void
test_not_a_table (void)
{
  static const char xls[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0>\0\3\0";
  static const char encrypted[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0E\0n\0c\0r\0y\0p\0t\0e\0d\0"
                                  "P\0a\0c\0k\0a\0g\0e\0\0\0";
  static const char binary[] = "%PDF-1.4\n\0\1\2\3";

  assert_text_error (xls, sizeof xls - 1, NULL, XS_TABLE_ERROR_FORMAT, "Excel 97-2003 .xls");
  assert_text_error (encrypted, sizeof encrypted - 1, NULL, XS_TABLE_ERROR_FORMAT, "password");
  assert_text_error (binary, sizeof binary - 1, NULL, XS_TABLE_ERROR_FORMAT, "CSV");
  assert_text_error ("<html><body><table><tr><td>1</td></tr></table></body></html>", -1, NULL,
                     XS_TABLE_ERROR_FORMAT, "web page");
  assert_text_error ("", 0, NULL, XS_TABLE_ERROR_FORMAT, "empty");
}

static void
test_files (void)
{
  g_autofree char *empty = xs_test_write_file ("空表.csv", "", 0);
  g_autofree char *xls = xs_test_write_file ("学时.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = NULL;

  reader = xs_table_reader_new_for_path (empty, NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "“空表.csv” is empty"));
  g_clear_error (&error);

  reader = xs_table_reader_new_for_path (xls, NULL, &error);
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "“学时.xls” is an old Excel 97-2003 .xls file"));
  g_clear_error (&error);

  reader = xs_table_reader_new_for_path (missing, NULL, &error);
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "missing.csv"));
  g_clear_error (&error);

  reader = xs_table_reader_new_for_path (dir, NULL, &error);
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_OPEN);
}

/* XLSX */

static void
test_xlsx_fixture (void)
{
  g_autofree char *path = xs_test_fixture_path ("hours.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = xs_table_reader_new_for_path (path, "GB18030", &error);
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (xs_table_reader_get_encoding (reader), ==, "XLSX");
  rows = dump_rows (reader);
  /* Row 4's identity number was stored as a number (digits lost); the
   * dates are serials; 必修 is a gap in rows 3 and 5; “+” in row 4 and
   * “2017” in row 6 are rich-text runs of their own */
  g_assert_cmpstr (rows, ==,
                   "1:身份证号|姓名|年度|科目类别|必修|学时|类型|项目名称|日期\n"
                   "2:411102198203150319|张伟|2018|公需|是|6|1|专业技术人员职业道德与诚信建设|43226\n"
                   "3:411103199007210426|李秀英|2018|专业||1.5|1|护理新技术专题讲座|43263\n"
                   "4:4.1110219751108E+017|王建国|2018|公需|否|3|1|大数据与“互联网+”|43363\n"
                   "5:411104198802030266|刘芳|2018|专业||24|2|河南省中小学教师继续教育培训|43296\n"
                   "6:411103199306140579|赵堃|2017|公需|是|4.5|1|2017年度公需科目补学|43160\n");
}

#define SHEET_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char synthetic_workbook[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<workbook xmlns=\"" SHEET_NS "\" xmlns:r=\"" REL_NS "\"><sheets>"
  "<sheet name=\"学时\" sheetId=\"3\" r:id=\"rId7\"/>"
  "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>"
  "</sheets></workbook>";

static const char synthetic_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId7\" Type=\"" REL_NS "/worksheet\" Target=\"/xl/worksheets/first.xml\"/>"
  "<Relationship Id=\"rId9\" Type=\"" REL_NS "/sharedStrings\" Target=\"strings/../sst.xml\"/>"
  "</Relationships>";

static const char synthetic_sst[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<x:sst xmlns:x=\"" SHEET_NS "\" count=\"4\" uniqueCount=\"4\">"
  "<x:si><x:t>姓名</x:t></x:si>"
  "<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>王</x:t></x:r><x:r><x:t xml:space=\"preserve\"> 堃</x:t></x:r>"
  "<x:rPh sb=\"0\" eb=\"1\"><x:t>wang</x:t></x:rPh><x:phoneticPr fontId=\"1\"/></x:si>"
  "<x:si/>"
  "<x:si><x:t>a_x000D_b_x005F_x000D_</x:t></x:si>"
  "</x:sst>";

static const char synthetic_sheet[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<worksheet xmlns=\"" SHEET_NS "\"><sheetData>"
  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>备注</t></is></c></row>"
  "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\"><v>4.1010219800101101E+17</v></c>"
  "<c r=\"D2\" t=\"b\"><v>1</v></c><c r=\"E2\" t=\"e\"><v>#DIV/0!</v></c>"
  "<c r=\"F2\" t=\"str\"><f>A2&amp;\"x\"</f><v>王 堃x</v></c></row>"
  "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\"/></row>"
  "<row r=\"5\" spans=\"1:3\"><c r=\"C5\" t=\"inlineStr\"><is><r><t>富</t></r><r><t>文本</t></r>"
  "<rPh><t>fu</t></rPh></is></c><c r=\"A5\"><v>43226</v></c></row>"
  "<row><c><v>1</v></c><c t=\"s\"><v>3</v></c><c><v>-2.5</v></c></row>"
  "<row r=\"9\"/>"
  "<row r=\"10\"><c r=\"B10\" t=\"d\"><v>2018-05-06T00:00:00</v></c></row>"
  "</sheetData></worksheet>";

static const char other_sheet[] =
  "<worksheet xmlns=\"" SHEET_NS "\"><sheetData>"
  "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>wrong sheet</t></is></c></row>"
  "</sheetData></worksheet>";

static void
test_xlsx_synthetic (void)
{
  const ZipEntry entries[] = {
    { "[Content_Types].xml", "<Types/>", 0, 0 },
    { "xl/worksheets/sheet1.xml", other_sheet, 0, 0 },
    { "xl/sst.xml", synthetic_sst, 0, 0 },
    { "xl/worksheets/first.xml", synthetic_sheet, 0, 0 },
    { "xl/_rels/workbook.xml.rels", synthetic_rels, 0, 0 },
    { "xl/workbook.xml", synthetic_workbook, 0, 0 },
  };
  g_autoptr(GBytes) zip = make_zip (entries, G_N_ELEMENTS (entries));
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = xs_table_reader_new_for_bytes (zip, NULL, &error);
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  rows = dump_rows (reader);
  g_assert_cmpstr (rows, ==,
                   "1:姓名||备注\n"
                   "2:王 堃|4.1010219800101101E+17||1|#DIV/0!|王 堃x\n"
                   "5:43226||富文本\n"
                   "6:1|a\rb_x000D_|-2.5\n"
                   "10:|2018-05-06T00:00:00\n");
}

/* A workbook as templates come: instructions on the first tab, a hidden
 * sheet of lists for drop-downs, the roster on the third, behind a title. */
static const char tabs_workbook[] =
  "<workbook xmlns=\"" SHEET_NS "\" xmlns:r=\"" REL_NS "\"><sheets>"
  "<sheet name=\"填表说明\" sheetId=\"1\" r:id=\"rId1\"/>"
  "<sheet name=\"选项\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"
  "<sheet name=\"花名册\" sheetId=\"3\" r:id=\"rId3\"/>"
  "</sheets></workbook>";

static const char tabs_rels[] =
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet3.xml\"/>"
  "</Relationships>";

#define INLINE(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"

static const char tabs_instructions[] =
  "<worksheet xmlns=\"" SHEET_NS "\"><sheetData>"
  "<row r=\"1\">" INLINE ("A1", "填表说明") "</row>"
  "<row r=\"2\">" INLINE ("A2", "1. 身份证号请设置为文本格式。") "</row>"
  "<row r=\"3\">" INLINE ("A3", "2. 姓名、身份证号、工作单位为必填项。") "</row>"
  "</sheetData></worksheet>";

/* hidden: a header-like list that must not be taken for the roster */
static const char tabs_lists[] =
  "<worksheet xmlns=\"" SHEET_NS "\"><sheetData>"
  "<row r=\"1\">" INLINE ("A1", "姓名") INLINE ("B1", "县区") "</row>"
  "</sheetData></worksheet>";

static const char tabs_roster[] =
  "<worksheet xmlns=\"" SHEET_NS "\"><sheetData>"
  "<row r=\"1\">" INLINE ("A1", "2018年度专业技术人员名单") "</row>"
  "<row r=\"3\">" INLINE ("A3", "姓名") INLINE ("B3", "身份证号") INLINE ("C3", "工作单位") "</row>"
  "<row r=\"4\">" INLINE ("A4", "张三") INLINE ("B4", "410102198001011248") INLINE ("C4", "漯河市中心医院") "</row>"
  "</sheetData></worksheet>";

static const XsColumnSpec tabs_specs[] = {
  { "姓名|name", TRUE }, { "身份证号|id_number", TRUE }, { "工作单位|employer", TRUE },
};

static GBytes *
make_tabs_xlsx (const char *roster)
{
  const ZipEntry entries[] = {
    { "xl/workbook.xml", tabs_workbook, 0, 0 },
    { "xl/_rels/workbook.xml.rels", tabs_rels, 0, 0 },
    { "xl/worksheets/sheet1.xml", tabs_instructions, 0, 0 },
    { "xl/worksheets/sheet2.xml", tabs_lists, 0, 0 },
    { "xl/worksheets/sheet3.xml", roster, 0, 0 },
  };

  return make_zip (entries, G_N_ELEMENTS (entries));
}

static void
test_xlsx_header_on_later_sheet (void)
{
  g_autoptr(GBytes) zip = make_tabs_xlsx (tabs_roster);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = xs_table_reader_new_for_bytes (zip, NULL, &error);
  g_autofree char *place = NULL;
  int columns[G_N_ELEMENTS (tabs_specs)];

  g_assert_no_error (error);
  g_assert_cmpstr (xs_table_reader_get_sheet_name (reader), ==, "填表说明");
  g_assert_true (xs_header_map_find (reader, "roster.xlsx", tabs_specs, G_N_ELEMENTS (tabs_specs),
                                     columns, &error));
  g_assert_no_error (error);
  /* the hidden sheet was passed over: the header is on 花名册's row 3 */
  g_assert_cmpuint (xs_table_reader_get_sheet (reader), ==, 1);
  g_assert_cmpstr (xs_table_reader_get_sheet_name (reader), ==, "花名册");
  g_assert_cmpuint (xs_table_reader_get_row_number (reader), ==, 3);
  g_assert_cmpint (columns[0], ==, 0);
  g_assert_cmpint (columns[2], ==, 2);
  place = xs_header_map_place (reader, "roster.xlsx");
  g_assert_cmpstr (place, ==, "roster.xlsx (花名册)");
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, "张三");
  g_assert_cmpuint (xs_table_reader_get_row_number (reader), ==, 4);
  g_assert_false (xs_table_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_false (xs_table_reader_next_sheet (reader, &error));
  g_assert_no_error (error);
}

/* A column named twice on a later tab: the message names the tab. */
static void
test_xlsx_twice_named_on_later_sheet (void)
{
  static const char roster[] =
    "<worksheet xmlns=\"" SHEET_NS "\"><sheetData>"
    "<row r=\"2\">" INLINE ("A2", "姓名") INLINE ("B2", "身份证号") INLINE ("C2", "工作单位")
    INLINE ("D2", "姓名") "</row></sheetData></worksheet>";
  g_autoptr(GBytes) zip = make_tabs_xlsx (roster);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = xs_table_reader_new_for_bytes (zip, NULL, &error);
  int columns[G_N_ELEMENTS (tabs_specs)];

  g_assert_no_error (error);
  g_assert_false (xs_header_map_find (reader, "roster.xlsx", tabs_specs, G_N_ELEMENTS (tabs_specs),
                                      columns, &error));
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "roster.xlsx (花名册): the columns 1 and 4 both hold “姓名”"));
}

/* The shared strings serve every sheet: the roster on the second tab reads
 * its text from the same table as the instructions on the first. */
static void
test_xlsx_shared_strings_on_later_sheet (void)
{
  static const char rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet3.xml\"/>"
    "<Relationship Id=\"rId9\" Type=\"" REL_NS "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "</Relationships>";
  static const char workbook[] =
    "<workbook xmlns=\"" SHEET_NS "\" xmlns:r=\"" REL_NS "\"><sheets>"
    "<sheet name=\"填表说明\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"花名册\" sheetId=\"3\" r:id=\"rId3\"/>"
    "</sheets></workbook>";
  static const char strings[] =
    "<sst xmlns=\"" SHEET_NS "\"><si><t>填表说明</t></si><si><t>姓名</t></si>"
    "<si><t>身份证号</t></si><si><t>工作单位</t></si><si><t>李娜䶮𠮷</t></si></sst>";
  static const char instructions[] =
    "<worksheet xmlns=\"" SHEET_NS "\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
  static const char roster[] =
    "<worksheet xmlns=\"" SHEET_NS "\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c><c r=\"B1\" t=\"s\"><v>2</v></c>"
    "<c r=\"C1\" t=\"s\"><v>3</v></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c>" INLINE ("B2", "410102198001011248")
    "<c r=\"C2\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
  const ZipEntry entries[] = {
    { "xl/workbook.xml", workbook, 0, 0 },
    { "xl/_rels/workbook.xml.rels", rels, 0, 0 },
    { "xl/sharedStrings.xml", strings, 0, 0 },
    { "xl/worksheets/sheet1.xml", instructions, 0, 0 },
    { "xl/worksheets/sheet3.xml", roster, 0, 0 },
  };
  g_autoptr(GBytes) zip = make_zip (entries, G_N_ELEMENTS (entries));
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = xs_table_reader_new_for_bytes (zip, NULL, &error);
  int columns[G_N_ELEMENTS (tabs_specs)];

  g_assert_no_error (error);
  g_assert_true (xs_header_map_find (reader, "roster.xlsx", tabs_specs, G_N_ELEMENTS (tabs_specs),
                                     columns, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xs_table_reader_get_sheet_name (reader), ==, "花名册");
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, "李娜䶮𠮷");
  g_assert_cmpstr (xs_table_reader_get_field (reader, 2), ==, "填表说明");
  g_assert_false (xs_table_reader_next (reader, &error));
  g_assert_no_error (error);
}

/* The workbook in @zip is refused as having no header, with a message that
 * begins with @prefix (the place and row it names). */
static void
assert_no_header (GBytes     *zip,
                  const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = xs_table_reader_new_for_bytes (zip, NULL, &error);
  int columns[G_N_ELEMENTS (tabs_specs)];

  g_assert_no_error (error);
  g_assert_false (xs_header_map_find (reader, "roster.xlsx", tabs_specs, G_N_ELEMENTS (tabs_specs),
                                      columns, &error));
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not begin with “%s”", error->message, prefix);
}

/* An empty first sheet, and a later one without the header: refused at
 * the first row there is, told by its sheet. */
static void
test_xlsx_no_header_after_empty_sheet (void)
{
  static const char empty[] = "<worksheet xmlns=\"" SHEET_NS "\"><sheetData/></worksheet>";
  const ZipEntry entries[] = {
    { "xl/workbook.xml", tabs_workbook, 0, 0 },
    { "xl/_rels/workbook.xml.rels", tabs_rels, 0, 0 },
    { "xl/worksheets/sheet1.xml", empty, 0, 0 },
    { "xl/worksheets/sheet2.xml", tabs_lists, 0, 0 },
    { "xl/worksheets/sheet3.xml", tabs_instructions, 0, 0 },
  };
  g_autoptr(GBytes) zip = make_zip (entries, G_N_ELEMENTS (entries));

  assert_no_header (zip, "roster.xlsx (花名册):1: the header row has no column");
}

/* No sheet names the columns: refused at the first sheet's first row. */
static void
test_xlsx_no_header_on_any_sheet (void)
{
  g_autoptr(GBytes) zip = make_tabs_xlsx (tabs_instructions);

  assert_no_header (zip, "roster.xlsx:1: ");
}

/* A small workbook whose every header cell (all 16,384 columns) names one
 * shared string of 9 MB: the reader must refuse it at once instead of
 * handing out 16,384 × 9 MB of text. */
static GBytes *
make_hostile_xlsx (void)
{
  g_autoptr(GString) sst = g_string_new (NULL);
  g_autoptr(GString) sheet = g_string_new (NULL);
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (62);
  g_autofree guint32 *picture = g_new (guint32, 46 * 1024 / 4);

  /* an incompressible picture makes the file 62 KB, as the one reported:
   * the 9 MB part then stays under the reader's zip-bomb ratio */
  for (guint i = 0; i < 46 * 1024 / 4; i++)
    picture[i] = g_rand_int (rand);
  g_string_append (sst, "<sst xmlns=\"" SHEET_NS "\" count=\"1\" uniqueCount=\"1\"><si><t>姓名");
  for (guint i = 0; i < 9 * 1024 * 1024 / 8; i++)
    g_string_append (sst, "        ");
  g_string_append (sst, "</t></si></sst>");

  g_string_append (sheet, "<worksheet xmlns=\"" SHEET_NS "\"><sheetData><row r=\"1\">");
  for (guint col = 0; col < 16384; col++)
    g_string_append (sheet, "<c t=\"s\"><v>0</v></c>");
  g_string_append (sheet, "</row><row r=\"2\"><c t=\"inlineStr\"><is><t>王</t></is></c></row>"
                          "</sheetData></worksheet>");
  {
    const ZipEntry entries[] = {
      { "[Content_Types].xml", "<Types/>", 0, 0 },
      { "xl/workbook.xml", synthetic_workbook, 0, 0 },
      { "xl/_rels/workbook.xml.rels", synthetic_rels, 0, 0 },
      { "xl/worksheets/first.xml", sheet->str, sheet->len, 0 },
      { "xl/sst.xml", sst->str, sst->len, 0 },
      { "xl/media/image1.png", (const char *) picture, 46 * 1024, 0 },
    };

    zip = make_zip (entries, G_N_ELEMENTS (entries));
  }
  /* the file in the report was 62 KB */
  g_assert_cmpuint (g_bytes_get_size (zip), <, 100 * 1024);
  return g_steal_pointer (&zip);
}

static void
test_xlsx_huge_shared_string (void)
{
  g_autoptr(GBytes) zip = make_hostile_xlsx ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = xs_table_reader_new_for_bytes (zip, NULL, &error);

  g_assert_no_error (error);
  g_assert_false (xs_table_reader_next (reader, &error));
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "row 1"));
}

static void
test_xlsx_long_cell (void)
{
  g_autoptr(GString) sheet = g_string_new (NULL);
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = NULL;

  /* 32,767 characters are what Excel allows; one more is refused */
  for (guint extra = 0; extra < 2; extra++)
    {
      g_string_assign (sheet, "<worksheet xmlns=\"" SHEET_NS "\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>");
      for (guint i = 0; i < 32767 + extra; i++)
        g_string_append (sheet, "𠮷");
      g_string_append (sheet, "</t></is></c></row></sheetData></worksheet>");
      {
        const ZipEntry entries[] = {
          { "xl/workbook.xml", synthetic_workbook, 0, 0 },
          { "xl/_rels/workbook.xml.rels", synthetic_rels, 0, 0 },
          { "xl/worksheets/first.xml", sheet->str, sheet->len, 0 },
          { "xl/sst.xml", synthetic_sst, 0, 0 },
        };

        g_clear_pointer (&zip, g_bytes_unref);
        zip = make_zip (entries, G_N_ELEMENTS (entries));
      }
      g_clear_object (&reader);
      reader = xs_table_reader_new_for_bytes (zip, NULL, &error);
      g_assert_no_error (error);
      if (extra == 0)
        {
          g_assert_true (xs_table_reader_next (reader, &error));
          g_assert_no_error (error);
          g_assert_cmpint (g_utf8_strlen (xs_table_reader_get_field (reader, 0), -1), ==, 32767);
        }
      else
        {
          g_assert_false (xs_table_reader_next (reader, &error));
          g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT);
          g_clear_error (&error);
        }
    }
}

static void
test_xlsx_fallback_sheet (void)
{
  /* No workbook at all: xl/worksheets/sheet1.xml is read */
  const ZipEntry entries[] = {
    { "xl/worksheets/sheet1.xml", other_sheet, 0, 0 },
  };
  g_autoptr(GBytes) zip = make_zip (entries, G_N_ELEMENTS (entries));
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = xs_table_reader_new_for_bytes (zip, NULL, &error);
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  rows = dump_rows (reader);
  g_assert_cmpstr (rows, ==, "1:wrong sheet\n");
}

static void
test_xlsx_broken (void)
{
  g_autofree char *path = xs_test_fixture_path ("hours.xlsx");
  g_autofree char *contents = NULL;
  gsize length;
  const ZipEntry not_sheet[] = {
    { "word/document.xml", "<document/>", 0, 0 },
    { "readme.txt", "hello", 0, 0 },
  };
  const ZipEntry ods[] = {
    { "mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0, 0 },
    { "content.xml", "<office:document-content/>", 0, 0 },
  };
  const ZipEntry bad_sst[] = {
    { "xl/worksheets/sheet1.xml",
      "<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>1</v></c></row></sheetData></worksheet>", 0, 0 },
  };
  g_autoptr(GString) bad_sheet = g_string_new ("<worksheet><sheetData>");
  ZipEntry bad_xml[] = {
    { "xl/worksheets/sheet1.xml", NULL, 0, 0 },
  };
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GBytes) not_sheet_zip = make_zip (not_sheet, G_N_ELEMENTS (not_sheet));
  g_autoptr(GBytes) ods_zip = make_zip (ods, G_N_ELEMENTS (ods));
  g_autoptr(GBytes) bad_sst_zip = make_zip (bad_sst, G_N_ELEMENTS (bad_sst));
  g_autoptr(GBytes) bad_xml_zip = NULL;
  g_autoptr(GBytes) empty_zip = g_bytes_new_static ("PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 22);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = NULL;
  guint n_rows = 0;

  /* libxml2 parses ahead: rows well before the damage still come out */
  for (guint i = 1; i <= 2000; i++)
    g_string_append_printf (bad_sheet, "<row r=\"%u\"><c><v>%u</v></c></row>", i, i);
  g_string_append (bad_sheet, "<row r=\"2001\"><c><v>3</v></sheetData>");
  bad_xml[0].data = bad_sheet->str;
  bad_xml_zip = make_zip (bad_xml, G_N_ELEMENTS (bad_xml));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize cut = 4; cut < length; cut += length / 7)
    {
      truncated = g_bytes_new (contents, cut);
      assert_bytes_error (truncated, NULL, XS_TABLE_ERROR_FORMAT, "damaged or incomplete");
      g_clear_pointer (&truncated, g_bytes_unref);
    }

  assert_bytes_error (not_sheet_zip, NULL, XS_TABLE_ERROR_FORMAT, "not a spreadsheet this program can read");
  assert_bytes_error (empty_zip, NULL, XS_TABLE_ERROR_FORMAT, NULL);
  assert_bytes_error (ods_zip, NULL, XS_TABLE_ERROR_FORMAT, ".ods");

  reader = xs_table_reader_new_for_bytes (bad_sst_zip, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (xs_table_reader_next (reader, &error));
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "row 1"));
  g_clear_error (&error);
  g_clear_object (&reader);

  reader = xs_table_reader_new_for_bytes (bad_xml_zip, NULL, &error);
  g_assert_no_error (error);
  while (xs_table_reader_next (reader, &error))
    {
      n_rows++;
      g_assert_cmpuint (xs_table_reader_get_row_number (reader), ==, n_rows);
    }
  g_test_message ("%u rows before the damage", n_rows);
  g_assert_cmpuint (n_rows, >, 1000);
  g_assert_cmpuint (n_rows, <, 2001);
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "damaged after row"));
  g_clear_error (&error);
  g_assert_false (xs_table_reader_next (reader, &error));
  g_assert_no_error (error);
}

/* A worksheet far larger than what the reader holds: every row comes
 * back, and the sheet's XML is never whole in memory (it was: 23 MB more
 * for this workbook, its worksheet unpacked). */
static void
test_xlsx_streamed (void)
{
  const guint n_rows = 200000;
  g_autoptr(GString) sheet = g_string_new ("<worksheet xmlns=\"" SHEET_NS "\"><sheetData>");
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = NULL;
  gsize before, peak = 0, sheet_length;
  guint n = 0;

  g_string_append (sheet, "<row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row>");
  for (guint i = 2; i <= n_rows; i++)
    g_string_append_printf (sheet, "<row r=\"%u\"><c r=\"A%u\" t=\"inlineStr\"><is><t>王䶮𠮷%u</t></is></c>"
                            "<c r=\"B%u\"><v>%u</v></c></row>", i, i, i * 7919u, i, i);
  g_string_append (sheet, "</sheetData></worksheet>");
  sheet_length = sheet->len;
  {
    const char *sst = "<sst xmlns=\"" SHEET_NS "\" count=\"2\" uniqueCount=\"2\">"
                      "<si><t>姓名</t></si><si><t>编号</t></si></sst>";
    const ZipEntry entries[] = {
      { "xl/workbook.xml", synthetic_workbook, 0, 0 },
      { "xl/sharedStrings.xml", sst, 0, 0 },
      { "xl/worksheets/sheet1.xml", sheet->str, 0, 0 },
    };

    zip = make_zip (entries, G_N_ELEMENTS (entries));
  }
  g_string_free (g_steal_pointer (&sheet), TRUE);

  before = resident_bytes ();
  reader = xs_table_reader_new_for_bytes (zip, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, "姓名");
  g_assert_cmpstr (xs_table_reader_get_field (reader, 1), ==, "编号");
  while (xs_table_reader_next (reader, &error))
    {
      guint row = n + 2;
      g_autofree char *name = g_strdup_printf ("王䶮𠮷%u", row * 7919u);
      g_autofree char *number = g_strdup_printf ("%u", row);

      g_assert_cmpuint (xs_table_reader_get_row_number (reader), ==, row);
      g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, name);
      g_assert_cmpstr (xs_table_reader_get_field (reader, 1), ==, number);
      if (n % 1000 == 0)
        peak = MAX (peak, resident_bytes ());
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, n_rows - 1);
  g_assert_cmpfloat (xs_table_reader_get_fraction (reader), ==, 1.0);
  g_test_message ("worksheet %.1f MB in a %.1f MB workbook, read with %.1f MB more resident at most",
                  sheet_length / 1048576.0, g_bytes_get_size (zip) / 1048576.0,
                  (peak > before ? peak - before : 0) / 1048576.0);
  g_assert_cmpuint (sheet_length, >, 20 * 1024 * 1024);
  if (xs_test_resident_memory_is_meaningful ())
    g_assert_cmpuint (peak, <, before + 10 * 1024 * 1024);
  else
    g_test_message ("resident memory not checked under AddressSanitizer");
}

static void
test_xlsx_zip_bomb (void)
{
  /* 50 MB of zeros deflate to about 50 kB: a ratio near 1000:1 */
  const ZipEntry bomb[] = {
    { "xl/workbook.xml", synthetic_workbook, 0, 0 },
    { "xl/worksheets/sheet1.xml", NULL, 1024 * 1024, 50 },
  };
  g_autoptr(GBytes) zip = make_zip (bomb, G_N_ELEMENTS (bomb));

  g_test_message ("zip bomb: %" G_GSIZE_FORMAT " bytes", g_bytes_get_size (zip));
  g_assert_cmpuint (g_bytes_get_size (zip), <, 1024 * 1024);
  assert_bytes_error (zip, NULL, XS_TABLE_ERROR_TOO_LARGE, "times the size");
}

static void
test_xlsx_no_entities (void)
{
  /* External entities are never loaded, internal ones never expanded */
  static const char sheet[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE worksheet [\n"
    "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
    "  <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
    "  <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    "  <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    "  <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
    "]>\n"
    "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>x&xxe;y</t></is></c>"
    "<c t=\"inlineStr\"><is><t>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</t></is></c></row></sheetData></worksheet>";
  const ZipEntry entries[] = {
    { "xl/worksheets/sheet1.xml", sheet, 0, 0 },
  };
  g_autoptr(GBytes) zip = make_zip (entries, G_N_ELEMENTS (entries));
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = xs_table_reader_new_for_bytes (zip, NULL, &error);

  g_assert_no_error (error);
  while (xs_table_reader_next (reader, &error))
    {
      for (guint i = 0; i < xs_table_reader_get_n_fields (reader); i++)
        {
          const char *field = xs_table_reader_get_field (reader, i);

          g_assert_null (strstr (field, "root:"));
          g_assert_cmpuint (strlen (field), <, 1000);
        }
    }
  g_clear_error (&error);
}

/* Progress */

static void
check_fraction (XsTableReader *reader)
{
  g_autoptr(GError) error = NULL;
  double last = xs_table_reader_get_fraction (reader);
  guint rows = 0;

  g_assert_cmpfloat (last, >=, 0.0);
  g_assert_cmpfloat (last, <, 1.0);
  while (xs_table_reader_next (reader, &error))
    {
      double fraction = xs_table_reader_get_fraction (reader);

      g_assert_cmpfloat (fraction, >=, last);
      g_assert_cmpfloat (fraction, <=, 1.0);
      last = fraction;
      rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, >, 0);
  g_assert_cmpfloat (xs_table_reader_get_fraction (reader), ==, 1.0);
}

static void
test_fraction (void)
{
  g_autofree char *csv_path = xs_test_fixture_path ("roster-gb18030.csv");
  g_autofree char *xlsx_path = xs_test_fixture_path ("hours.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) csv = xs_table_reader_new_for_path (csv_path, NULL, &error);
  g_autoptr(XsTableReader) xlsx = xs_table_reader_new_for_path (xlsx_path, NULL, &error);
  g_autoptr(XsTableReader) tail = NULL;
  g_autoptr(GString) big = g_string_new ("a,b,c\n");

  g_assert_no_error (error);
  check_fraction (csv);
  check_fraction (xlsx);

  /* Trailing empty rows are consumed too */
  tail = open_text ("a,b\n1,2\n,\n\n", -1, NULL, &error);
  g_assert_no_error (error);
  check_fraction (tail);
  g_clear_object (&tail);

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (big, "%u,\"x, %u\",y\r\n", i, i);
  tail = open_text (big->str, big->len, NULL, &error);
  g_assert_no_error (error);
  check_fraction (tail);
}


/* A file of several megabytes is read through a mapping a window at a
 * time: characters and quoted fields cut by a window's end, every row as
 * written; a bad byte or a NUL far into the file is found, with its row. */
static void
test_csv_large_mapped (void)
{
  g_autoptr(GString) csv = g_string_new ("姓名,身份证号,备注\r\n");
  g_autoptr(XsTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint rows = 0;
  const guint n = 60000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "𠮷䶮%u,%018u,\"第%u行, 含\"\"引号\"\"\n与换行\"\r\n", i, i, i);
  g_assert_cmpuint (csv->len, >, 3 * 1024 * 1024);
  path = xs_test_write_file ("large.csv", csv->str, csv->len);

  reader = xs_table_reader_new_for_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xs_table_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_true (xs_table_reader_next (reader, &error));
  while (xs_table_reader_next (reader, &error))
    {
      g_autofree char *name = g_strdup_printf ("𠮷䶮%u", rows);
      g_autofree char *id = g_strdup_printf ("%018u", rows);
      g_autofree char *note = g_strdup_printf ("第%u行, 含\"引号\"\n与换行", rows);

      g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, name);
      g_assert_cmpstr (xs_table_reader_get_field (reader, 1), ==, id);
      g_assert_cmpstr (xs_table_reader_get_field (reader, 2), ==, note);
      rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, n);
  g_clear_object (&reader);

  /* A byte that is not UTF-8 in the last rows: with UTF-8 chosen, its row. */
  g_string_append (csv, "坏\xff,1,2\r\n");
  g_unlink (path);
  g_free (path);
  path = xs_test_write_file ("large.csv", csv->str, csv->len);
  reader = xs_table_reader_new_for_path (path, "UTF-8", &error);
  g_assert_null (reader);
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_ENCODING);
  {
    g_autofree char *row = g_strdup_printf ("row %u:", n + 2);

    g_assert_nonnull (strstr (error->message, row));
  }
  g_clear_error (&error);

  /* A NUL byte at the very end: not a text file. */
  csv->str[csv->len - 3] = '\0';
  g_unlink (path);
  g_free (path);
  path = xs_test_write_file ("large.csv", csv->str, csv->len);
  reader = xs_table_reader_new_for_path (path, NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/table-reader/csv/spectrum", test_csv_spectrum);
  g_test_add_func ("/table-reader/csv/gb18030-fixture", test_csv_gb18030_fixture);
  g_test_add_func ("/table-reader/csv/bom", test_csv_bom);
  g_test_add_func ("/table-reader/csv/tab-separated", test_csv_tab_separated);
  g_test_add_func ("/table-reader/csv/gb18030-streamed", test_csv_gb18030_streamed);
  g_test_add_func ("/table-reader/xlsx/streamed", test_xlsx_streamed);
  g_test_add_func ("/table-reader/csv/large-mapped", test_csv_large_mapped);
  g_test_add_func ("/table-reader/csv/line-ends", test_csv_line_ends);
  g_test_add_func ("/table-reader/csv/quoted-newlines", test_csv_quoted_newlines);
  g_test_add_func ("/table-reader/csv/short-rows", test_csv_short_rows);
  g_test_add_func ("/table-reader/csv/unterminated-quote", test_csv_unterminated_quote);
  g_test_add_func ("/table-reader/csv/forced-encoding", test_csv_forced_encoding);
  g_test_add_func ("/table-reader/csv/encoding-errors", test_csv_encoding_errors);
  g_test_add_func ("/table-reader/not-a-table", test_not_a_table);
  g_test_add_func ("/table-reader/files", test_files);
  g_test_add_func ("/table-reader/xlsx/fixture", test_xlsx_fixture);
  g_test_add_func ("/table-reader/xlsx/synthetic", test_xlsx_synthetic);
  g_test_add_func ("/table-reader/xlsx/fallback-sheet", test_xlsx_fallback_sheet);
  g_test_add_func ("/table-reader/xlsx/broken", test_xlsx_broken);
  g_test_add_func ("/table-reader/xlsx/huge-shared-string", test_xlsx_huge_shared_string);
  g_test_add_func ("/table-reader/xlsx/long-cell", test_xlsx_long_cell);
  g_test_add_func ("/table-reader/xlsx/zip-bomb", test_xlsx_zip_bomb);
  g_test_add_func ("/table-reader/xlsx/no-entities", test_xlsx_no_entities);
  g_test_add_func ("/table-reader/fraction", test_fraction);
  g_test_add_func ("/table-reader/xlsx/header-on-later-sheet", test_xlsx_header_on_later_sheet);
  g_test_add_func ("/table-reader/xlsx/shared-strings-on-later-sheet", test_xlsx_shared_strings_on_later_sheet);
  g_test_add_func ("/table-reader/xlsx/twice-named-on-later-sheet", test_xlsx_twice_named_on_later_sheet);
  g_test_add_func ("/table-reader/xlsx/no-header-on-any-sheet", test_xlsx_no_header_on_any_sheet);
  g_test_add_func ("/table-reader/xlsx/no-header-after-empty-sheet", test_xlsx_no_header_after_empty_sheet);

  return g_test_run ();
}
