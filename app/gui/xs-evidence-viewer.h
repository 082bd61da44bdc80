/* xs-evidence-viewer.h: shows an evidence scan (PDF pages, or a picture)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XS_TYPE_EVIDENCE_VIEWER (xs_evidence_viewer_get_type ())
G_DECLARE_FINAL_TYPE (XsEvidenceViewer, xs_evidence_viewer, XS, EVIDENCE_VIEWER, GtkWidget)

GtkWidget  *xs_evidence_viewer_new            (void);
/* Loads @path (PDF, JPEG or PNG) in a worker; @title is what the user
 * calls the file (its original name). */
void        xs_evidence_viewer_load_file      (XsEvidenceViewer *self,
                                               const char       *path,
                                               const char       *title);
/* The page shown, from 0, and the number of pages (1 for a picture, 0
 * before a file is open). */
int         xs_evidence_viewer_get_page       (XsEvidenceViewer *self);
void        xs_evidence_viewer_set_page       (XsEvidenceViewer *self,
                                               int               page);
int         xs_evidence_viewer_get_n_pages    (XsEvidenceViewer *self);
/* Opens a window with a viewer on @path, transient for @parent. */
GtkWindow  *xs_evidence_viewer_present        (GtkWindow        *parent,
                                               const char       *path,
                                               const char       *title);

G_END_DECLS
