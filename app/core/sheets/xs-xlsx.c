/* xs-xlsx.c: the worksheets of an .xlsx workbook, row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worksheets are located through xl/workbook.xml and its relationships,
 * unpacked into memory (xs-xlsx-archive.c) and streamed with libxml2's
 * xmlTextReader (xs-xlsx-xml.c); the text of string cells is looked up in
 * the shared strings (xs-xlsx-shared-strings.c).
 * Cell values are returned as the workbook stores them: numbers and date
 * serials are the text of <v> ("43226", "4.1010219800101101E+17").
 */
#define G_LOG_DOMAIN "xs-xlsx"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "xs-table-error.h"
#include "xs-xlsx-archive-private.h"
#include "xs-xlsx-private.h"
#include "xs-xlsx-shared-strings-private.h"
#include "xs-xlsx-xml-private.h"

/* Excel's limit (column XFD) */
#define MAX_COLUMNS      16384
/* Excel's cell holds at most 32,767 characters: 4 bytes each in UTF-8 at
 * most. A row holds at most this much text, so that a hostile sheet whose
 * every cell names one huge shared string is refused at once. */
#define MAX_CELL_BYTES   (32767 * 4)
#define MAX_ROW_BYTES    (4 * 1024 * 1024)

typedef struct
{
  guint col;                 /* 0-based */
  guint shared;              /* index into the shared strings, or G_MAXUINT */
  gsize offset;              /* into row_text when not shared */
} Cell;

struct _XsXlsx
{
  char         *display_name;
  GBytes       *bytes;        /* the workbook's ZIP */
  GPtrArray    *sheet_names;  /* the visible sheets' as their tabs show them */
  GPtrArray    *sheet_paths;  /* their parts (NULL: the workbook names none) */
  guint         sheet_index;  /* the one read */

  XsXlsxSharedStrings sst;    /* of every sheet: loaded once */

  XsXlsxPartStream *sheet;  /* read as the rows are */
  guint64       sheet_size;
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

/* Workbook and relationships */

typedef struct
{
  char *id;
  char *name;
  gboolean hidden;
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
  else if (ns == NULL && strcmp (name, "name") == 0 && attrs->name == NULL)
    attrs->name = g_strdup (value);
  /* "hidden" or "veryHidden": not a tab the clerk sees */
  else if (ns == NULL && strcmp (name, "state") == 0)
    attrs->hidden = strcmp (value, "visible") != 0;
}

/* The visible sheets in tab order: their relationship ids into @ids and
 * their names into self->sheet_names. */
static void
find_sheets (XsXlsx    *self,
             GBytes    *workbook,
             GPtrArray *ids)
{
  g_autoptr(XsXmlReader) reader = _xs_xlsx_xml_open (workbook, &self->xml_error);

  if (reader == NULL)
    return;

  while (xmlTextReaderRead (reader) == 1)
    {
      if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT
          && strcmp (_xs_xlsx_xml_local_name (reader), "sheet") == 0)
        {
          SheetAttrs attrs = { NULL, NULL, FALSE };

          _xs_xlsx_xml_foreach_attribute (reader, collect_sheet_attr, &attrs);
          if (!attrs.hidden)
            {
              g_ptr_array_add (ids, g_steal_pointer (&attrs.id));
              g_ptr_array_add (self->sheet_names, g_steal_pointer (&attrs.name));
            }
          g_free (attrs.id);
          g_free (attrs.name);
        }
    }
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
    return _xs_xlsx_normalize_part_name (target);
  path = g_strconcat ("xl/", target, NULL);
  return _xs_xlsx_normalize_part_name (path);
}

/* g_str_equal() for ids, of which a sheet may have none */
static gboolean
same_id (gconstpointer a,
         gconstpointer b)
{
  return g_strcmp0 (a, b) == 0;
}

/* The parts of the sheets @ids name into self->sheet_paths, and the shared
 * strings' part. */
static void
find_targets (XsXlsx     *self,
              GBytes     *rels,
              GPtrArray  *ids,
              char      **sst_path)
{
  g_autoptr(XsXmlReader) reader = _xs_xlsx_xml_open (rels, &self->xml_error);

  if (reader == NULL)
    return;

  while (xmlTextReaderRead (reader) == 1)
    {
      g_auto(RelAttrs) attrs = { NULL, NULL, NULL, NULL };
      guint sheet;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT
          || strcmp (_xs_xlsx_xml_local_name (reader), "Relationship") != 0)
        continue;

      _xs_xlsx_xml_foreach_attribute (reader, collect_rel_attr, &attrs);
      if (attrs.target == NULL || (attrs.mode != NULL && strcmp (attrs.mode, "External") == 0))
        continue;
      if (attrs.id != NULL && g_ptr_array_find_with_equal_func (ids, attrs.id, same_id, &sheet))
        {
          if (g_ptr_array_index (self->sheet_paths, sheet) == NULL)
            g_ptr_array_index (self->sheet_paths, sheet) = resolve_target (attrs.target);
        }
      else if (attrs.type != NULL && g_str_has_suffix (attrs.type, "/sharedStrings") && *sst_path == NULL)
        *sst_path = resolve_target (attrs.target);
    }
}

/* Opening */

XsXlsx *
_xs_xlsx_new (GBytes      *bytes,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(XsXlsx) self = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sst_path = NULL;
  XsXlsxPart parts[] = {
    { "xl/workbook.xml", NULL },
    { "xl/_rels/workbook.xml.rels", NULL },
    { "mimetype", NULL },
  };
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self = g_new0 (XsXlsx, 1);
  self->display_name = g_strdup (display_name);
  self->bytes = g_bytes_ref (bytes);
  self->sheet_names = g_ptr_array_new_with_free_func (g_free);
  self->sheet_paths = g_ptr_array_new_with_free_func (g_free);
  _xs_xlsx_shared_strings_init (&self->sst);
  self->row_text = g_string_sized_new (256);
  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  self->fields = g_ptr_array_sized_new (16);

  /* First pass: what the workbook is made of */
  ok = _xs_xlsx_archive_read_parts (bytes, self->display_name,
                                    parts, G_N_ELEMENTS (parts), names, error);
  if (ok)
    {
      if (parts[0].data != NULL)
        find_sheets (self, parts[0].data, ids);
      g_ptr_array_set_size (self->sheet_paths, ids->len);
      if (parts[1].data != NULL)
        find_targets (self, parts[1].data, ids, &sst_path);
      for (guint i = 0; i < self->sheet_paths->len; i++)
        if (g_ptr_array_index (self->sheet_paths, i) != NULL
            && !g_hash_table_contains (names, g_ptr_array_index (self->sheet_paths, i)))
          g_clear_pointer (&g_ptr_array_index (self->sheet_paths, i), g_free);

      /* without a usable workbook, the first sheet by its usual name */
      if (self->sheet_paths->len == 0)
        {
          g_ptr_array_add (self->sheet_names, NULL);
          g_ptr_array_add (self->sheet_paths, NULL);
        }
      if (g_ptr_array_index (self->sheet_paths, 0) == NULL
          && g_hash_table_contains (names, "xl/worksheets/sheet1.xml"))
        g_ptr_array_index (self->sheet_paths, 0) = g_strdup ("xl/worksheets/sheet1.xml");
      if (sst_path == NULL && g_hash_table_contains (names, "xl/sharedStrings.xml"))
        sst_path = g_strdup ("xl/sharedStrings.xml");

      if (g_ptr_array_index (self->sheet_paths, 0) == NULL)
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

  /* The shared strings, parsed as they are unpacked, once for all sheets */
  if (sst_path != NULL)
    {
      g_autoptr(XsXlsxPartStream) sst = NULL;
      g_autoptr(GError) local_error = NULL;

      sst = _xs_xlsx_archive_open_part (bytes, self->display_name, sst_path, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (sst != NULL && !_xs_xlsx_shared_strings_load (&self->sst, sst, self->display_name, error))
        return NULL;
    }

  if (!_xs_xlsx_open_sheet (self, 0, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
_xs_xlsx_open_sheet (XsXlsx  *self,
                     guint    sheet,
                     GError **error)
{
  const char *path;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sheet < self->sheet_paths->len, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_ptr_array_index (self->sheet_paths, sheet);
  if (path == NULL)
    return FALSE;   /* the workbook names a sheet it does not hold */

  g_clear_pointer (&self->reader, xmlFreeTextReader);
  g_clear_pointer (&self->sheet, _xs_xlsx_part_stream_free);
  g_clear_pointer (&self->xml_error, g_free);
  self->sheet_index = sheet;
  self->sheet_size = 0;
  self->row_number = 0;
  self->fraction = 0;
  self->done = TRUE;    /* until the sheet is open */
  g_string_truncate (self->row_text, 0);
  g_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->fields, 0);

  /* The worksheet: unpacked once to its end, for its limits (a zip bomb is
   * refused before the first row), then again as its rows are read. */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GError) local_error = NULL;

      g_clear_pointer (&self->sheet, _xs_xlsx_part_stream_free);
      self->sheet = _xs_xlsx_archive_open_part (self->bytes, self->display_name, path, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (self->sheet == NULL)
        {
          set_not_spreadsheet_error (self, error);
          return FALSE;
        }
      if (pass == 0)
        {
          if (!_xs_xlsx_part_stream_skip (self->sheet, error))
            return FALSE;
          self->sheet_size = _xs_xlsx_part_stream_get_read (self->sheet);
        }
    }

  self->reader = _xs_xlsx_xml_open_stream (self->sheet, &self->xml_error);
  if (self->reader == NULL)
    {
      _xs_xlsx_set_damaged_error (self->display_name, error);
      return FALSE;
    }
  self->done = FALSE;

  g_debug ("%s: reading %s, %u shared strings", self->display_name, path,
           _xs_xlsx_shared_strings_get_count (&self->sst));
  return TRUE;
}

void
_xs_xlsx_free (XsXlsx *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->reader, xmlFreeTextReader);
  g_clear_pointer (&self->sheet, _xs_xlsx_part_stream_free);
  _xs_xlsx_shared_strings_clear (&self->sst);
  g_string_free (self->row_text, TRUE);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_free (self->xml_error);
  g_free (self->display_name);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->sheet_names, g_ptr_array_unref);
  g_clear_pointer (&self->sheet_paths, g_ptr_array_unref);
  g_free (self);
}

const char *
_xs_xlsx_get_sheet_name (XsXlsx *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_ptr_array_index (self->sheet_names, self->sheet_index);
}

guint
_xs_xlsx_get_n_sheets (XsXlsx *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sheet_paths->len;
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

static void
set_too_long_error (XsXlsx    *self,
                    gboolean   row,
                    GError   **error)
{
  if (row)
    g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                 _("“%s”, row %u: the row holds more than %d MB of text, far more than a "
                   "roster or an hours sheet has. Check that this is the right file."),
                 self->display_name, self->row_number, MAX_ROW_BYTES / (1024 * 1024));
  else
    g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                 _("“%s”, row %u: a cell holds more than the 32,767 characters an Excel cell "
                   "can. Open the file in Excel or WPS, save it again and import it again."),
                 self->display_name, self->row_number);
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
        value = _xs_xlsx_shared_strings_get (&self->sst, cell->shared);
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
  gsize shared_bytes = 0;     /* of the row's cells that name a shared string */
  int r;

  while ((r = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      gboolean cell_done = FALSE;

      if (type == XML_READER_TYPE_ELEMENT)
        {
          const char *name = _xs_xlsx_xml_local_name (reader);
          gboolean empty = xmlTextReaderIsEmptyElement (reader);

          if (strcmp (name, "row") == 0)
            {
              CellAttrs attrs = { "", "" };
              guint64 number;

              _xs_xlsx_xml_foreach_attribute (reader, collect_cell_attr, &attrs);
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

              _xs_xlsx_xml_foreach_attribute (reader, collect_cell_attr, &attrs);
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
          const char *name = _xs_xlsx_xml_local_name (reader);

          if (strcmp (name, "v") == 0 || strcmp (name, "t") == 0)
            in_value = FALSE;
          else if (strcmp (name, "rPh") == 0)
            in_rph = FALSE;
          else if (in_cell && strcmp (name, "c") == 0)
            cell_done = TRUE;
          else if (in_row && strcmp (name, "row") == 0)
            return 1;
        }
      else if (in_value && _xs_xlsx_xml_is_text_node (type))
        {
          const char *value = (const char *) xmlTextReaderConstValue (reader);

          if (value != NULL)
            g_string_append (self->row_text, value);
          /* checked exactly when the cell ends; this stops growth before */
          if (self->row_text->len > MAX_ROW_BYTES + MAX_CELL_BYTES)
            {
              set_too_long_error (self, TRUE, error);
              return -1;
            }
        }

      if (cell_done)
        {
          Cell cell = { cell_col, G_MAXUINT, cell_start };
          gsize length;

          in_cell = in_value = in_rph = FALSE;
          if (strcmp (cell_type, "s") == 0)
            {
              guint n_shared = _xs_xlsx_shared_strings_get_count (&self->sst);
              guint64 index;

              if (self->row_text->len == cell_start)
                continue;
              if (n_shared == 0
                  || !g_ascii_string_to_unsigned (self->row_text->str + cell_start, 10,
                                                  0, n_shared - 1, &index, NULL))
                {
                  set_sheet_damaged_error (self, TRUE, error);
                  return -1;
                }
              g_string_truncate (self->row_text, cell_start);
              cell.shared = index;
              length = _xs_xlsx_shared_strings_get_length (&self->sst, index);
              shared_bytes += length;
            }
          else
            {
              if (self->row_text->len == cell_start)
                continue;
              if (strcmp (cell_type, "inlineStr") == 0 || strcmp (cell_type, "str") == 0)
                _xs_xlsx_unescape_xstring (self->row_text, cell_start);
              length = self->row_text->len - cell_start;
              g_string_append_c (self->row_text, '\0');
            }
          if (length > MAX_CELL_BYTES || shared_bytes + self->row_text->len > MAX_ROW_BYTES)
            {
              set_too_long_error (self, length <= MAX_CELL_BYTES, error);
              return -1;
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
          guint64 size = self->sheet_size;

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
