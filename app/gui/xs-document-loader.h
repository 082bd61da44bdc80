/* xs-document-loader.h: opens an evidence file (PDF or picture) in a job
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-document.h"

G_BEGIN_DECLS

#define XS_TYPE_DOCUMENT_LOADER (xs_document_loader_get_type ())
G_DECLARE_FINAL_TYPE (XsDocumentLoader, xs_document_loader, XS, DOCUMENT_LOADER, GObject)

/* A loader of @path, with @password for an encrypted PDF (or NULL). */
XsDocumentLoader *xs_document_loader_new            (const char        *path,
                                                     const char        *password);
/* The first page of a PDF is rendered in the same job at fit width for a
 * view @width × @height (scale @factor); 0 × 0: not rendered. */
void              xs_document_loader_set_view_size  (XsDocumentLoader  *self,
                                                     int                width,
                                                     int                height,
                                                     int                factor);
/* Sniffs and opens the file in a worker. Fails with XS_DOCUMENT_ERROR
 * (NEEDS_PASSWORD, WRONG_PASSWORD, BROKEN, …) in the user's words. */
void              xs_document_loader_load_async     (XsDocumentLoader  *self,
                                                     GCancellable      *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer           user_data);
gboolean          xs_document_loader_load_finish    (XsDocumentLoader  *self,
                                                     GAsyncResult      *result,
                                                     GError           **error);
/* After a load: the PDF, or the picture (the other is NULL). */
XsDocument       *xs_document_loader_get_document   (XsDocumentLoader  *self);
GdkTexture       *xs_document_loader_get_image      (XsDocumentLoader  *self);
/* The first page rendered in the load (NULL if not), @pixel_width wide. */
GdkTexture       *xs_document_loader_get_first_page (XsDocumentLoader  *self,
                                                     int               *pixel_width);

G_END_DECLS
