/* xs-document.h: a PDF opened for reading and page rendering
 *
 * A GTK-free wrapper around poppler. Poppler objects are not thread-safe:
 * every call into poppler for one document is serialised, and the
 * asynchronous renders of a document run one after another in that
 * document's own worker thread, most urgent first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define XS_DOCUMENT_ERROR (xs_document_error_quark ())

typedef enum
{
  XS_DOCUMENT_ERROR_NEEDS_PASSWORD,  /* encrypted, no password given */
  XS_DOCUMENT_ERROR_WRONG_PASSWORD,  /* encrypted, the password does not open it */
  XS_DOCUMENT_ERROR_BROKEN,          /* damaged, truncated, empty, unreadable */
  XS_DOCUMENT_ERROR_UNSUPPORTED,     /* not a PDF (or picture, for the sniffer) */
} XsDocumentError;

/* The largest side, in pixels, of a rendered page: renders are clamped to it. */
#define XS_DOCUMENT_MAX_RENDER_SIZE 8000

#define XS_TYPE_DOCUMENT (xs_document_get_type ())
G_DECLARE_FINAL_TYPE (XsDocument, xs_document, XS, DOCUMENT, GObject)

GQuark       xs_document_error_quark        (void);

/* "application/pdf", "image/png" or "image/jpeg" from the first bytes of
 * @path (evidence files are stored without an extension). An empty or
 * unreadable file is XS_DOCUMENT_ERROR_BROKEN, anything else
 * XS_DOCUMENT_ERROR_UNSUPPORTED. Blocks on disk: call it in a worker. */
const char  *xs_document_sniff_file         (const char    *path,
                                             GError       **error);

/* Opens the PDF at @path (@password may be NULL). Blocks on disk and
 * poppler: call it in a worker. */
XsDocument  *xs_document_new_from_file      (const char    *path,
                                             const char    *password,
                                             GError       **error);
XsDocument  *xs_document_new_from_bytes     (GBytes        *bytes,
                                             const char    *password,
                                             GError       **error);

int          xs_document_get_n_pages        (XsDocument    *self);
/* Size of page @index (from 0) in points (1/72 inch). Does not call
 * poppler: safe from any thread. */
void         xs_document_get_page_size      (XsDocument    *self,
                                             int            index,
                                             double        *width,
                                             double        *height);
/* The scale actually used for page @index at @scale: @scale clamped so that
 * neither side exceeds XS_DOCUMENT_MAX_RENDER_SIZE pixels. */
double       xs_document_clamp_scale        (XsDocument    *self,
                                             int            index,
                                             double         scale);
/* The pixel size of page @index rendered at @scale (after clamping). */
void         xs_document_get_render_size    (XsDocument    *self,
                                             int            index,
                                             double         scale,
                                             int           *pixel_width,
                                             int           *pixel_height);

/* Renders page @index at @scale pixels per point (clamped as above) into a
 * new ARGB32 image surface on white. Thread-safe; blocks. */
cairo_surface_t *xs_document_render_page    (XsDocument    *self,
                                             int            index,
                                             double         scale,
                                             GError       **error);
/* The same in the document's worker thread. Requests are served one at a
 * time, lowest @io_priority first; a request whose @cancellable is
 * cancelled before its turn is skipped. */
void         xs_document_render_page_async  (XsDocument         *self,
                                             int                 index,
                                             double              scale,
                                             int                 io_priority,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
cairo_surface_t *xs_document_render_page_finish (XsDocument    *self,
                                             GAsyncResult  *result,
                                             GError       **error);

G_END_DECLS
