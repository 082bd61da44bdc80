/* xs-xlsx-shared-strings.c: the shared strings of an .xlsx workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * xl/sharedStrings.xml holds the text of the cells of type "s", which
 * refer to it by index. Each <si> is kept as one NUL-terminated string:
 * the text of its <t> elements, rich-text runs joined, phonetic runs
 * (<rPh>) left out.
 */
#define G_LOG_DOMAIN "xs-xlsx"

#include "config.h"

#include <string.h>

#include "xs-xlsx-archive-private.h"
#include "xs-xlsx-shared-strings-private.h"
#include "xs-xlsx-xml-private.h"

void
_xs_xlsx_shared_strings_init (XsXlsxSharedStrings *self)
{
  self->text = g_string_new (NULL);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
}

void
_xs_xlsx_shared_strings_clear (XsXlsxSharedStrings *self)
{
  if (self->text != NULL)
    g_string_free (g_steal_pointer (&self->text), TRUE);
  g_clear_pointer (&self->offsets, g_array_unref);
}

gboolean
_xs_xlsx_shared_strings_load (XsXlsxSharedStrings  *self,
                              XsXlsxPartStream     *xml,
                              const char           *display_name,
                              GError              **error)
{
  g_autofree char *xml_error = NULL;
  g_autoptr(XsXmlReader) reader = _xs_xlsx_xml_open_stream (xml, &xml_error);
  gboolean in_si = FALSE;
  gboolean in_t = FALSE;
  gboolean in_rph = FALSE;
  gsize start = 0;
  int r;

  if (reader == NULL)
    {
      _xs_xlsx_set_damaged_error (display_name, error);
      return FALSE;
    }

  while ((r = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      gboolean si_done = FALSE;

      if (type == XML_READER_TYPE_ELEMENT)
        {
          const char *name = _xs_xlsx_xml_local_name (reader);
          gboolean empty = xmlTextReaderIsEmptyElement (reader);

          if (strcmp (name, "si") == 0)
            {
              in_si = TRUE;
              in_t = in_rph = FALSE;
              start = self->text->len;
              si_done = empty;
            }
          else if (strcmp (name, "rPh") == 0 && !empty)
            in_rph = TRUE;
          else if (strcmp (name, "t") == 0 && in_si && !in_rph && !empty)
            in_t = TRUE;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          const char *name = _xs_xlsx_xml_local_name (reader);

          if (strcmp (name, "si") == 0 && in_si)
            si_done = TRUE;
          else if (strcmp (name, "rPh") == 0)
            in_rph = FALSE;
          else if (strcmp (name, "t") == 0)
            in_t = FALSE;
        }
      else if (in_t && _xs_xlsx_xml_is_text_node (type))
        {
          const char *value = (const char *) xmlTextReaderConstValue (reader);

          if (value != NULL)
            g_string_append (self->text, value);
        }

      if (si_done)
        {
          _xs_xlsx_unescape_xstring (self->text, start);
          g_string_append_c (self->text, '\0');
          g_array_append_val (self->offsets, start);
          in_si = in_t = in_rph = FALSE;
        }
    }

  if (r < 0)
    {
      g_debug ("%s: shared strings: %s", display_name,
               xml_error ? xml_error : "bad XML");
      if (_xs_xlsx_part_stream_check (xml, error))
        _xs_xlsx_set_damaged_error (display_name, error);
      return FALSE;
    }
  return _xs_xlsx_part_stream_check (xml, error);
}

guint
_xs_xlsx_shared_strings_get_count (XsXlsxSharedStrings *self)
{
  return self->offsets->len;
}

gsize
_xs_xlsx_shared_strings_get_length (XsXlsxSharedStrings *self,
                                    guint                index)
{
  gsize start = g_array_index (self->offsets, gsize, index);
  gsize end = index + 1 < self->offsets->len ? g_array_index (self->offsets, gsize, index + 1)
                                             : self->text->len + 1;

  /* each string is ended by a NUL */
  return end - start - 1;
}

const char *
_xs_xlsx_shared_strings_get (XsXlsxSharedStrings *self,
                             guint                index)
{
  return self->text->str + g_array_index (self->offsets, gsize, index);
}
