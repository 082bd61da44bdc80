/* xs-evidence-intake.h: where a material's files come from — the file
 * chooser and drops from a file manager
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XS_TYPE_EVIDENCE_INTAKE (xs_evidence_intake_get_type ())
G_DECLARE_FINAL_TYPE (XsEvidenceIntake, xs_evidence_intake, XS, EVIDENCE_INTAKE, GObject)

/* Takes files dropped on @target (a drop target is added to it) and those
 * chosen with xs_evidence_intake_choose(): ::files (GStrv of local paths)
 * for each batch, or ::refused (a message in the user's words) when one of
 * them is not a file on this computer. :dropping while files are dragged
 * over @target; drops are refused while not :accepting. */
XsEvidenceIntake *xs_evidence_intake_new            (GtkWidget        *target);
void              xs_evidence_intake_set_accepting  (XsEvidenceIntake *self,
                                                     gboolean          accepting);
gboolean          xs_evidence_intake_get_accepting  (XsEvidenceIntake *self);
gboolean          xs_evidence_intake_get_dropping   (XsEvidenceIntake *self);
/* Opens the file chooser (PDF, JPEG, PNG; several at once) over @parent,
 * titled @title; the one already open is closed. */
void              xs_evidence_intake_choose         (XsEvidenceIntake *self,
                                                     GtkWindow        *parent,
                                                     const char       *title);
/* Closes the file chooser, if open; nothing is taken from it. */
void              xs_evidence_intake_close          (XsEvidenceIntake *self);

G_END_DECLS
