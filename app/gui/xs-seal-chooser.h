/* xs-seal-chooser.h: asking for the base's seal image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks for the seal's PNG, modal to @parent, and reads it off the main
 * thread. A file far too large for a seal is refused unread. Cancelling
 * @cancellable closes the chooser or stops the reading. */
void    xs_seal_chooser_run_async  (GtkWindow            *parent,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
/* The chosen file's bytes, not yet checked as a seal (that is
 * xs_base_profile_set_seal()'s work), and the file in @file (may be NULL).
 * NULL without @error when the chooser was dismissed; NULL with @error
 * (G_IO_ERROR_CANCELLED when cancelled) when the file cannot be used. */
GBytes *xs_seal_chooser_run_finish (GAsyncResult         *result,
                                    GFile               **file,
                                    GError              **error);

G_END_DECLS
