/* xs-xlsx.c: the first worksheet of an .xlsx workbook, row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ZIP is read from memory with libarchive; the worksheet is located
 * through xl/workbook.xml and its relationships, unpacked into memory
 * (with limits against hostile files) and streamed with libxml2's
 * xmlTextReader, which never loads the network and never expands entities.
 * Cell values are returned as the workbook stores them: numbers and date
 * serials are the text of <v> ("43226", "4.1010219800101101E+17").
 */
#define G_LOG_DOMAIN "xs-xlsx"

#include "config.h"

#include <string.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlversion.h>

#include "xs-table-reader.h"
#include "xs-xlsx-private.h"

/* An entry may unpack to at most this much */
#define MAX_ENTRY_SIZE   (256 * 1024 * 1024)
/* An entry bigger than BOMB_MIN_SIZE may be at most BOMB_RATIO times the
 * size of the whole ZIP. The whole ZIP bounds every entry's compressed
 * size, so this never refuses an entry whose own ratio is within limits. */
#define BOMB_MIN_SIZE    (1024 * 1024)
#define BOMB_RATIO       200
/* Excel's limit (column XFD) */
#define MAX_COLUMNS      16384
#define READ_CHUNK       (64 * 1024)

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)
#define XMLNS_URI "http://www.w3.org/2000/xmlns/"

typedef struct archive XsArchive;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsArchive, archive_read_free)
typedef xmlTextReader XsXmlReader;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsXmlReader, xmlFreeTextReader)

typedef struct
{
  guint col;                 /* 0-based */
  guint shared;              /* index into the shared strings, or G_MAXUINT */
  gsize offset;              /* into row_text when not shared */
} Cell;

struct _XsXlsx
{
  char         *display_name;

  GString      *sst_text;    /* shared strings, each ended by a NUL */
  GArray       *sst_offsets; /* gsize */

  GBytes       *sheet;
  XsXmlReader  *reader;
  char         *xml_error;
  gboolean      done;
  double        fraction;

  guint         row_number;
  GString      *row_text;    /* the current row's own values, NUL-separated */
  GArray       *cells;       /* Cell */
  GPtrArray    *fields;      /* borrowed */
};

static const char empty_field[] = "";

/* Reading the ZIP */

typedef struct
{
  const char *name;          /* wanted entry */
  GBytes *data;              /* its contents, when found */
} Wanted;

static void
set_damaged_error (XsXlsx  *self,
                   GError **error)
{
  g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
               _("“%s” is damaged or incomplete and cannot be read as an .xlsx workbook. "
                 "Open it in Excel or WPS, save it again and import it again."),
               self->display_name);
}

static void
set_not_spreadsheet_error (XsXlsx  *self,
                           GError **error)
{
  g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
               _("“%s” is a ZIP archive, but not a spreadsheet this program can read "
                 "(it holds no worksheet). Save the table from Excel or WPS as .xlsx "
                 "or as CSV (comma delimited) and import it again."),
               self->display_name);
}

/* “/xl/./worksheets/../sharedStrings.xml” → “xl/sharedStrings.xml” */
static char *
normalize_part_name (const char *name)
{
  g_autofree char *copy = g_strdelimit (g_strdup (name), "\\", '/');
  g_auto(GStrv) parts = g_strsplit (copy, "/", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, parts[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

static GBytes *
read_entry_data (XsXlsx               *self,
                 struct archive       *archive,
                 struct archive_entry *entry,
                 gsize                 zip_size,
                 GError              **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  guint64 bomb_size = MAX ((guint64) BOMB_MIN_SIZE, (guint64) zip_size * BOMB_RATIO);

  if (archive_entry_size_is_set (entry) && archive_entry_size (entry) > 0)
    {
      guint64 declared = archive_entry_size (entry);

      if (declared > MAX_ENTRY_SIZE || declared > bomb_size)
        goto too_large;
      buffer = g_byte_array_sized_new (declared + 1);
    }
  else
    {
      buffer = g_byte_array_new ();
    }

  for (;;)
    {
      guint old_len = buffer->len;
      la_ssize_t n;

      g_byte_array_set_size (buffer, old_len + READ_CHUNK);
      n = archive_read_data (archive, buffer->data + old_len, READ_CHUNK);
      if (n < 0)
        {
          g_debug ("%s: %s", self->display_name, archive_error_string (archive));
          set_damaged_error (self, error);
          return NULL;
        }
      g_byte_array_set_size (buffer, old_len + n);
      if (n == 0)
        break;
      if (buffer->len > MAX_ENTRY_SIZE || buffer->len > bomb_size)
        goto too_large;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

too_large:
  if (bomb_size < MAX_ENTRY_SIZE)
    g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_TOO_LARGE,
                 _("“%s” holds a part that unpacks to more than %u times the size of "
                   "the whole file. It is damaged or not a real spreadsheet; save it "
                   "again from Excel or WPS and import it again."),
                 self->display_name, (guint) BOMB_RATIO);
  else
    g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_TOO_LARGE,
                 _("“%s” holds a worksheet larger than %u MB, too large to import. "
                   "Split it into smaller files and import them one by one."),
                 self->display_name, (guint) (MAX_ENTRY_SIZE / (1024 * 1024)));
  return NULL;
}

/* One pass over the ZIP: reads the entries named in @wanted, and when
 * @names is given, adds every entry's name to it. */
static gboolean
read_entries (XsXlsx      *self,
              GBytes      *zip,
              Wanted      *wanted,
              guint        n_wanted,
              GHashTable  *names,
              GError     **error)
{
  g_autoptr(XsArchive) archive = archive_read_new ();
  struct archive_entry *entry;
  gsize zip_size;
  const void *zip_data = g_bytes_get_data (zip, &zip_size);
  int r;

  archive_read_support_format_zip_seekable (archive);
  if (archive_read_open_memory (archive, zip_data, zip_size) != ARCHIVE_OK)
    {
      g_debug ("%s: %s", self->display_name, archive_error_string (archive));
      set_damaged_error (self, error);
      return FALSE;
    }

  while ((r = archive_read_next_header (archive, &entry)) == ARCHIVE_OK || r == ARCHIVE_WARN)
    {
      const char *path = archive_entry_pathname (entry);
      g_autofree char *name = NULL;

      if (archive_entry_is_encrypted (entry))
        {
          g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                       _("“%s” is protected with a password. Open it in Excel or WPS, "
                         "remove the password, save it and import it again."),
                       self->display_name);
          return FALSE;
        }
      if (path == NULL)
        continue;

      name = normalize_part_name (path);
      for (guint i = 0; i < n_wanted; i++)
        {
          if (wanted[i].data == NULL && wanted[i].name != NULL && strcmp (wanted[i].name, name) == 0)
            {
              wanted[i].data = read_entry_data (self, archive, entry, zip_size, error);
              if (wanted[i].data == NULL)
                return FALSE;
              break;
            }
        }
      if (names != NULL)
        g_hash_table_add (names, g_steal_pointer (&name));
    }

  if (r != ARCHIVE_EOF)
    {
      g_debug ("%s: %s", self->display_name, archive_error_string (archive));
      set_damaged_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* XML */

/* libxml2 2.12 made the error const */
#if LIBXML_VERSION >= 21200
static void
on_xml_error (void           *user_data,
              const xmlError *xml_error)
#else
static void
on_xml_error (void       *user_data,
              xmlError   *xml_error)
#endif
{
  XsXlsx *self = user_data;

  if (self->xml_error == NULL && xml_error != NULL && xml_error->message != NULL)
    self->xml_error = g_strchomp (g_strdup (xml_error->message));
}

static XsXmlReader *
open_xml (XsXlsx *self,
          GBytes *bytes)
{
  static gsize initialized;
  XsXmlReader *reader;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }

  g_clear_pointer (&self->xml_error, g_free);
  /* read_entry_data() keeps every part below MAX_ENTRY_SIZE < INT_MAX */
  reader = xmlReaderForMemory (data, (int) size, NULL, NULL, XML_OPTIONS);
  if (reader != NULL)
    xmlTextReaderSetStructuredErrorHandler (reader, on_xml_error, self);
  return reader;
}

static gboolean
is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT
         || type == XML_READER_TYPE_CDATA
         || type == XML_READER_TYPE_WHITESPACE
         || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

static const char *
local_name (XsXmlReader *reader)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (reader);

  return name != NULL ? name : "";
}

/* Calls @func for each attribute of the current element, then moves back
 * to the element. */
typedef void (*AttrFunc) (const char *name,
                          const char *ns,
                          const char *value,
                          gpointer    user_data);

static void
foreach_attribute (XsXmlReader *reader,
                   AttrFunc     func,
                   gpointer     user_data)
{
  while (xmlTextReaderMoveToNextAttribute (reader) == 1)
    {
      const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader);
      const char *value = (const char *) xmlTextReaderConstValue (reader);

      if (ns != NULL && strcmp (ns, XMLNS_URI) == 0)
        continue;
      func (local_name (reader), ns, value != NULL ? value : "", user_data);
    }
  xmlTextReaderMoveToElement (reader);
}

/* Replaces the escapes “_xHHHH_” that OOXML uses for control characters in
 * the text from @start on. */
static void
unescape_xstring (GString *text,
                  gsize    start)
{
  char *r;
  char *w;
  char *end;

  if (strstr (text->str + start, "_x") == NULL)
    return;

  r = w = text->str + start;
  end = text->str + text->len;
  while (r < end)
    {
      if (r + 7 <= end && r[0] == '_' && r[1] == 'x' && r[6] == '_'
          && g_ascii_isxdigit (r[2]) && g_ascii_isxdigit (r[3])
          && g_ascii_isxdigit (r[4]) && g_ascii_isxdigit (r[5]))
        {
          gunichar c = (g_ascii_xdigit_value (r[2]) << 12) | (g_ascii_xdigit_value (r[3]) << 8)
                       | (g_ascii_xdigit_value (r[4]) << 4) | g_ascii_xdigit_value (r[5]);

          if (c != 0 && g_unichar_validate (c))
            {
              w += g_unichar_to_utf8 (c, w);
              r += 7;
              continue;
            }
        }
      *w++ = *r++;
    }
  g_string_truncate (text, w - text->str);
}

/* Workbook and relationships */

typedef struct
{
  char *id;
} SheetAttrs;

static void
collect_sheet_attr (const char *name,
                    const char *ns,
                    const char *value,
                    gpointer    user_data)
{
  SheetAttrs *attrs = user_data;

  /* r:id, whatever the prefix and namespace (transitional or strict) */
  if (ns != NULL && strcmp (name, "id") == 0 && attrs->id == NULL)
    attrs->id = g_strdup (value);
}

/* The relationship id of the workbook's first sheet, or NULL. */
static char *
first_sheet_id (XsXlsx *self,
                GBytes *workbook)
{
  g_autoptr(XsXmlReader) reader = open_xml (self, workbook);

  if (reader == NULL)
    return NULL;

  while (xmlTextReaderRead (reader) == 1)
    {
      if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT
          && strcmp (local_name (reader), "sheet") == 0)
        {
          SheetAttrs attrs = { NULL };

          foreach_attribute (reader, collect_sheet_attr, &attrs);
          return attrs.id;
        }
    }
  return NULL;
}

typedef struct
{
  char *id;
  char *type;
  char *target;
  char *mode;
} RelAttrs;

static void
rel_attrs_clear (RelAttrs *attrs)
{
  g_free (attrs->id);
  g_free (attrs->type);
  g_free (attrs->target);
  g_free (attrs->mode);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RelAttrs, rel_attrs_clear)

/* Attribute values are copied: libxml2 may reuse the buffer behind one
 * value for the next. */
static void
collect_rel_attr (const char *name,
                  const char *ns,
                  const char *value,
                  gpointer    user_data)
{
  RelAttrs *attrs = user_data;
  char **slot = NULL;

  if (strcmp (name, "Id") == 0)
    slot = &attrs->id;
  else if (strcmp (name, "Type") == 0)
    slot = &attrs->type;
  else if (strcmp (name, "Target") == 0)
    slot = &attrs->target;
  else if (strcmp (name, "TargetMode") == 0)
    slot = &attrs->mode;
  if (slot != NULL && *slot == NULL)
    *slot = g_strdup (value);
}

/* A relationship target of xl/workbook.xml as a part name */
static char *
resolve_target (const char *target)
{
  g_autofree char *path = NULL;

  if (target[0] == '/')
    return normalize_part_name (target);
  path = g_strconcat ("xl/", target, NULL);
  return normalize_part_name (path);
}

static void
find_targets (XsXlsx  *self,
              GBytes  *rels,
              const char *sheet_id,
              char   **sheet_path,
              char   **sst_path)
{
  g_autoptr(XsXmlReader) reader = open_xml (self, rels);

  if (reader == NULL)
    return;

  while (xmlTextReaderRead (reader) == 1)
    {
      g_auto(RelAttrs) attrs = { NULL, NULL, NULL, NULL };

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT
          || strcmp (local_name (reader), "Relationship") != 0)
        continue;

      foreach_attribute (reader, collect_rel_attr, &attrs);
      if (attrs.target == NULL || (attrs.mode != NULL && strcmp (attrs.mode, "External") == 0))
        continue;
      if (sheet_id != NULL && attrs.id != NULL && strcmp (attrs.id, sheet_id) == 0 && *sheet_path == NULL)
        *sheet_path = resolve_target (attrs.target);
      else if (attrs.type != NULL && g_str_has_suffix (attrs.type, "/sharedStrings") && *sst_path == NULL)
        *sst_path = resolve_target (attrs.target);
    }
}

/* Shared strings */

static gboolean
load_shared_strings (XsXlsx  *self,
                     GBytes  *xml,
                     GError **error)
{
  g_autoptr(XsXmlReader) reader = open_xml (self, xml);
  gboolean in_si = FALSE;
  gboolean in_t = FALSE;
  gboolean in_rph = FALSE;
  gsize start = 0;
  int r;

  if (reader == NULL)
    {
      set_damaged_error (self, error);
      return FALSE;
    }

  while ((r = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      gboolean si_done = FALSE;

      if (type == XML_READER_TYPE_ELEMENT)
        {
          const char *name = local_name (reader);
          gboolean empty = xmlTextReaderIsEmptyElement (reader);

          if (strcmp (name, "si") == 0)
            {
              in_si = TRUE;
              in_t = in_rph = FALSE;
              start = self->sst_text->len;
              si_done = empty;
            }
          else if (strcmp (name, "rPh") == 0 && !empty)
            in_rph = TRUE;
          else if (strcmp (name, "t") == 0 && in_si && !in_rph && !empty)
            in_t = TRUE;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          const char *name = local_name (reader);

          if (strcmp (name, "si") == 0 && in_si)
            si_done = TRUE;
          else if (strcmp (name, "rPh") == 0)
            in_rph = FALSE;
          else if (strcmp (name, "t") == 0)
            in_t = FALSE;
        }
      else if (in_t && is_text_node (type))
        {
          const char *value = (const char *) xmlTextReaderConstValue (reader);

          if (value != NULL)
            g_string_append (self->sst_text, value);
        }

      if (si_done)
        {
          unescape_xstring (self->sst_text, start);
          g_string_append_c (self->sst_text, '\0');
          g_array_append_val (self->sst_offsets, start);
          in_si = in_t = in_rph = FALSE;
        }
    }

  if (r < 0)
    {
      g_debug ("%s: shared strings: %s", self->display_name,
               self->xml_error ? self->xml_error : "bad XML");
      set_damaged_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Opening */

XsXlsx *
_xs_xlsx_new (GBytes      *bytes,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(XsXlsx) self = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autofree char *sheet_id = NULL;
  g_autofree char *sheet_path = NULL;
  g_autofree char *sst_path = NULL;
  Wanted parts[] = {
    { "xl/workbook.xml", NULL },
    { "xl/_rels/workbook.xml.rels", NULL },
    { "mimetype", NULL },
  };
  Wanted sheet_parts[2] = { { NULL, NULL }, { NULL, NULL } };
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self = g_new0 (XsXlsx, 1);
  self->display_name = g_strdup (display_name);
  self->sst_text = g_string_new (NULL);
  self->sst_offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->row_text = g_string_sized_new (256);
  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  self->fields = g_ptr_array_sized_new (16);

  /* First pass: what the workbook is made of */
  ok = read_entries (self, bytes, parts, G_N_ELEMENTS (parts), names, error);
  if (ok)
    {
      if (parts[0].data != NULL)
        sheet_id = first_sheet_id (self, parts[0].data);
      if (parts[1].data != NULL)
        find_targets (self, parts[1].data, sheet_id, &sheet_path, &sst_path);

      if (sheet_path == NULL || !g_hash_table_contains (names, sheet_path))
        {
          g_clear_pointer (&sheet_path, g_free);
          if (g_hash_table_contains (names, "xl/worksheets/sheet1.xml"))
            sheet_path = g_strdup ("xl/worksheets/sheet1.xml");
        }
      if (sst_path == NULL && g_hash_table_contains (names, "xl/sharedStrings.xml"))
        sst_path = g_strdup ("xl/sharedStrings.xml");

      if (sheet_path == NULL)
        {
          gsize size = 0;
          const char *mimetype = parts[2].data ? g_bytes_get_data (parts[2].data, &size) : NULL;

          if (mimetype != NULL && size >= 35
              && memcmp (mimetype, "application/vnd.oasis.opendocument.", 35) == 0)
            g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                         _("“%s” is an OpenDocument file (.ods). Save it as .xlsx or "
                           "as CSV (comma delimited) and import it again."),
                         self->display_name);
          else
            set_not_spreadsheet_error (self, error);
          ok = FALSE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_clear_pointer (&parts[i].data, g_bytes_unref);
  if (!ok)
    return NULL;

  /* Second pass: the worksheet and its strings */
  sheet_parts[0].name = sheet_path;
  sheet_parts[1].name = sst_path;
  ok = read_entries (self, bytes, sheet_parts, G_N_ELEMENTS (sheet_parts), NULL, error);
  if (ok && sheet_parts[1].data != NULL)
    ok = load_shared_strings (self, sheet_parts[1].data, error);
  if (ok && sheet_parts[0].data == NULL)
    {
      set_not_spreadsheet_error (self, error);
      ok = FALSE;
    }
  g_clear_pointer (&sheet_parts[1].data, g_bytes_unref);
  self->sheet = g_steal_pointer (&sheet_parts[0].data);
  if (!ok)
    return NULL;

  self->reader = open_xml (self, self->sheet);
  if (self->reader == NULL)
    {
      set_damaged_error (self, error);
      return NULL;
    }

  g_debug ("%s: reading %s, %u shared strings", display_name, sheet_path, self->sst_offsets->len);
  return g_steal_pointer (&self);
}

void
_xs_xlsx_free (XsXlsx *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->reader, xmlFreeTextReader);
  g_clear_pointer (&self->sheet, g_bytes_unref);
  g_string_free (self->sst_text, TRUE);
  g_clear_pointer (&self->sst_offsets, g_array_unref);
  g_string_free (self->row_text, TRUE);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_free (self->xml_error);
  g_free (self->display_name);
  g_free (self);
}

/* Rows */

/* Copies of the attributes (libxml2 may reuse a value's buffer); longer
 * values are cut, which leaves them invalid, as they are. */
typedef struct
{
  char ref[24];
  char type[16];
} CellAttrs;

static void
collect_cell_attr (const char *name,
                   const char *ns,
                   const char *value,
                   gpointer    user_data)
{
  CellAttrs *attrs = user_data;

  if (ns != NULL)
    return;
  if (strcmp (name, "r") == 0)
    g_strlcpy (attrs->ref, value, sizeof attrs->ref);
  else if (strcmp (name, "t") == 0)
    g_strlcpy (attrs->type, value, sizeof attrs->type);
}

/* The 0-based column of a reference like “C5”; G_MAXUINT when it has no
 * letters, a value ≥ MAX_COLUMNS when it is beyond Excel's last column. */
static guint
column_of_ref (const char *ref)
{
  guint col = 0;
  const char *p;

  for (p = ref; g_ascii_isalpha (*p); p++)
    {
      col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (col > MAX_COLUMNS)
        return MAX_COLUMNS;
    }
  if (p == ref)
    return G_MAXUINT;
  return col - 1;
}

/* @exact: whether the damage is in the current row; libxml2 parses ahead, so
 * a malformed document is only known to go wrong after the last good row. */
static void
set_sheet_damaged_error (XsXlsx    *self,
                         gboolean   exact,
                         GError   **error)
{
  g_debug ("%s: %s", self->display_name, self->xml_error ? self->xml_error : "bad worksheet");
  if (exact)
    g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                 _("“%s”, row %u: the worksheet is damaged and cannot be read further. "
                   "Open the file in Excel or WPS, save it again and import it again."),
                 self->display_name, self->row_number);
  else if (self->row_number > 0)
    g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                 _("“%s”: the worksheet is damaged after row %u and cannot be read further. "
                   "Open the file in Excel or WPS, save it again and import it again."),
                 self->display_name, self->row_number);
  else
    g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                 _("“%s”: the worksheet is damaged and cannot be read. "
                   "Open the file in Excel or WPS, save it again and import it again."),
                 self->display_name);
}

/* Ends the row: builds the fields array; returns whether any is non-empty. */
static gboolean
finish_row (XsXlsx *self)
{
  gboolean any = FALSE;
  guint n = 0;

  for (guint i = 0; i < self->cells->len; i++)
    n = MAX (n, g_array_index (self->cells, Cell, i).col + 1);

  g_ptr_array_set_size (self->fields, n);
  for (guint i = 0; i < n; i++)
    self->fields->pdata[i] = (gpointer) empty_field;

  for (guint i = 0; i < self->cells->len; i++)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, i);
      const char *value;

      if (cell->shared != G_MAXUINT)
        value = self->sst_text->str + g_array_index (self->sst_offsets, gsize, cell->shared);
      else
        value = self->row_text->str + cell->offset;
      self->fields->pdata[cell->col] = (gpointer) value;
      any = any || *value != '\0';
    }
  return any;
}

/* Reads up to the end of the next <row>. Returns 1 with a row, 0 at the end,
 * -1 on error. */
static int
read_row (XsXlsx  *self,
          GError **error)
{
  XsXmlReader *reader = self->reader;
  gboolean in_row = FALSE;
  gboolean in_cell = FALSE;
  gboolean in_value = FALSE;
  gboolean in_rph = FALSE;
  char cell_type[16] = "";
  guint cell_col = 0;
  gsize cell_start = 0;
  guint last_col = G_MAXUINT;
  int r;

  while ((r = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      gboolean cell_done = FALSE;

      if (type == XML_READER_TYPE_ELEMENT)
        {
          const char *name = local_name (reader);
          gboolean empty = xmlTextReaderIsEmptyElement (reader);

          if (strcmp (name, "row") == 0)
            {
              CellAttrs attrs = { "", "" };
              guint64 number;

              foreach_attribute (reader, collect_cell_attr, &attrs);
              if (g_ascii_string_to_unsigned (attrs.ref, 10, 1, G_MAXUINT - 1, &number, NULL))
                self->row_number = number;
              else
                self->row_number++;

              in_row = TRUE;
              in_cell = in_value = in_rph = FALSE;
              last_col = G_MAXUINT;
              g_string_truncate (self->row_text, 0);
              g_array_set_size (self->cells, 0);
              if (empty)
                return 1;
            }
          else if (in_row && strcmp (name, "c") == 0)
            {
              CellAttrs attrs = { "", "" };
              guint col = G_MAXUINT;

              foreach_attribute (reader, collect_cell_attr, &attrs);
              if (attrs.ref[0] != '\0')
                col = column_of_ref (attrs.ref);
              if (col == G_MAXUINT)
                col = last_col == G_MAXUINT ? 0 : last_col + 1;
              if (col >= MAX_COLUMNS)
                {
                  set_sheet_damaged_error (self, TRUE, error);
                  return -1;
                }

              last_col = cell_col = col;
              g_strlcpy (cell_type, attrs.type[0] != '\0' ? attrs.type : "n", sizeof cell_type);
              cell_start = self->row_text->len;
              in_cell = TRUE;
              in_value = in_rph = FALSE;
              cell_done = empty;
            }
          else if (in_cell && !empty && strcmp (name, "rPh") == 0)
            in_rph = TRUE;
          else if (in_cell && !empty && !in_rph
                   && (strcmp (name, "v") == 0 || strcmp (name, "t") == 0))
            in_value = TRUE;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          const char *name = local_name (reader);

          if (strcmp (name, "v") == 0 || strcmp (name, "t") == 0)
            in_value = FALSE;
          else if (strcmp (name, "rPh") == 0)
            in_rph = FALSE;
          else if (in_cell && strcmp (name, "c") == 0)
            cell_done = TRUE;
          else if (in_row && strcmp (name, "row") == 0)
            return 1;
        }
      else if (in_value && is_text_node (type))
        {
          const char *value = (const char *) xmlTextReaderConstValue (reader);

          if (value != NULL)
            g_string_append (self->row_text, value);
        }

      if (cell_done)
        {
          Cell cell = { cell_col, G_MAXUINT, cell_start };

          in_cell = in_value = in_rph = FALSE;
          if (strcmp (cell_type, "s") == 0)
            {
              guint64 index;

              if (self->row_text->len == cell_start)
                continue;
              if (self->sst_offsets->len == 0
                  || !g_ascii_string_to_unsigned (self->row_text->str + cell_start, 10,
                                                  0, self->sst_offsets->len - 1, &index, NULL))
                {
                  set_sheet_damaged_error (self, TRUE, error);
                  return -1;
                }
              g_string_truncate (self->row_text, cell_start);
              cell.shared = index;
            }
          else
            {
              if (self->row_text->len == cell_start)
                continue;
              if (strcmp (cell_type, "inlineStr") == 0 || strcmp (cell_type, "str") == 0)
                unescape_xstring (self->row_text, cell_start);
              g_string_append_c (self->row_text, '\0');
            }
          g_array_append_val (self->cells, cell);
        }
    }

  if (r < 0)
    {
      set_sheet_damaged_error (self, FALSE, error);
      return -1;
    }
  /* The document ended inside a row only if it is malformed, which the
   * reader reports above; a row open here is complete. */
  return in_row ? 1 : 0;
}

gboolean
_xs_xlsx_next (XsXlsx  *self,
               GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  while (!self->done)
    {
      int r = read_row (self, error);

      if (r == 1)
        {
          long consumed = xmlTextReaderByteConsumed (self->reader);
          gsize size = g_bytes_get_size (self->sheet);

          if (size > 0 && consumed > 0)
            self->fraction = MIN (1.0, (double) consumed / (double) size);
          if (finish_row (self))
            return TRUE;
          continue;
        }

      self->done = TRUE;
      g_ptr_array_set_size (self->fields, 0);
      g_array_set_size (self->cells, 0);
      if (r == 0)
        self->fraction = 1.0;
      g_clear_pointer (&self->reader, xmlFreeTextReader);
      return FALSE;
    }
  return FALSE;
}

const char **
_xs_xlsx_get_fields (XsXlsx *self,
                     guint  *n_fields)
{
  g_return_val_if_fail (self != NULL, NULL);

  *n_fields = self->fields->len;
  return (const char **) self->fields->pdata;
}

guint
_xs_xlsx_get_row_number (XsXlsx *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row_number;
}

double
_xs_xlsx_get_fraction (XsXlsx *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->fraction;
}
