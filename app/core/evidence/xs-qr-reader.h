/* xs-qr-reader.h: the QR codes in a photo, a scan or a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For checking a certificate without typing its code: a JPEG or PNG (a
 * photo, a scan) is decoded whole, a PDF page by page rendered at 200 dots
 * per inch, then 300 for a page where nothing was found. Only PNG, JPEG and
 * PDF are opened, and a picture's size is read from its header before any
 * pixel is decoded.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define XS_QR_READER_ERROR (xs_qr_reader_error_quark ())
GQuark xs_qr_reader_error_quark (void);

typedef enum
{
  XS_QR_READER_ERROR_NOT_FOUND,    /* readable, but no QR code in it */
  XS_QR_READER_ERROR_UNSUPPORTED,  /* not a JPEG, PNG or PDF */
  XS_QR_READER_ERROR_TOO_LARGE,    /* too many pixels, pages or bytes */
  XS_QR_READER_ERROR_BROKEN,       /* damaged, truncated, encrypted */
} XsQrReaderError;

/* The largest picture decoded, in pixels (a 600 dpi A4 scan is 35 million). */
#define XS_QR_READER_MAX_PIXELS (50 * 1000 * 1000)
/* The largest file read, and the most PDF pages tried. */
#define XS_QR_READER_MAX_BYTES (200 * 1024 * 1024)
#define XS_QR_READER_MAX_PAGES 500

/* The text of every QR code found in @path, in page order, each once
 * (char *). Blocks: call it in a worker. */
GPtrArray *xs_qr_reader_read_file   (const char          *path,
                                     GCancellable        *cancellable,
                                     GError             **error);
void       xs_qr_reader_read_file_async  (const char          *path,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray *xs_qr_reader_read_file_finish (GAsyncResult        *result,
                                          GError             **error);

/* The QR codes in @surface (an image surface drawn on white), read at its
 * own size: what a scanner at that resolution would give. Empty when there
 * are none. */
GPtrArray *xs_qr_reader_read_surface (cairo_surface_t     *surface);

G_END_DECLS
