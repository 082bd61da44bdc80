/* xs-certificate-sign.c
 *
 * The signature is appended as an incremental update (ISO 32000-1, 7.5.6
 * and 12.8): the file cairo wrote stays as it is, and after it come the
 * signature dictionary, an invisible widget that is the signature field,
 * the catalog again with an AcroForm naming that field, the first page
 * again with the widget among its annotations, and a cross-reference
 * section for these objects. /ByteRange covers the whole file except the
 * hexadecimal /Contents string, which holds the CMS signature.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificate-sign"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "xs-certificate-private.h"
#include "xs-certificate-sign.h"
#include "xs-db-private.h"
#include "xs-signing-key.h"

/* Room for the CMS signature: an RSA-2048 one with its certificate takes
 * about 1.2 KB and the base's name six times (the certificate's subject
 * and issuer, CN and O each, and the signer's issuer), so 8 KB unless the
 * name is very long. */
#define CONTENTS_BYTES 8192
#define CONTENTS_ROOM(name_length) MAX (CONTENTS_BYTES, 2048 + 8 * (name_length))
#define RANGE_MARKER "/ByteRange ["
#define RANGE_WIDTH 10

static gpointer
unexpected (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The certificate PDF could not be signed: its structure is not the one expected."));
  return NULL;
}

/* memmem() and its mirror: a PDF holds NUL bytes, where the g_str*
 * functions stop. */
static const char *
find_first (const char *from,
            gsize       length,
            const char *needle)
{
  return memmem (from, length, needle, strlen (needle));
}

static const char *
find_last (const char *from,
           gsize       length,
           const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = length; i >= needle_length; i--)
    if (memcmp (from + i - needle_length, needle, needle_length) == 0)
      return from + i - needle_length;
  return NULL;
}

/* The text of the dictionary of object @number (without its outer << >>),
 * found through the cross-reference table at @xref. */
static char *
object_dictionary (const char *pdf,
                   gsize       length,
                   gsize       xref,
                   guint64     number)
{
  const char *p = pdf + xref;
  const char *end = pdf + length;
  char *next;
  g_autofree char *head = NULL;
  const char *body, *stop, *open, *close;

  if (xref + 5 > length || strncmp (p, "xref", 4) != 0)
    return NULL;
  p += 4;
  /* subsections: "first count" then count entries of 20 bytes */
  for (;;)
    {
      guint64 first, count;

      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      first = g_ascii_strtoull (p, &next, 10);
      p = next;
      count = g_ascii_strtoull (p, &next, 10);
      if (next == p)
        return NULL;
      p = next;
      while (p < end && (*p == ' ' || *p == '\r' || *p == '\n'))
        p++;
      if (number >= first && number < first + count)
        {
          const char *entry = p + (number - first) * 20;
          guint64 offset;

          if (entry + 20 > end || entry[17] != 'n')
            return NULL;
          offset = g_ascii_strtoull (entry, NULL, 10);
          if (offset >= length)
            return NULL;
          body = pdf + offset;
          break;
        }
      if ((guint64) (end - p) / 20 < count)
        return NULL;
      p += count * 20;
    }

  head = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj", number);
  if ((gsize) (end - body) < strlen (head) || strncmp (body, head, strlen (head)) != 0)
    return NULL;
  stop = find_first (body, end - body, "endobj");
  if (stop == NULL)
    return NULL;
  open = find_first (body, stop - body, "<<");
  close = NULL;
  for (const char *q = stop - 2; q > body; q--)
    if (q[0] == '>' && q[1] == '>')
      {
        close = q;
        break;
      }
  if (open == NULL || close == NULL || close < open + 2)
    return NULL;
  /* only plain dictionaries: no stream follows */
  if (find_first (close, stop - close, "stream") != NULL)
    return NULL;
  return g_strndup (open + 2, close - open - 2);
}

/* The object number of "/KEY N 0 R" in @dict, or 0. */
static guint64
reference (const char *dict,
           const char *key)
{
  const char *p = dict;
  gsize key_length = strlen (key);

  while ((p = strstr (p, key)) != NULL)
    {
      const char *after = p + key_length;

      if (*after == ' ' || *after == '\n' || *after == '\r' || *after == '\t' || *after == '[')
        {
          while (*after == ' ' || *after == '\n' || *after == '\r' || *after == '\t' || *after == '[')
            after++;
          if (g_ascii_isdigit (*after))
            return g_ascii_strtoull (after, NULL, 10);
          return 0;
        }
      p = after;
    }
  return 0;
}

static gboolean
has_key (const char *dict,
         const char *key)
{
  const char *p = strstr (dict, key);

  return p != NULL && !g_ascii_isalnum (p[strlen (key)]);
}

/* The text of the trailer's /ID array, or NULL. */
static char *
trailer_id (const char *trailer)
{
  const char *p = strstr (trailer, "/ID");
  const char *close;

  if (p == NULL || (p = strchr (p, '[')) == NULL || (close = strchr (p, ']')) == NULL)
    return NULL;
  return g_strndup (p, close - p + 1);
}

/* @text as a PDF text string: UTF-16BE with its byte-order mark, in hex. */
static void
append_text_string (GString    *out,
                    const char *text)
{
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text, -1, NULL, NULL, NULL);

  g_string_append (out, "<FEFF");
  for (gunichar2 *u = utf16; u != NULL && *u != 0; u++)
    g_string_append_printf (out, "%04X", *u);
  g_string_append_c (out, '>');
}

typedef struct
{
  guint64 number;
  gsize   offset;
} XrefEntry;

static int
compare_entries (const void *a,
                 const void *b)
{
  const XrefEntry *x = a, *y = b;

  return x->number < y->number ? -1 : x->number > y->number;
}

GBytes *
xs_certificate_sign_pdf (GBytes         *pdf,
                         XsCertificate  *certificate,
                         XsPdfKey       *key,
                         GError        **error)
{
  gsize length = 0;
  const char *data;
  const char *signer;
  const char *tail, *p, *trailer_start, *trailer_end;
  g_autofree char *trailer = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *page = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GBytes) cms = NULL;
  g_autoptr(GByteArray) signed_bytes = NULL;
  XrefEntry entries[4];
  guint64 size, root, info, page_number;
  gsize prev, xref, range_at, contents_at, contents_end;
  const guint8 *cms_data;
  gsize cms_length;
  gsize room;
  char range[64];

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (XS_IS_CERTIFICATE (certificate), NULL);
  g_return_val_if_fail (XS_IS_PDF_KEY (key), NULL);

  data = g_bytes_get_data (pdf, &length);
  signer = certificate->issuers != NULL && certificate->issuers->len > 0
           ? g_ptr_array_index (certificate->issuers, 0) : NULL;
  if (signer == NULL || *signer == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The certificate PDF could not be signed: the certificate names no issuing base."));
      return NULL;
    }
  if (length < 64 || data[length - 1] != '\n')
    return unexpected (error);

  /* the last "startxref", then the trailer before it */
  tail = data + length - MIN (length, 1024);
  p = find_last (tail, data + length - tail, "startxref");
  if (p == NULL)
    return unexpected (error);
  prev = g_ascii_strtoull (p + 9, NULL, 10);
  trailer_start = find_last (data, p - data, "trailer");
  if (trailer_start == NULL || prev == 0 || prev >= length)
    return unexpected (error);
  trailer_end = p;
  trailer = g_strndup (trailer_start, trailer_end - trailer_start);
  size = 0;
  if ((p = strstr (trailer, "/Size")) != NULL)
    size = g_ascii_strtoull (p + 5, NULL, 10);
  root = reference (trailer, "/Root");
  info = reference (trailer, "/Info");
  id = trailer_id (trailer);
  if (size == 0 || root == 0 || has_key (trailer, "/Encrypt") || has_key (trailer, "/Prev"))
    return unexpected (error);

  /* the catalog, the page tree's root and the first page */
  catalog = object_dictionary (data, length, prev, root);
  if (catalog == NULL || has_key (catalog, "/AcroForm"))
    return unexpected (error);
  pages = object_dictionary (data, length, prev, reference (catalog, "/Pages"));
  if (pages == NULL || (page_number = reference (pages, "/Kids")) == 0)
    return unexpected (error);
  page = object_dictionary (data, length, prev, page_number);
  if (page == NULL || has_key (page, "/Annots") || !has_key (page, "/Page"))
    return unexpected (error);
  if (certificate->issued_on == NULL || strlen (certificate->issued_on) != 10)
    return unexpected (error);

  room = CONTENTS_ROOM (strlen (signer));
  out = g_string_sized_new (length + 2 * room + 2048);
  g_string_append_len (out, data, length);

  /* the signature dictionary: object `size` */
  entries[0].number = size;
  entries[0].offset = out->len;
  g_string_append_printf (out, "%" G_GUINT64_FORMAT " 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite"
                          " /SubFilter /adbe.pkcs7.detached\n   ", size);
  range_at = out->len;
  g_string_append (out, RANGE_MARKER);
  g_string_append_printf (out, "0 %*d %*d %*d]\n   /Contents ", RANGE_WIDTH, 0, RANGE_WIDTH, 0, RANGE_WIDTH, 0);
  contents_at = out->len;
  g_string_append_c (out, '<');
  for (gsize i = 0; i < 2 * room; i++)
    g_string_append_c (out, '0');
  g_string_append_c (out, '>');
  contents_end = out->len;
  /* the issue date: no clock is read, so that the same certificate gives
   * the same file */
  g_string_append_printf (out, "\n   /M (D:%.4s%.2s%.2s000000Z)\n   /Name ",
                          certificate->issued_on, certificate->issued_on + 5, certificate->issued_on + 8);
  append_text_string (out, signer);
  g_string_append (out, "\n>>\nendobj\n");

  /* the field, merged with its invisible widget on the first page */
  entries[1].number = size + 1;
  entries[1].offset = out->len;
  g_string_append_printf (out, "%" G_GUINT64_FORMAT " 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig"
                          " /T (Signature1) /V %" G_GUINT64_FORMAT " 0 R\n   /F 132 /Rect [0 0 0 0]"
                          " /P %" G_GUINT64_FORMAT " 0 R\n>>\nendobj\n",
                          size + 1, size, page_number);

  entries[2].number = root;
  entries[2].offset = out->len;
  g_string_append_printf (out, "%" G_GUINT64_FORMAT " 0 obj\n<<%s   /AcroForm << /Fields [%" G_GUINT64_FORMAT
                          " 0 R] /SigFlags 3 >>\n>>\nendobj\n", root, catalog, size + 1);

  entries[3].number = page_number;
  entries[3].offset = out->len;
  g_string_append_printf (out, "%" G_GUINT64_FORMAT " 0 obj\n<<%s   /Annots [%" G_GUINT64_FORMAT
                          " 0 R]\n>>\nendobj\n", page_number, page, size + 1);

  /* the cross-reference section: one subsection per run of numbers */
  qsort (entries, G_N_ELEMENTS (entries), sizeof entries[0], compare_entries);
  xref = out->len;
  g_string_append (out, "xref\n");
  for (guint i = 0; i < G_N_ELEMENTS (entries);)
    {
      guint j = i + 1;

      while (j < G_N_ELEMENTS (entries) && entries[j].number == entries[j - 1].number + 1)
        j++;
      g_string_append_printf (out, "%" G_GUINT64_FORMAT " %u\n", entries[i].number, j - i);
      for (; i < j; i++)
        g_string_append_printf (out, "%010" G_GSIZE_FORMAT " 00000 n \n", entries[i].offset);
    }
  g_string_append_printf (out, "trailer\n<< /Size %" G_GUINT64_FORMAT "\n   /Root %" G_GUINT64_FORMAT " 0 R\n",
                          size + 2, root);
  if (info != 0)
    g_string_append_printf (out, "   /Info %" G_GUINT64_FORMAT " 0 R\n", info);
  if (id != NULL)
    g_string_append_printf (out, "   /ID %s\n", id);
  g_string_append_printf (out, "   /Prev %" G_GSIZE_FORMAT "\n>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          prev, xref);

  /* the byte range, then the signature over it */
  g_snprintf (range, sizeof range, "0 %*" G_GSIZE_FORMAT " %*" G_GSIZE_FORMAT " %*" G_GSIZE_FORMAT "]",
              RANGE_WIDTH, contents_at, RANGE_WIDTH, contents_end, RANGE_WIDTH, out->len - contents_end);
  memcpy (out->str + range_at + strlen (RANGE_MARKER), range, strlen (range));

  signed_bytes = g_byte_array_sized_new (out->len - (contents_end - contents_at));
  g_byte_array_append (signed_bytes, (const guint8 *) out->str, contents_at);
  g_byte_array_append (signed_bytes, (const guint8 *) out->str + contents_end, out->len - contents_end);
  cms = xs_pdf_key_sign_detached (key, signer, signed_bytes->data, signed_bytes->len, error);
  if (cms == NULL)
    return NULL;
  cms_data = g_bytes_get_data (cms, &cms_length);
  if (cms_length > room)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The certificate PDF could not be signed: the signature is larger than the room kept for it."));
      return NULL;
    }
  for (gsize i = 0; i < cms_length; i++)
    {
      static const char digits[] = "0123456789ABCDEF";

      out->str[contents_at + 1 + 2 * i] = digits[cms_data[i] >> 4];
      out->str[contents_at + 2 + 2 * i] = digits[cms_data[i] & 0xf];
    }

  {
    gsize total = out->len;

    return g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), total);
  }
}

/* Whether a certificate the base stored carries a PDF signature, or was
 * stored as a snapshot whose PDF is signed when it is written: then the
 * base had a PDF signing key. */
static gboolean
has_signed_certificate (XsDb     *db,
                        gboolean *found,
                        GError  **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  static const char marker[] = "/SubFilter /adbe.pkcs7.detached";
  int rc;

  stmt = _xs_db_prepare (db, "SELECT EXISTS (SELECT 1 FROM certificate WHERE instr(pdf, ?1) > 0 OR length(pdf) = 0)", error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_blob_static (stmt, 1, marker, strlen (marker));
  rc = _xs_db_step (stmt);
  if (rc != XS_DB_ROW)
    {
      _xs_db_set_error (db, error);
      return FALSE;
    }
  *found = _xs_db_column_int (stmt, 0) != 0;
  return TRUE;
}

XsPdfKey *
xs_certificate_open_pdf_key (XsDb    *db,
                             GError **error)
{
  const char *data_dir;
  gboolean signed_before = TRUE;

  g_return_val_if_fail (db != NULL, NULL);

  data_dir = xs_db_get_data_dir (db);
  if (!xs_pdf_key_exists (data_dir))
    {
      /* a base set up before PDFs were signed: nothing depends on a key
       * yet, so it gets its first one */
      if (!has_signed_certificate (db, &signed_before, error))
        return NULL;
      if (!signed_before && !xs_pdf_key_create (data_dir, error))
        return NULL;
    }
  return xs_pdf_key_open (data_dir, error);
}
