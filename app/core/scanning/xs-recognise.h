/* xs-recognise.h: the text of a scan, read with Tesseract (chi_sim + eng)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-recognition.h"

G_BEGIN_DECLS

#define XS_RECOGNISE_ERROR (xs_recognise_error_quark ())

typedef enum
{
  XS_RECOGNISE_ERROR_UNAVAILABLE,   /* built without text recognition */
  XS_RECOGNISE_ERROR_LANGUAGE,      /* chi_sim or eng data missing */
  XS_RECOGNISE_ERROR_FAILED,
} XsRecogniseError;

/* Pages of a PDF are drawn at this resolution to be read. */
#define XS_RECOGNISE_PDF_DPI 300
/* Only the first pages of a long document are read. */
#define XS_RECOGNISE_MAX_PAGES 20

GQuark          xs_recognise_error_quark   (void);
/* Whether this build reads text at all. */
gboolean        xs_recognise_is_supported  (void);

/* Reads a PDF, JPEG or PNG (checked as evidence is, named @name in
 * messages) and finds what it says; blocks, so call it in a worker.
 * @trainee_name may be NULL. */
XsRecognition  *xs_recognise_bytes         (GBytes         *bytes,
                                            const char     *name,
                                            const char     *trainee_name,
                                            GCancellable   *cancellable,
                                            GError        **error);
XsRecognition  *xs_recognise_file          (const char     *path,
                                            const char     *trainee_name,
                                            GCancellable   *cancellable,
                                            GError        **error);
/* The same in a worker. */
void            xs_recognise_file_async    (const char         *path,
                                            const char         *trainee_name,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
XsRecognition  *xs_recognise_file_finish   (GAsyncResult       *result,
                                            GError            **error);

G_END_DECLS
