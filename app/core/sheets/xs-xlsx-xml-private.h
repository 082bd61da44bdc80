/* xs-xlsx-xml-private.h: streaming the XML parts of an .xlsx workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/xmlreader.h>

#include "xs-xlsx-archive-private.h"

G_BEGIN_DECLS

typedef xmlTextReader XsXmlReader;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsXmlReader, xmlFreeTextReader)

typedef void (*XsXlsxAttrFunc) (const char *name,
                                const char *ns,
                                const char *value,
                                gpointer    user_data);

/* A reader over @bytes that never loads the network and never expands
 * entities, or NULL. Clears *@error_message, then stores there the first
 * of the reader's error messages; @bytes and @error_message must outlive
 * the reader. */
XsXmlReader *_xs_xlsx_xml_open              (GBytes          *bytes,
                                             char           **error_message);
/* Reads @stream (which must outlive the reader) as libxml2 asks for it. */
XsXmlReader *_xs_xlsx_xml_open_stream       (XsXlsxPartStream *stream,
                                             char           **error_message);
/* Whether a node of @type holds text */
gboolean     _xs_xlsx_xml_is_text_node      (int              type);
/* The current node's local name, never NULL */
const char  *_xs_xlsx_xml_local_name        (XsXmlReader     *reader);
/* Calls @func for each attribute of the current element but namespace
 * declarations, then moves back to the element. */
void         _xs_xlsx_xml_foreach_attribute (XsXmlReader     *reader,
                                             XsXlsxAttrFunc   func,
                                             gpointer         user_data);
/* Replaces the escapes “_xHHHH_” that OOXML uses for control characters in
 * the text from @start on. */
void         _xs_xlsx_unescape_xstring      (GString         *text,
                                             gsize            start);

G_END_DECLS
