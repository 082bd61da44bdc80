/* xs-test-pages.h: papers a trainee brings, drawn in Chinese and spoilt as
 * a desk scanner spoils them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  XS_TEST_PAGE_CERTIFICATE,   /* 结业证书 */
  XS_TEST_PAGE_NOTICE,        /* 培训通知 */
  XS_TEST_PAGE_PROOF,         /* 单位证明 */
  XS_TEST_PAGE_N_KINDS
} XsTestPageKind;

typedef struct
{
  XsTestPageKind kind;
  char          *name;
  char          *id_number;
  char          *title;
  int            hours;        /* whole hours */
  GDate          date;
  gboolean       iso_date;     /* 2018-05-06 instead of 2018年5月6日 */
} XsTestPage;

/* The material code each kind is. */
const char *xs_test_page_material (XsTestPageKind kind);

/* A page with varied contents for @seed. */
XsTestPage *xs_test_page_new      (XsTestPageKind kind,
                                   guint          seed);
void        xs_test_page_free     (XsTestPage    *page);

/* Draws @page on A4 at @dpi in grey, turned by @degrees, with noise of
 * @noise (0–255) and @seed, and writes it as a JPEG of @quality to @path. */
gboolean    xs_test_page_write_jpeg (const XsTestPage *page,
                                     int               dpi,
                                     double            degrees,
                                     int               noise,
                                     int               quality,
                                     guint             seed,
                                     const char       *path,
                                     GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsTestPage, xs_test_page_free)

G_END_DECLS
