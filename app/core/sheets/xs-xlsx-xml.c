/* xs-xlsx-xml.c: streaming the XML parts of an .xlsx workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts are streamed with libxml2's xmlTextReader, which never loads
 * the network and never expands entities.
 */
#define G_LOG_DOMAIN "xs-xlsx"

#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlversion.h>

#include "xs-xlsx-archive-private.h"
#include "xs-xlsx-xml-private.h"

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)
#define XMLNS_URI "http://www.w3.org/2000/xmlns/"

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
  char **error_message = user_data;

  if (*error_message == NULL && xml_error != NULL && xml_error->message != NULL)
    *error_message = g_strchomp (g_strdup (xml_error->message));
}

static void
init_parser (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static int
read_stream (void *context,
             char *buffer,
             int   length)
{
  gssize n = _xs_xlsx_part_stream_read (context, buffer, length > 0 ? (gsize) length : 0);

  return n < 0 ? -1 : (int) n;
}

XsXmlReader *
_xs_xlsx_xml_open_stream (XsXlsxPartStream  *stream,
                          char             **error_message)
{
  XsXmlReader *reader;

  init_parser ();
  g_clear_pointer (error_message, g_free);
  reader = xmlReaderForIO (read_stream, NULL, stream, NULL, NULL, XML_OPTIONS);
  if (reader != NULL)
    xmlTextReaderSetStructuredErrorHandler (reader, on_xml_error, error_message);
  return reader;
}

XsXmlReader *
_xs_xlsx_xml_open (GBytes  *bytes,
                   char   **error_message)
{
  XsXmlReader *reader;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  init_parser ();

  g_clear_pointer (error_message, g_free);
  /* _xs_xlsx_archive_read_parts() keeps every part below G_MAXINT bytes */
  reader = xmlReaderForMemory (data, (int) size, NULL, NULL, XML_OPTIONS);
  if (reader != NULL)
    xmlTextReaderSetStructuredErrorHandler (reader, on_xml_error, error_message);
  return reader;
}

gboolean
_xs_xlsx_xml_is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT
         || type == XML_READER_TYPE_CDATA
         || type == XML_READER_TYPE_WHITESPACE
         || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

const char *
_xs_xlsx_xml_local_name (XsXmlReader *reader)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (reader);

  return name != NULL ? name : "";
}

void
_xs_xlsx_xml_foreach_attribute (XsXmlReader    *reader,
                                XsXlsxAttrFunc  func,
                                gpointer        user_data)
{
  while (xmlTextReaderMoveToNextAttribute (reader) == 1)
    {
      const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader);
      const char *value = (const char *) xmlTextReaderConstValue (reader);

      if (ns != NULL && strcmp (ns, XMLNS_URI) == 0)
        continue;
      func (_xs_xlsx_xml_local_name (reader), ns, value != NULL ? value : "", user_data);
    }
  xmlTextReaderMoveToElement (reader);
}

void
_xs_xlsx_unescape_xstring (GString *text,
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
