/* xs-certificate-file.h: the PDF file certificates are exported to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks, over @owner's window, for the PDF to export certificates to,
 * offering @name; xs_file_chooser_finish_file() gives the file. */
void  xs_certificate_file_choose_async (GtkWidget           *owner,
                                        const char          *name,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* The path of @file if certificates may be written there (a local file
 * outside the data folder); otherwise NULL, and a toast from @owner says
 * why, before anything is issued. */
char *xs_certificate_file_get_path     (GtkWidget           *owner,
                                        GFile               *file);

G_END_DECLS
