/* test-certificate-template.c: templates for pre-printed paper, the offset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hostile template files are refused with a message naming what is wrong;
 * a certificate on a pre-printed form puts each field's text where the
 * template says, read back from the PDF, and draws no frame; the printer's
 * offset moves every field by exactly the offset; the issued certificate
 * records its template and offset, so that its PDF stays the same bytes
 * after the profile chooses another template and offset and the template
 * is removed; one issued before keeps the PDF it was issued with.
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "xs-certificate-pdf.h"
#include "xs-certificate-store.h"
#include "xs-certificate-templates.h"
#include "xs-claim-store.h"
#include "xs-db-private.h"
#include "xs-hours-import.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"

#if !POPPLER_CHECK_VERSION (23, 0, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

#define MM (72 / 25.4)
#define FORM "red-form-a4"
#define NAME "欧阳䶮"
#define EMPLOYER "漯河市源汇区城市管理和综合执法局综合执法支队第三大队"

typedef struct
{
  XsDb                  *db;
  XsSigningKey          *key;
  char                  *id;
  XsCertificateSettings  settings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsCertificateTemplate) template = NULL;
  g_autofree char *form = xs_test_fixture_path ("template-form.json");
  g_autofree char *roster = NULL;
  g_autofree char *hours = NULL;

  fixture->db = xs_test_open_db ();
  fixture->key = xs_signing_key_open (xs_db_get_data_dir (fixture->db), &error);
  g_assert_no_error (error);
  fixture->id = xs_test_id_number (0);
  roster = g_strdup_printf ("姓名,身份证号,工作单位\n%s,%s,%s\n", NAME, fixture->id, EMPLOYER);
  xs_test_import (fixture->db, roster, TRUE, NULL);
  hours = g_strdup_printf ("身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"
                           "%s,%s,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n"
                           "%s,%s,2018,公需科目,否,6,,公需科目网络培训（选修）,2018-06-06\n"
                           "%s,%s,2018,专业科目,,60,1,临床诊疗规范培训班,2018-04-14\n",
                           fixture->id, NAME, fixture->id, NAME, fixture->id, NAME);
  xs_test_import (fixture->db, hours, FALSE, NULL);
  g_assert_cmpint (xs_claim_store_approve_submitted (fixture->db, 2018, "人社局审核员", &error), ==, 3);
  g_assert_no_error (error);

  template = xs_certificate_templates_add (fixture->db, form, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xs_certificate_template_get_name (template), ==, FORM);
  fixture->settings.base_name = "漯河市职业技术学院继续教育基地";
  fixture->settings.issuer = "漯河市人力资源和社会保障局";
  fixture->settings.annual_template = FORM;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->key);
  g_clear_object (&fixture->db);
  g_free (fixture->id);
}

/* Hostile files */

static void
refused (const char *json,
         const char *says)
{
  g_autoptr(GBytes) data = g_bytes_new (json, strlen (json));
  g_autoptr(XsCertificateTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  template = xs_certificate_template_new_from_data (data, "form.json", &error);
  g_assert_null (template);
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  /* names the file and what is wrong */
  if (strstr (error->message, "form.json") == NULL || strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);
}

#define HEAD "{\"format\": \"xueshi-certificate-template\", \"version\": 1, \"name\": \"f\", \"layout\": \"fixed\", "
#define A4 "\"paper\": {\"width\": 297, \"height\": 210}, "

static void
test_hostile (void)
{
  g_autoptr(XsCertificateTemplate) portrait = xs_certificate_template_new_builtin (XS_TEMPLATE_PORTRAIT);
  g_autoptr(XsCertificateTemplate) form = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *form_path = xs_test_fixture_path ("template-form.json");
  g_autofree char *contents = NULL;
  g_autofree char *huge = NULL;
  gsize length;

  /* the built-in designs are templates too, and the fixture is good */
  g_assert_false (xs_certificate_template_is_fixed (portrait));
  g_assert_true (xs_certificate_template_draws_frame (portrait));
  g_assert_true (g_file_get_contents (form_path, &contents, &length, NULL));
  {
    g_autoptr(GBytes) data = g_bytes_new (contents, length);

    form = xs_certificate_template_new_from_data (data, "template-form.json", &error);
    g_assert_no_error (error);
    g_assert_true (xs_certificate_template_is_fixed (form));
    g_assert_false (xs_certificate_template_draws_frame (form));
    g_assert_cmpuint (xs_certificate_template_get_n_fields (form), ==, 11);
  }

  refused ("", "UTF-8");
  refused ("\x89PNG\r\n\x1a\n", "UTF-8");
  refused ("{\"format\": ", "JSON");
  refused ("[1, 2]", "not a certificate template");
  refused ("{\"format\": \"something else\", \"version\": 1}", "format");
  refused ("{\"format\": \"xueshi-certificate-template\", \"version\": 7}", "version");
  refused (HEAD "\"name\": \"../../etc\"}", "name");
  refused ("{\"format\": \"xueshi-certificate-template\", \"version\": 1, \"name\": \"f\", \"layout\": \"spiral\"}", "layout");
  /* missing parts */
  refused (HEAD "\"fields\": [{\"field\": \"name\", \"x\": 1, \"y\": 1, \"width\": 9, \"size\": 12}]}", "paper");
  refused (HEAD A4 "\"fields\": []}", "fields");
  refused (HEAD A4 "\"fields\": [{\"x\": 10, \"y\": 10, \"width\": 50, \"size\": 12}]}", "“field”");
  refused (HEAD A4 "\"fields\": [{\"field\": \"name\", \"y\": 10, \"width\": 50, \"size\": 12}]}", "“x”");
  refused (HEAD A4 "\"fields\": [{\"field\": \"name\", \"x\": 10, \"y\": 10, \"width\": 50}]}", "size");
  refused (HEAD A4 "\"fields\": [{\"field\": \"name\", \"x\": \"10\", \"y\": 10, \"width\": 50, \"size\": 12}]}", "“x”");
  /* unknown and doubled fields */
  refused (HEAD A4 "\"fields\": [{\"field\": \"salary\", \"x\": 10, \"y\": 10, \"width\": 50, \"size\": 12}]}", "salary");
  refused (HEAD A4 "\"fields\": [{\"field\": \"name\", \"x\": 10, \"y\": 10, \"width\": 50, \"size\": 12},"
           "{\"field\": \"name\", \"x\": 10, \"y\": 30, \"width\": 50, \"size\": 12}]}", "twice");
  /* negative, huge and off the paper */
  refused (HEAD A4 "\"fields\": [{\"field\": \"name\", \"x\": -3, \"y\": 10, \"width\": 50, \"size\": 12}]}", "off the");
  refused (HEAD A4 "\"fields\": [{\"field\": \"name\", \"x\": 10, \"y\": 10, \"width\": 1e300, \"size\": 12}]}", "off the");
  refused (HEAD A4 "\"fields\": [{\"field\": \"name\", \"x\": 290, \"y\": 10, \"width\": 50, \"size\": 12}]}", "off the");
  refused (HEAD A4 "\"fields\": [{\"field\": \"name\", \"x\": 10, \"y\": 209, \"width\": 50, \"size\": 12}]}", "off the");
  refused (HEAD A4 "\"fields\": [{\"field\": \"name\", \"x\": 10, \"y\": 10, \"width\": 0, \"size\": 12}]}", "no width");
  refused (HEAD A4 "\"fields\": [{\"field\": \"name\", \"x\": 10, \"y\": 10, \"width\": 50, \"size\": 900}]}", "size");
  refused (HEAD A4 "\"fields\": [{\"field\": \"name\", \"x\": 10, \"y\": 10, \"width\": 50, \"size\": -12}]}", "size");
  refused (HEAD "\"paper\": {\"width\": 1e9, \"height\": 210}, \"fields\": []}", "width");
  refused (HEAD "\"paper\": {\"width\": -297, \"height\": 210}, \"fields\": []}", "width");
  refused (HEAD A4 "\"fields\": [{\"field\": \"qr\", \"x\": 10, \"y\": 10, \"width\": 5}]}", "QR");
  /* a font this computer does not have */
  refused (HEAD A4 "\"fields\": [{\"field\": \"name\", \"x\": 10, \"y\": 10, \"width\": 50, \"size\": 12,"
           " \"font\": \"No Such Font Family 12345\"}]}", "No Such Font Family 12345");
  refused (HEAD A4 "\"fields\": [{\"field\": \"name\", \"x\": 10, \"y\": 10, \"width\": 50, \"size\": 12,"
           " \"align\": \"justify\"}]}", "align");
  refused (HEAD A4 "\"seal\": true, \"fields\": [{\"field\": \"name\", \"x\": 10, \"y\": 10, \"width\": 50, \"size\": 12}]}", "seal");
  /* far too large for a template */
  huge = g_strnfill (200 * 1024, ' ');
  refused (huge, "KB");
}

static void
test_add_remove (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *form = xs_test_fixture_path ("template-form.json");
  g_autoptr(XsCertificateTemplate) again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  list = xs_certificate_templates_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  /* the same name twice, a built-in name removed: refused */
  again = xs_certificate_templates_add (fixture->db, form, &error);
  g_assert_null (again);
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (xs_certificate_templates_remove (fixture->db, XS_TEMPLATE_PORTRAIT, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (xs_certificate_templates_remove (fixture->db, FORM, &error));
  g_assert_no_error (error);
  g_assert_false (xs_certificate_templates_remove (fixture->db, FORM, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND);
}

/* The page of one certificate */

static GBytes *
issue_pdf (Fixture  *fixture,
           char    **serial)
{
  const char *ids[] = { fixture->id, NULL };
  XsCertificateQuery query = { XS_CERTIFICATE_ANNUAL, 2018, ids, NULL, NULL };
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GPtrArray) refusals = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *pdf;

  certificates = xs_certificates_issue (fixture->db, fixture->key, &fixture->settings, &query,
                                        NULL, NULL, NULL, NULL, &refusals, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refusals->len, ==, 0);
  g_assert_cmpuint (certificates->len, ==, 1);
  *serial = g_strdup (xs_certificate_get_serial (g_ptr_array_index (certificates, 0)));
  pdf = xs_certificate_store_get_pdf (fixture->db, *serial, &error);
  g_assert_no_error (error);
  return pdf;
}

static PopplerPage *
open_page (GBytes *pdf)
{
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  return poppler_document_get_page (document, 0);
}

/* The box, in points from the page's top left corner, of the first line
 * of @needle's characters on @page. */
static gboolean
find_box (PopplerPage      *page,
          const char       *needle,
          PopplerRectangle *box)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *boxes = NULL;
  guint n_boxes = 0;
  const char *at = strstr (text, needle);
  glong first, n;

  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
  if (at == NULL)
    return FALSE;
  first = g_utf8_pointer_to_offset (text, at);
  n = g_utf8_strlen (needle, -1);
  *box = boxes[first];
  for (glong i = first + 1; i < first + n && i < (glong) n_boxes; i++)
    if (fabs (boxes[i].y1 - box->y1) < 1)
      {
        box->x1 = MIN (box->x1, boxes[i].x1);
        box->x2 = MAX (box->x2, boxes[i].x2);
        box->y2 = MAX (box->y2, boxes[i].y2);
      }
  return TRUE;
}

/* A pre-printed form's page, read back from the PDF. */
static void
test_form_page (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *serial = NULL;
  g_autoptr(GBytes) pdf = issue_pdf (fixture, &serial);
  g_autoptr(PopplerPage) page = open_page (pdf);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree char *png = NULL;
  /* the 17th digit of the identity number is odd for men */
  const char *sex = (fixture->id[16] - '0') % 2 ? "男" : "女";
  const struct { const char *text; double x, y, size; } fields[] = {
    { NAME, 70, 62, 16 },
    { sex, 180, 62, 16 },
    { EMPLOYER, 70, 90, 14 },
  };
  PopplerRectangle box;
  double width, height;

  /* only the data fields: no title, no labels */
  g_assert_null (strstr (text, "合格证书"));
  g_assert_null (strstr (text, "姓名"));
  g_assert_nonnull (strstr (text, serial));
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (fabs (width - 297 * MM), <, 0.5);
  g_assert_cmpfloat (fabs (height - 210 * MM), <, 0.5);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      double ascent_gap;

      g_assert_true (find_box (page, fields[i].text, &box));
      /* the left edge at the template's x, ± 0.5 mm (a CJK glyph's
       * outline starts at its origin, side bearing under 0.1 em) */
      if (fabs (box.x1 / MM - fields[i].x) > 0.5)
        g_error ("“%s” starts at x = %.2f mm, the template says %g mm", fields[i].text, box.x1 / MM, fields[i].x);
      /* the top: the line's top is the template's y; poppler's box
       * begins at most a small part of the size below it */
      ascent_gap = box.y1 / MM - fields[i].y;
      if (ascent_gap < -0.5 || ascent_gap > 0.5)
        g_error ("“%s” starts at y = %.2f mm, the template says %g mm", fields[i].text, box.y1 / MM, fields[i].y);
    }

  /* the serial is right-aligned in its box: it ends at x + width */
  g_assert_true (find_box (page, serial, &box));
  g_assert_cmpfloat (fabs (box.x2 / MM - 280), <, 0.5);

  /* no frame: the page is white where the standard design draws it */
  {
    g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, NULL);
    g_autofree char *dir = xs_test_make_tmpdir ();
    cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
    cairo_t *cr = cairo_create (image);
    guint8 *pixels;
    int stride;

    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    poppler_page_render_for_printing (page, cr);
    cairo_destroy (cr);
    cairo_surface_flush (image);
    pixels = cairo_image_surface_get_data (image);
    stride = cairo_image_surface_get_stride (image);
    for (int y = 60; y < (int) height - 60; y++)
      for (int x = 32; x <= 36; x++)
        g_assert_cmphex (((guint32 *) (gpointer) (pixels + y * stride))[x] & 0xffffff, ==, 0xffffff);
    png = g_build_filename (dir, "form.png", NULL);
    cairo_surface_write_to_png (image, png);
    cairo_surface_destroy (image);
    if (g_getenv ("XS_TEST_KEEP_PAGES") != NULL)
      {
        g_autofree char *kept = g_build_filename (g_getenv ("XS_TEST_KEEP_PAGES"), "form.pdf", NULL);

        g_file_set_contents (kept, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL);
      }
  }
}

/* Every character box of a preview drawn with the offset (dx, dy) (tenths
 * of a mm) lies exactly that far from the one drawn without. */
static void
check_offset (Fixture    *fixture,
              const char *template_name)
{
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) moved = NULL;
  g_autoptr(PopplerPage) plain_page = NULL;
  g_autoptr(PopplerPage) moved_page = NULL;
  g_autofree PopplerRectangle *a = NULL;
  g_autofree PopplerRectangle *b = NULL;
  g_autoptr(GError) error = NULL;
  guint n_a = 0, n_b = 0, n_checked = 0;

  fixture->settings.annual_template = template_name;
  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(XsCertificate) preview = NULL;

      fixture->settings.offset_x = pass ? 25 : 0;
      fixture->settings.offset_y = pass ? -15 : 0;
      preview = xs_certificate_preview (fixture->db, &fixture->settings, XS_CERTIFICATE_ANNUAL, 2018,
                                        NULL, fixture->id, &error);
      g_assert_no_error (error);
      if (pass)
        moved = xs_certificate_render_pdf (preview, &error);
      else
        plain = xs_certificate_render_pdf (preview, &error);
      g_assert_no_error (error);
    }
  g_assert_false (g_bytes_equal (plain, moved));
  plain_page = open_page (plain);
  moved_page = open_page (moved);
  g_assert_true (poppler_page_get_text_layout (plain_page, &a, &n_a));
  g_assert_true (poppler_page_get_text_layout (moved_page, &b, &n_b));
  g_assert_cmpuint (n_a, ==, n_b);
  g_assert_cmpuint (n_a, >, 20);
  for (guint i = 0; i < n_a; i++)
    {
      if (a[i].x2 - a[i].x1 <= 0)
        continue;
      g_assert_cmpfloat (fabs ((b[i].x1 - a[i].x1) / MM - 2.5), <, 0.01);
      g_assert_cmpfloat (fabs ((b[i].y1 - a[i].y1) / MM + 1.5), <, 0.01);
      g_assert_cmpfloat (fabs ((b[i].x2 - a[i].x2) / MM - 2.5), <, 0.01);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 20);
}

static void
test_offset (Fixture       *fixture,
             gconstpointer  data)
{
  check_offset (fixture, FORM);
  check_offset (fixture, XS_TEMPLATE_LANDSCAPE);
}

/* The snapshot keeps the template and the offset: the profile's change
 * and the template's removal change nothing of an issued certificate. */
static void
test_snapshot (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *serial = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) later = NULL;
  g_autoptr(XsCertificate) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *again = NULL;

  fixture->settings.offset_x = 12;
  fixture->settings.offset_y = -7;
  first = issue_pdf (fixture, &serial);
  stored = xs_certificate_store_get (fixture->db, serial, &error);
  g_assert_no_error (error);
  json = xs_certificate_to_json (stored);
  g_assert_nonnull (strstr (json, "\"template\":\"" FORM "\""));
  g_assert_nonnull (strstr (json, "\"offset\":[12,-7]"));
  g_assert_true (xs_certificate_is_drawn_as_issued (stored));

  /* the base chooses the standard design, no offset, and drops the form */
  fixture->settings.annual_template = NULL;
  fixture->settings.offset_x = fixture->settings.offset_y = 0;
  g_assert_true (xs_certificate_templates_remove (fixture->db, FORM, &error));
  g_assert_no_error (error);
  g_clear_pointer (&later, g_bytes_unref);
  later = issue_pdf (fixture, &again);
  g_assert_cmpstr (again, ==, serial);
  g_assert_true (g_bytes_equal (first, later));
}

/* The calibration page: its marks at the mm it names, moved by exactly the
 * offset, and the boxes of a form's fields drawn on it. */
static void
test_calibration (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XsCertificateTemplate) form = NULL;
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  PopplerRectangle plain_box, moved_box;

  form = xs_certificate_templates_lookup (fixture->db, FORM, XS_CERTIFICATE_PORTRAIT, &error);
  g_assert_no_error (error);
  for (int pass = 0; pass < 2; pass++)
    {
      g_autofree char *path = g_build_filename (dir, pass ? "moved.pdf" : "plain.pdf", NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PopplerPage) page = NULL;
      g_autofree char *text = NULL;
      gsize length = 0;
      double width, height;

      g_assert_true (xs_certificate_write_calibration (form, pass ? 30 : 0, pass ? -20 : 0, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      bytes = g_bytes_new (contents, length);
      page = open_page (bytes);
      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat (fabs (width - 297 * MM), <, 0.5);
      text = poppler_page_get_text (page);
      /* the form's fields are outlined and named */
      g_assert_nonnull (strstr (text, "employer"));
      g_assert_nonnull (strstr (text, "qr"));
      /* the label of the top left cross: 4 mm right of it, at its height */
      g_assert_true (find_box (page, "(20, 20)", pass ? &moved_box : &plain_box));
    }
  g_assert_cmpfloat (fabs (plain_box.x1 / MM - 24), <, 0.5);
  g_assert_cmpfloat (fabs (plain_box.y1 / MM - 21), <, 1.0);
  g_assert_cmpfloat (fabs ((moved_box.x1 - plain_box.x1) / MM - 3.0), <, 0.01);
  g_assert_cmpfloat (fabs ((moved_box.y1 - plain_box.y1) / MM + 2.0), <, 0.01);
}

#define MIDDLE_FORM \
  "{\"format\": \"xueshi-certificate-template\", \"version\": 1, \"name\": \"middle\", \"layout\": \"fixed\"," \
  " \"paper\": {\"width\": 210, \"height\": 297}, \"fields\": [" \
  "{\"field\": \"name\", \"x\": 30, \"y\": 60, \"width\": 150, \"size\": 16}," \
  "{\"field\": \"employer\", \"x\": 20, \"y\": 80, \"width\": 170, \"height\": 120, \"size\": 14}," \
  "{\"field\": \"statement\", \"x\": 50, \"y\": 205, \"width\": 120, \"height\": 30, \"size\": 12}," \
  "{\"field\": \"qr\", \"x\": 150, \"y\": 240, \"width\": 30}]}"

/* The words of the calibration page's heading and instructions (in the C
 * locale), none of them a field's name. */
static const char * const instruction_words[] = {
  "Calibration", "template", "Printed", "offset", "Measure", "paper", "corner", "centre",
  "cross", "subtract", "Preferences", "again", NULL
};

/* Every character of the instructions on @page's calibration page of
 * @template lies on the page and outside every field's box. */
static void
assert_instructions_clear (XsCertificateTemplate *template,
                           GBytes                *pdf)
{
  g_autoptr(PopplerPage) page = open_page (pdf);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *boxes = NULL;
  guint n_boxes = 0;
  guint n_checked = 0;
  double width, height;

  poppler_page_get_size (page, &width, &height);
  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
  for (guint w = 0; instruction_words[w] != NULL; w++)
    for (const char *at = strstr (text, instruction_words[w]); at != NULL; at = strstr (at + 1, instruction_words[w]))
      {
        glong first = g_utf8_pointer_to_offset (text, at);
        glong n = g_utf8_strlen (instruction_words[w], -1);

        for (glong c = first; c < first + n && c < (glong) n_boxes; c++)
          {
            const PopplerRectangle *box = &boxes[c];

            n_checked++;
            g_assert_cmpfloat (box->x1, >=, 0);
            g_assert_cmpfloat (box->y1, >=, 0);
            g_assert_cmpfloat (box->x2, <=, width);
            g_assert_cmpfloat (box->y2, <=, height);
            for (guint f = 0; xs_certificate_template_is_fixed (template)
                              && f < xs_certificate_template_get_n_fields (template); f++)
              {
                const XsTemplateField *field = xs_certificate_template_get_field (template, f);
                double fx = field->x * MM, fy = field->y * MM, fw = field->width * MM;
                double fh = (g_str_equal (field->field, "qr") || g_str_equal (field->field, "seal")
                             ? field->width : field->height > 0 ? field->height : field->size * 1.45 / MM) * MM;

                if (box->x1 < fx + fw && fx < box->x2 && box->y1 < fy + fh && fy < box->y2)
                  g_error ("“%s” of the instructions at (%.1f, %.1f) mm lies in the box of “%s” of template “%s”",
                           instruction_words[w], box->x1 / MM, box->y1 / MM, field->field,
                           xs_certificate_template_get_name (template));
              }
          }
      }
  /* the words were found: every one of them */
  g_assert_cmpuint (n_checked, >, 60);
}

/* The calibration page's instructions are laid out where no field box is:
 * on the built-in designs, the red form, and a form whose fields cover the
 * middle of the paper. */
static void
test_calibration_clear (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) middle_data = g_bytes_new_static (MIDDLE_FORM, strlen (MIDDLE_FORM));
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  XsCertificateTemplate *middle;

  g_ptr_array_add (templates, xs_certificate_template_new_builtin (XS_TEMPLATE_PORTRAIT));
  g_ptr_array_add (templates, xs_certificate_template_new_builtin (XS_TEMPLATE_LANDSCAPE));
  g_ptr_array_add (templates, xs_certificate_templates_lookup (fixture->db, FORM, XS_CERTIFICATE_PORTRAIT, &error));
  g_assert_no_error (error);
  middle = xs_certificate_template_new_from_data (middle_data, "middle.json", &error);
  g_assert_no_error (error);
  g_ptr_array_add (templates, middle);

  for (guint i = 0; i < templates->len; i++)
    for (int moved = 0; moved < 2; moved++)
      {
        XsCertificateTemplate *template = g_ptr_array_index (templates, i);
        g_autofree char *name = g_strdup_printf ("calibration-%s-%d.pdf", xs_certificate_template_get_name (template), moved);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autofree char *contents = NULL;
        g_autoptr(GBytes) bytes = NULL;
        gsize length = 0;

        /* moved by the offset, the instructions still keep clear of the
         * boxes, which move with them */
        g_assert_true (xs_certificate_write_calibration (template, moved ? 25 : 0, moved ? 15 : 0, path, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
        if (!moved)
          assert_instructions_clear (template, bytes);
        /* to look at: XS_TEST_KEEP_PDF=DIR */
        if (g_getenv ("XS_TEST_KEEP_PDF") != NULL)
          {
            g_autofree char *kept = g_build_filename (g_getenv ("XS_TEST_KEEP_PDF"), name, NULL);

            g_file_set_contents (kept, g_bytes_get_data (bytes, NULL), length, NULL);
          }
      }
}

#define SCAN_FORM \
  "{\"format\": \"xueshi-certificate-template\", \"version\": 1, \"name\": \"scan-form\", \"layout\": \"fixed\"," \
  " \"paper\": {\"width\": 297, \"height\": 210}, \"background\": \"blank.png\", \"fields\": [" \
  "{\"field\": \"name\", \"x\": 70, \"y\": 62, \"width\": 60, \"size\": 16}," \
  "{\"field\": \"employer\", \"x\": 70, \"y\": 90, \"width\": 160, \"height\": 14, \"size\": 14}," \
  "{\"field\": \"qr\", \"x\": 30, \"y\": 150, \"width\": 30}]}"

/* The colour at (@x_mm, @y_mm) of @surface, drawn at 2 pixels per mm. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x_mm,
          double           y_mm)
{
  cairo_surface_flush (surface);
  return ((guint32 *) (gpointer) (cairo_image_surface_get_data (surface)
                                  + (int) (y_mm * 2) * cairo_image_surface_get_stride (surface)))[(int) (x_mm * 2)]
         & 0xffffff;
}

/* The scan of a blank form, kept with its template, lies under the
 * preview and never in a PDF: the preview's pixels show it where no field
 * is, the issued certificate's PDF has no picture of the page and renders
 * white there; a scan that is not a picture, or named with a folder, is
 * refused. */
static void
test_background (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *json = g_build_filename (dir, "scan-form.json", NULL);
  g_autofree char *png = g_build_filename (dir, "blank.png", NULL);
  g_autofree char *serial = NULL;
  g_autoptr(XsCertificateTemplate) template = NULL;
  g_autoptr(XsCertificate) preview = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *scan, *shown;
  GList *images;
  cairo_t *cr;
  double width, height;

  /* the blank form: red paper, one pixel a mm */
  scan = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 297, 210);
  cr = cairo_create (scan);
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (scan, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (scan);

  /* refused: not a picture; a name with a folder */
  g_assert_true (g_file_set_contents (json, SCAN_FORM, -1, NULL));
  {
    g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
    g_autofree char *text = g_strdup (SCAN_FORM);
    g_autofree char *not_picture = g_build_filename (dir, "blank.txt", NULL);
    g_autoptr(XsCertificateTemplate) refused = NULL;

    memcpy (strstr (text, "blank.png"), "blank.txt", strlen ("blank.txt"));
    g_assert_true (g_file_set_contents (bad, text, -1, NULL));
    g_assert_true (g_file_set_contents (not_picture, "not a picture", -1, NULL));
    refused = xs_certificate_templates_add (fixture->db, bad, &error);
    g_assert_null (refused);
    g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
    g_assert_nonnull (strstr (error->message, "PNG or JPEG"));
    g_clear_error (&error);
  }
  refused ("{\"format\": \"xueshi-certificate-template\", \"version\": 1, \"name\": \"f\", \"layout\": \"fixed\", "
           "\"paper\": {\"width\": 297, \"height\": 210}, \"background\": \"../blank.png\", "
           "\"fields\": [{\"field\": \"name\", \"x\": 10, \"y\": 10, \"width\": 50, \"size\": 12}]}",
           "background");

  template = xs_certificate_templates_add (fixture->db, json, &error);
  g_assert_no_error (error);
  g_assert_nonnull (xs_certificate_template_get_background (template));
  fixture->settings.annual_template = "scan-form";

  /* the preview: the scan shows where no field is */
  preview = xs_certificate_preview (fixture->db, &fixture->settings, XS_CERTIFICATE_ANNUAL, 2018, NULL,
                                    fixture->id, &error);
  g_assert_no_error (error);
  shown = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 297 * 2, 210 * 2);
  cr = cairo_create (shown);
  xs_certificate_draw_preview (preview, cr, 297 * 2, 210 * 2, FALSE);
  cairo_destroy (cr);
  g_assert_cmphex (pixel_at (shown, 150, 30), ==, 0xff0000);
  g_assert_cmphex (pixel_at (shown, 250, 190), ==, 0xff0000);
  /* printing draws the same certificate without it */
  cr = cairo_create (shown);
  xs_certificate_draw (preview, cr, 297 * 2, 210 * 2);
  cairo_destroy (cr);
  g_assert_cmphex (pixel_at (shown, 150, 30), ==, 0xffffff);

  /* the issued certificate's PDF: no picture of the page, white paper */
  pdf = issue_pdf (fixture, &serial);
  page = open_page (pdf);
  poppler_page_get_size (page, &width, &height);
  images = poppler_page_get_image_mapping (page);
  for (GList *l = images; l != NULL; l = l->next)
    {
      PopplerImageMapping *image = l->data;

      /* only the QR code, 30 mm square */
      g_assert_cmpfloat ((image->area.x2 - image->area.x1) / MM, <, 31);
    }
  poppler_page_free_image_mapping (images);
  cr = cairo_create (shown);
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_paint (cr);
  cairo_scale (cr, 297 * 2 / width, 210 * 2 / height);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  g_assert_cmphex (pixel_at (shown, 150, 30) & 0xff0000, ==, 0xff0000);
  g_assert_cmphex (pixel_at (shown, 150, 30) & 0x00ff00, >, 0x00c000);
  if (g_getenv ("XS_TEST_KEEP_PDF") != NULL)
    {
      g_autofree char *kept = g_build_filename (g_getenv ("XS_TEST_KEEP_PDF"), "background-preview.png", NULL);

      cr = cairo_create (shown);
      xs_certificate_draw_preview (preview, cr, 297 * 2, 210 * 2, TRUE);
      cairo_destroy (cr);
      cairo_surface_write_to_png (shown, kept);
    }
  cairo_surface_destroy (shown);
}

/* A blank form scanned to JPEG, as most scanners save it, lies under the
 * preview as a PNG does. */
static void
test_background_jpeg (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *json = g_build_filename (dir, "scan-form.json", NULL);
  g_autofree char *jpeg = g_build_filename (dir, "blank.jpg", NULL);
  g_autofree char *text = g_strdup (SCAN_FORM);
  g_autoptr(GdkPixbuf) scan = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 297, 210);
  g_autoptr(XsCertificateTemplate) template = NULL;
  g_autoptr(XsCertificate) preview = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *shown;
  cairo_t *cr;
  guint32 pixel;

  /* the blank form: red paper, one pixel a mm */
  gdk_pixbuf_fill (scan, 0xff0000ff);
  g_assert_true (gdk_pixbuf_save (scan, jpeg, "jpeg", &error, "quality", "80", NULL));
  g_assert_no_error (error);
  memcpy (strstr (text, "blank.png"), "blank.jpg", strlen ("blank.jpg"));
  g_assert_true (g_file_set_contents (json, text, -1, NULL));

  template = xs_certificate_templates_add (fixture->db, json, &error);
  g_assert_no_error (error);
  g_assert_nonnull (xs_certificate_template_get_background (template));
  fixture->settings.annual_template = "scan-form";

  preview = xs_certificate_preview (fixture->db, &fixture->settings, XS_CERTIFICATE_ANNUAL, 2018, NULL,
                                    fixture->id, &error);
  g_assert_no_error (error);
  shown = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 297 * 2, 210 * 2);
  cr = cairo_create (shown);
  xs_certificate_draw_preview (preview, cr, 297 * 2, 210 * 2, FALSE);
  cairo_destroy (cr);
  /* red, give or take what JPEG does to it */
  pixel = pixel_at (shown, 150, 30);
  g_assert_cmphex (pixel >> 16, >, 0xe0);
  g_assert_cmphex ((pixel >> 8) & 0xff, <, 0x30);
  g_assert_cmphex (pixel & 0xff, <, 0x30);

  /* a scan cut short after its header draws no background, and no warning */
  {
    g_autofree char *contents = NULL;
    g_autofree char *cut_json = g_build_filename (dir, "scan-cut.json", NULL);
    g_autoptr(GString) cut_text = g_string_new (text);
    g_autoptr(XsCertificateTemplate) cut = NULL;
    g_autoptr(XsCertificate) again = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (jpeg, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (jpeg, contents, MIN (length, 40), NULL));
    g_string_replace (cut_text, "\"scan-form\"", "\"scan-cut\"", 1);
    g_assert_true (g_file_set_contents (cut_json, cut_text->str, -1, NULL));
    cut = xs_certificate_templates_add (fixture->db, cut_json, &error);
    g_assert_no_error (error);
    fixture->settings.annual_template = "scan-cut";
    again = xs_certificate_preview (fixture->db, &fixture->settings, XS_CERTIFICATE_ANNUAL, 2018, NULL,
                                    fixture->id, &error);
    g_assert_no_error (error);
    cr = cairo_create (shown);
    xs_certificate_draw_preview (again, cr, 297 * 2, 210 * 2, FALSE);
    cairo_destroy (cr);
    g_assert_cmphex (pixel_at (shown, 150, 30), ==, 0xffffff);
  }
  cairo_surface_destroy (shown);
}

/* A certificate issued before the document became the snapshot: its row
 * holds a version 1 document and the PDF it was issued with, which a
 * reprint gives back as it is. */
static void
test_old_snapshot (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char old_pdf[] = "%PDF-1.5\n% issued by an earlier version\n%%EOF\n";
  g_autofree char *serial = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(XsCertificate) issued = NULL;
  g_autoptr(XsCertificate) old = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  g_autofree char *hash = NULL;
  JsonObject *object;

  fixture->settings.annual_template = NULL;
  pdf = issue_pdf (fixture, &serial);
  issued = xs_certificate_store_get (fixture->db, serial, &error);
  g_assert_no_error (error);

  /* the same texts as version 1 wrote them, for 2017 */
  document = xs_certificate_to_json (issued);
  g_assert_true (json_parser_load_from_data (parser, document, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  json_object_set_int_member (object, "version", 1);
  json_object_set_int_member (object, "year", 2017);
  json_object_set_string_member (object, "serial", "2017-JX-000001");
  json_object_remove_member (object, "keys");
  json_object_remove_member (object, "template");
  json_object_remove_member (object, "template_sha256");
  json_object_remove_member (object, "offset");
  json_object_remove_member (object, "renderer");
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_free (document);
  document = json_generator_to_data (generator, NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, document, -1);

  stmt = _xs_db_prepare (fixture->db,
                         "INSERT INTO certificate (serial, kind, year, number, trainee_id, holder, masked_id,"
                         " document, document_sha256, pdf, issued_at)"
                         " SELECT '2017-JX-000001', 'annual', 2017, 1, trainee_id, holder, masked_id, ?1, ?2, ?3,"
                         " issued_at FROM certificate WHERE serial = ?4",
                         &error);
  g_assert_no_error (error);
  _xs_db_bind_text (stmt, 1, document);
  _xs_db_bind_text (stmt, 2, hash);
  _xs_db_bind_blob (stmt, 3, old_pdf, sizeof old_pdf - 1);
  _xs_db_bind_text (stmt, 4, serial);
  g_assert_true (_xs_db_exec_stmt (fixture->db, stmt, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stmt, _xs_db_stmt_release);

  old = xs_certificate_store_get (fixture->db, "2017-JX-000001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_certificate_get_year (old), ==, 2017);
  g_assert_true (xs_certificate_is_drawn_as_issued (old));
  g_clear_pointer (&pdf, g_bytes_unref);
  pdf = xs_certificate_store_get_pdf (fixture->db, "2017-JX-000001", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), old_pdf, sizeof old_pdf - 1);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);
  g_test_add_func ("/certificate-template/hostile", test_hostile);
  g_test_add ("/certificate-template/add-remove", Fixture, NULL, fixture_set_up, test_add_remove, fixture_tear_down);
  g_test_add ("/certificate-template/form-page", Fixture, NULL, fixture_set_up, test_form_page, fixture_tear_down);
  g_test_add ("/certificate-template/offset", Fixture, NULL, fixture_set_up, test_offset, fixture_tear_down);
  g_test_add ("/certificate-template/snapshot", Fixture, NULL, fixture_set_up, test_snapshot, fixture_tear_down);
  g_test_add ("/certificate-template/calibration", Fixture, NULL, fixture_set_up, test_calibration,
              fixture_tear_down);
  g_test_add ("/certificate-template/calibration-clear", Fixture, NULL, fixture_set_up, test_calibration_clear,
              fixture_tear_down);
  g_test_add ("/certificate-template/background", Fixture, NULL, fixture_set_up, test_background, fixture_tear_down);
  g_test_add ("/certificate-template/background-jpeg", Fixture, NULL, fixture_set_up, test_background_jpeg, fixture_tear_down);
  g_test_add ("/certificate-template/old-snapshot", Fixture, NULL, fixture_set_up, test_old_snapshot,
              fixture_tear_down);
  return g_test_run ();
}
