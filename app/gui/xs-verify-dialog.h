/* xs-verify-dialog.h: checks a certificate's QR code, offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include <adwaita.h>

#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_VERIFY_DIALOG (xs_verify_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XsVerifyDialog, xs_verify_dialog, XS, VERIFY_DIALOG, AdwWindow)

/* Checks against this installation's key unless another one is given, and
 * looks the certificate up in @db. */
XsVerifyDialog *xs_verify_dialog_new         (GtkWindow      *parent,
                                              XsDb           *db);
void            xs_verify_dialog_set_payload (XsVerifyDialog *self,
                                              const char     *text);
/* Reads the QR code of @path (a photo, a scan or a PDF) in a worker, then
 * checks it. */
void            xs_verify_dialog_read_picture (XsVerifyDialog *self,
                                               const char     *path);
/* Checks revocation against the base's list in @path (read in a worker). */
void            xs_verify_dialog_set_revocations (XsVerifyDialog *self,
                                                  const char     *path);

G_END_DECLS
