/* xs-scan-pdf.h: scanned pages as one PDF, stored as a claim's evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-db.h"
#include "xs-scanner.h"

G_BEGIN_DECLS

/* JPEG (quality 85) of one page. */
GBytes   *xs_scan_page_to_jpeg    (const XsScanPage  *page,
                                   int                quality,
                                   GError           **error);
/* Writes @pages (XsScanPage) as one PDF at @path: each page A4 (or the
 * scan's own size when larger), the picture at the scan's resolution,
 * JPEG-compressed. */
gboolean  xs_scan_write_pdf       (GPtrArray         *pages,
                                   const char        *path,
                                   GError           **error);
/* Writes @pages as one PDF named after @material and the time, in a new
 * folder of its own under the temporary folder; returns its path. */
char     *xs_scan_write_pdf_tmp   (const char        *material,
                                   GPtrArray         *pages,
                                   GError           **error);
/* Deletes a file xs_scan_write_pdf_tmp() wrote, and its folder. */
void      xs_scan_remove_tmp      (const char        *path);
/* Makes the PDF of @pages and attaches it to @material of the claim through
 * xs_claim_store_attach() (same checks, same hashing, all or nothing).
 * Returns the SHA-256 of the stored file. */
char     *xs_scan_attach          (XsDb              *db,
                                   gint64             claim_id,
                                   const char        *material,
                                   GPtrArray         *pages,
                                   GError           **error);

G_END_DECLS
