/* test-certificate-layout.c: the page holds any text the roster accepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issues certificates with the longest name, employer, base name and
 * issuer there can be, rare characters in them, in Chinese and English,
 * portrait and landscape, annual and completion, and checks the PDF
 * itself: no two characters' boxes overlap, all lie inside the frame,
 * none enters the QR code or its quiet zone, and the QR code reads back.
 */
#include "config.h"

#include <cairo.h>
#include <poppler.h>
#include <string.h>
#ifdef HAVE_ZBAR
#include <zbar.h>
#endif

#include "xs-base-profile.h"
#include "xs-certificate-store.h"
#include "xs-claim-store.h"
#include "xs-class-store.h"
#include "xs-db-private.h"
#include "xs-hours-import.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"

#if !POPPLER_CHECK_VERSION (23, 0, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

#define HOURS_HEADER "身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"
/* the roster's and the profile's limit */
#define LONGEST 100
/* the frame drawn inside the page's edge: nothing printed crosses it */
#define FRAME 40.0
/* the dots per inch of an office scanner */
#define SCAN_DPI 150

typedef struct
{
  XsDb                  *db;
  XsSigningKey          *key;
  char                  *id;
  char                  *name;
  char                  *employer;
  char                  *base_name;
  char                  *issuer;
  XsCertificateSettings  settings;
} Fixture;

/* @pattern repeated to exactly @n characters */
static char *
repeat_to (const char *pattern,
           guint       n)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *p = pattern;

  for (guint i = 0; i < n; i++)
    {
      if (*p == '\0')
        p = pattern;
      g_string_append_unichar (text, g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *roster = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *sheet = NULL;
  g_autoptr(XsTrainingClass) klass = xs_training_class_new ();

  fixture->db = xs_test_open_db ();
  fixture->key = xs_signing_key_open (xs_db_get_data_dir (fixture->db), &error);
  g_assert_no_error (error);
  fixture->id = xs_test_id_number (0);
  fixture->name = repeat_to ("欧阳䶮𠮷", LONGEST);
  fixture->employer = repeat_to ("漯河市源汇区城市管理和综合执法局综合执法支队第三大队䶮𠮷", LONGEST);
  fixture->base_name = repeat_to ("漯河市职业技术学院专业技术人员继续教育基地", LONGEST);
  fixture->issuer = repeat_to ("漯河市人力资源和社会保障局专业技术人员管理科", LONGEST);

  roster = g_strdup_printf ("姓名,身份证号,工作单位\n%s,%s,%s\n", fixture->name, fixture->id, fixture->employer);
  xs_test_import (fixture->db, roster, TRUE, NULL);
  hours = g_strdup_printf (HOURS_HEADER
                           "%s,%s,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n"
                           "%s,%s,2018,公需科目,否,6,,公需科目网络培训（选修）,2018-06-06\n"
                           "%s,%s,2018,专业科目,,60,1,临床诊疗规范培训班,2018-04-14\n",
                           fixture->id, fixture->name, fixture->id, fixture->name,
                           fixture->id, fixture->name);
  xs_test_import (fixture->db, hours, FALSE, NULL);
  g_assert_cmpint (xs_claim_store_approve_submitted (fixture->db, 2018, "人社局审核员", &error), ==, 3);
  g_assert_no_error (error);

  klass->code = g_strdup ("2018-07");
  klass->name = repeat_to ("建筑信息模型（BIM）技术与工程项目全过程管理高级研修班𠮷", LONGEST);
  klass->year = 2018;
  klass->category = XS_CATEGORY_PROFESSIONAL;
  klass->hours = 240;
  g_date_set_dmy (&klass->start_date, 10, 7, 2018);
  g_date_set_dmy (&klass->end_date, 14, 7, 2018);
  g_assert_true (xs_class_store_add (fixture->db, klass, &error));
  g_assert_no_error (error);
  sheet = g_strdup_printf ("身份证号,姓名\n%s,%s\n", fixture->id, fixture->name);
  xs_test_import (fixture->db, sheet, FALSE, klass);

  fixture->settings.base_name = fixture->base_name;
  fixture->settings.issuer = fixture->issuer;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->key);
  g_clear_object (&fixture->db);
  g_free (fixture->id);
  g_free (fixture->name);
  g_free (fixture->employer);
  g_free (fixture->base_name);
  g_free (fixture->issuer);
}

static PopplerDocument *
issue_and_open (Fixture           *fixture,
                XsCertificateKind  kind,
                char             **pdf_path)
{
  const char *ids[] = { fixture->id, NULL };
  XsCertificateQuery query = { kind, 2018, ids, NULL, kind == XS_CERTIFICATE_COMPLETION ? "2018-07" : NULL };
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *uri = NULL;
  PopplerDocument *document;

  certificates = xs_certificates_issue (fixture->db, fixture->key, &fixture->settings, &query,
                                        NULL, NULL, NULL, NULL, &refused, &error);
  g_assert_no_error (error);
  g_assert_nonnull (certificates);
  if (refused->len > 0)
    g_error ("refused: %s", (const char *) g_ptr_array_index (refused, 0));
  g_assert_cmpuint (certificates->len, ==, 1);
  *pdf_path = g_build_filename (dir, "certificate.pdf", NULL);
  g_assert_true (xs_certificate_write_pdf (certificates, NULL, *pdf_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (*pdf_path, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static gboolean
intersect (const PopplerRectangle *a,
           const PopplerRectangle *b,
           double                  slack)
{
  return MIN (a->x2, b->x2) - MAX (a->x1, b->x1) > slack
         && MIN (a->y2, b->y2) - MAX (a->y1, b->y1) > slack;
}

#ifdef HAVE_ZBAR
static char *
scan_qr (PopplerPage *page,
         int          dpi)
{
  return xs_test_scan_page (page, dpi);
}
#endif

/* Everything the page must satisfy, read from the PDF. */
static void
check_page (PopplerDocument *document,
            const char      *must_show)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *boxes = NULL;
  g_autofree gunichar *chars = NULL;
  GList *images;
  PopplerRectangle qr = { 0 };
  double width, height;
  guint n_boxes = 0, n_images = 0;
  glong n_chars;

  poppler_page_get_size (page, &width, &height);
  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  g_assert_cmpint (n_chars, ==, n_boxes);
  g_assert_nonnull (strstr (text, must_show));
  g_assert_nonnull (strstr (text, "䶮"));

  /* the QR code: the page's only image, a stencil of a whole number of
   * pixels a module (its top left finder's first row is seven dark
   * modules); with its quiet zone of four modules around it */
  images = poppler_page_get_image_mapping (page);
  for (GList *l = images; l != NULL; l = l->next, n_images++)
    {
      PopplerImageMapping *map = l->data;
      cairo_surface_t *image = poppler_page_get_image (page, map->image_id);
      int run = 0, side = cairo_image_surface_get_width (image);
      double quiet;

      qr = map->area;
      /* opaque black: a stencil is transparent where it is not painted */
      while (run < side && ((const guint32 *) (gconstpointer) cairo_image_surface_get_data (image))[run] == 0xff000000)
        run++;
      g_assert_cmpint (run, >=, 7);
      g_assert_cmpint (run % 7, ==, 0);
      quiet = 4 * (qr.x2 - qr.x1) / (side / (run / 7));
      qr.x1 -= quiet;
      qr.y1 -= quiet;
      qr.x2 += quiet;
      qr.y2 += quiet;
      cairo_surface_destroy (image);
    }
  poppler_page_free_image_mapping (images);
  g_assert_cmpuint (n_images, ==, 1);
  g_assert_cmpfloat (qr.x2 - qr.x1, >, 80);

  for (guint i = 0; i < n_boxes; i++)
    {
      if (g_unichar_isspace (chars[i]))
        continue;
      /* inside the frame (poppler's boxes run from the top) */
      g_assert_cmpfloat (boxes[i].x1, >=, FRAME);
      g_assert_cmpfloat (boxes[i].y1, >=, FRAME);
      g_assert_cmpfloat (boxes[i].x2, <=, width - FRAME);
      g_assert_cmpfloat (boxes[i].y2, <=, height - FRAME);
      /* not on the QR code nor in its quiet zone */
      if (intersect (&boxes[i], &qr, 0))
        g_error ("“%.40s” enters the QR code's area", g_utf8_offset_to_pointer (text, i));
      /* on no other character: glyphs side by side touch at most */
      for (guint j = i + 1; j < n_boxes; j++)
        if (!g_unichar_isspace (chars[j]) && intersect (&boxes[i], &boxes[j], 1.0))
          g_error ("characters %u and %u overlap: (%g,%g)-(%g,%g) and (%g,%g)-(%g,%g) in\n%s", i, j,
                   boxes[i].x1, boxes[i].y1, boxes[i].x2, boxes[i].y2,
                   boxes[j].x1, boxes[j].y1, boxes[j].x2, boxes[j].y2, text);
    }

#ifdef HAVE_ZBAR
  {
    g_autofree char *scanned = scan_qr (page, SCAN_DPI);

    g_assert_nonnull (scanned);
    g_assert_cmpuint (strlen (scanned), >, 20);
  }
#endif
}

typedef struct
{
  XsCertificateKind        kind;
  XsCertificateLanguage    language;
  XsCertificateOrientation orientation;
} Case;

static void
test_extreme (Fixture       *fixture,
              gconstpointer  data)
{
  const Case *c = data;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *path = NULL;
  const char *keep = g_getenv ("XUESHI_TEST_KEEP_PDF");

  fixture->settings.language = c->language;
  fixture->settings.orientation = c->orientation;
  document = issue_and_open (fixture, c->kind, &path);
  check_page (document, c->language == XS_CERTIFICATE_ENGLISH
                        ? (c->kind == XS_CERTIFICATE_ANNUAL ? "Continuing Education" : "Completion")
                        : (c->kind == XS_CERTIFICATE_ANNUAL ? "继续教育合格证书" : "结业证书"));
  if (keep != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s/%s-%s-%s.pdf", keep,
                                               c->kind == XS_CERTIFICATE_ANNUAL ? "annual" : "completion",
                                               c->language == XS_CERTIFICATE_ENGLISH ? "en" : "zh",
                                               c->orientation == XS_CERTIFICATE_LANDSCAPE ? "landscape" : "portrait");
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (name, contents, length, NULL));
    }
}

/* The desktop's locale does not choose the language; the profile does. */
static void
test_language_from_profile (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(XsBaseProfile) profile = NULL;
  g_autoptr(XsBaseProfile) again = NULL;
  g_autoptr(GError) error = NULL;

  profile = xs_base_profile_load (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_base_profile_get_language (profile), ==, XS_CERTIFICATE_CHINESE);
  xs_base_profile_set_name (profile, "基地");
  xs_base_profile_set_language (profile, XS_CERTIFICATE_ENGLISH);
  g_assert_true (xs_base_profile_save (profile, fixture->db, &error));
  g_assert_no_error (error);
  again = xs_base_profile_load (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_base_profile_get_language (again), ==, XS_CERTIFICATE_ENGLISH);
  xs_base_profile_get_certificate_settings (again, &fixture->settings);
  g_assert_cmpint (fixture->settings.language, ==, XS_CERTIFICATE_ENGLISH);
}

/* Text too long even for the smallest type is refused, naming the field;
 * the page is never drawn overprinted. */
static void
test_floor_refusal (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *ids[] = { fixture->id, NULL };
  XsCertificateQuery query = { XS_CERTIFICATE_ANNUAL, 2018, ids, NULL, NULL };
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsCertificate) certificate = NULL;
  g_autoptr(XsCertificate) longer = NULL;
  g_autofree char *json = NULL;
  g_autofree char *huge = repeat_to (fixture->employer, 40 * LONGEST);
  g_autoptr(GString) edited = NULL;

  certificates = xs_certificates_issue (fixture->db, fixture->key, &fixture->settings, &query,
                                        NULL, NULL, NULL, NULL, &refused, &error);
  g_assert_no_error (error);
  certificate = g_object_ref (g_ptr_array_index (certificates, 0));
  g_assert_true (xs_certificate_check_layout (certificate, &error));
  g_assert_no_error (error);

  /* the same document with an employer forty times as long as the
   * roster allows */
  json = xs_certificate_to_json (certificate);
  edited = g_string_new (json);
  g_assert_cmpuint (g_string_replace (edited, fixture->employer, huge, 1), ==, 1);
  longer = xs_certificate_new_from_json (edited->str, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (xs_certificate_check_layout (longer, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "工作单位"));
  g_clear_error (&error);

  /* and an issuer as long: named too */
  g_string_assign (edited, json);
  g_clear_object (&longer);
  g_assert_cmpuint (g_string_replace (edited, fixture->issuer, huge, 1), ==, 1);
  longer = xs_certificate_new_from_json (edited->str, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (xs_certificate_check_layout (longer, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "issuer"));
  g_clear_error (&error);

  /* issuing refuses the person, naming the field, and issues nothing
   * overprinted (a base name this long only comes from a one-off option:
   * the profile keeps 100 characters at most) */
  g_clear_pointer (&certificates, g_ptr_array_unref);
  g_clear_pointer (&refused, g_ptr_array_unref);
  query.kind = XS_CERTIFICATE_COMPLETION;
  query.class_code = "2018-07";
  fixture->settings.base_name = huge;
  certificates = xs_certificates_issue (fixture->db, fixture->key, &fixture->settings, &query,
                                        NULL, NULL, NULL, NULL, &refused, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (certificates->len, ==, 0);
  g_assert_cmpuint (refused->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (refused, 0), "base’s name"));
  g_assert_nonnull (strstr (g_ptr_array_index (refused, 0), "欧阳䶮"));
}

int
main (int   argc,
      char *argv[])
{
  static const Case cases[] = {
    { XS_CERTIFICATE_ANNUAL, XS_CERTIFICATE_CHINESE, XS_CERTIFICATE_PORTRAIT },
    { XS_CERTIFICATE_ANNUAL, XS_CERTIFICATE_CHINESE, XS_CERTIFICATE_LANDSCAPE },
    { XS_CERTIFICATE_ANNUAL, XS_CERTIFICATE_ENGLISH, XS_CERTIFICATE_PORTRAIT },
    { XS_CERTIFICATE_ANNUAL, XS_CERTIFICATE_ENGLISH, XS_CERTIFICATE_LANDSCAPE },
    { XS_CERTIFICATE_COMPLETION, XS_CERTIFICATE_CHINESE, XS_CERTIFICATE_PORTRAIT },
    { XS_CERTIFICATE_COMPLETION, XS_CERTIFICATE_CHINESE, XS_CERTIFICATE_LANDSCAPE },
    { XS_CERTIFICATE_COMPLETION, XS_CERTIFICATE_ENGLISH, XS_CERTIFICATE_PORTRAIT },
    { XS_CERTIFICATE_COMPLETION, XS_CERTIFICATE_ENGLISH, XS_CERTIFICATE_LANDSCAPE },
  };

  xs_test_init (&argc, &argv);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/certificate-layout/extreme/%s/%s/%s",
                                               cases[i].kind == XS_CERTIFICATE_ANNUAL ? "annual" : "completion",
                                               cases[i].language == XS_CERTIFICATE_ENGLISH ? "en" : "zh",
                                               cases[i].orientation == XS_CERTIFICATE_LANDSCAPE ? "landscape" : "portrait");

      g_test_add (path, Fixture, &cases[i], fixture_set_up, test_extreme, fixture_tear_down);
    }
  g_test_add ("/certificate-layout/language-from-profile", Fixture, NULL, fixture_set_up,
              test_language_from_profile, fixture_tear_down);
  g_test_add ("/certificate-layout/floor-refusal", Fixture, NULL, fixture_set_up,
              test_floor_refusal, fixture_tear_down);
  return g_test_run ();
}
