/* test-certificate-qr.c: what a certificate's QR code gives away, and
 * whether a scan of the page reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <poppler.h>
#include <string.h>
#include <zbar.h>

#include "xs-certificate-payload.h"
#include "xs-certificate-store.h"
#include "xs-claim-store.h"
#include "xs-hours-import.h"
#include "xs-id-number.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"

#if !POPPLER_CHECK_VERSION (23, 0, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

#define RARE_NAME "王䶮堃喆𠮷"
/* a long name whose code still fits its place on the page (version 8) */
#define LONG_NAME "阿卜杜热合曼·买买提艾力𠮷䶮喆堃"

typedef struct
{
  XsDb          *db;
  XsSigningKey  *key;
  char          *id_number;
  const char    *name;
  GPtrArray     *certificates;
} Issued;

/* One qualified trainee called @name, and their annual certificate. */
static void
issued_init_oriented (Issued                   *issued,
                      const char               *name,
                      gboolean                  whole_id_number,
                      XsCertificateOrientation  orientation)
{
  g_autofree char *roster = NULL;
  g_autofree char *hours = NULL;
  g_autoptr(GError) error = NULL;
  XsCertificateSettings settings = { 0 };
  XsCertificateQuery query = { XS_CERTIFICATE_ANNUAL, 2018, NULL, NULL, NULL };

  issued->db = xs_test_open_db ();
  issued->key = xs_signing_key_open (xs_db_get_data_dir (issued->db), &error);
  g_assert_no_error (error);
  issued->id_number = xs_test_id_number (7);
  issued->name = name;

  roster = g_strdup_printf ("姓名,身份证号,工作单位\n%s,%s,漯河市中心医院\n", name, issued->id_number);
  xs_test_import (issued->db, roster, TRUE, NULL);
  hours = g_strdup_printf ("身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"
                           "%s,%s,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n"
                           "%s,%s,2018,公需科目,否,6,,公需科目网络培训（选修）,2018-06-06\n"
                           "%s,%s,2018,专业科目,,60,1,临床诊疗规范培训班,2018-04-14\n",
                           issued->id_number, name, issued->id_number, name, issued->id_number, name);
  xs_test_import (issued->db, hours, FALSE, NULL);
  g_assert_cmpint (xs_claim_store_approve_submitted (issued->db, 2018, "人社局审核员", &error), ==, 3);
  g_assert_no_error (error);

  settings.base_name = "漯河市职业技术学院继续教育基地";
  settings.full_id_number = whole_id_number;
  settings.orientation = orientation;
  issued->certificates = xs_certificates_issue (issued->db, issued->key, &settings, &query,
                                                NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->certificates->len, ==, 1);
}

static void
issued_init (Issued     *issued,
             const char *name,
             gboolean    whole_id_number)
{
  issued_init_oriented (issued, name, whole_id_number, XS_CERTIFICATE_PORTRAIT);
}

static void
issued_clear (Issued *issued)
{
  g_clear_pointer (&issued->certificates, g_ptr_array_unref);
  g_clear_object (&issued->key);
  g_clear_object (&issued->db);
  g_clear_pointer (&issued->id_number, g_free);
}

static const char *
issued_payload (Issued *issued)
{
  return xs_certificate_get_payload (g_ptr_array_index (issued->certificates, 0));
}

/* Every identity number that shows as @masked: the birth dates from 1930
 * to 2010 whose check character is the one printed. */
static GPtrArray *
candidates_for (const char *masked)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_free);
  GDate date;

  g_date_clear (&date, 1);
  for (g_date_set_dmy (&date, 1, 1, 1930); g_date_get_year (&date) <= 2010; g_date_add_days (&date, 1))
    {
      char first17[18];

      g_snprintf (first17, sizeof first17, "%.6s%04d%02d%02d%.3s", masked, g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date), masked + 14);
      if (xs_id_number_compute_check (first17) == masked[17])
        g_ptr_array_add (candidates, g_strdup_printf ("%s%c", first17, masked[17]));
    }
  return candidates;
}

/* The attack on the old code: enumerate the birth dates that fit the check
 * character, and see which one the QR code confirms. */
static void
test_no_birth_date_confirmed (void)
{
  Issued issued = { 0 };
  const char *public_key;
  g_autofree char *masked = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  XsCertificatePayload verified = { 0 };
  XsCertificatePayload v1 = { 0 };
  guint v1_confirmed = 0;
  gboolean real_seen = FALSE;

  issued_init (&issued, RARE_NAME, FALSE);
  public_key = xs_signing_key_get_public_text (issued.key);
  masked = xs_id_number_mask (issued.id_number);
  candidates = candidates_for (masked);
  g_test_message ("%u candidate numbers show as %s", candidates->len, masked);
  g_assert_cmpuint (candidates->len, >, 2000);

  g_assert_true (xs_certificate_payload_verify (issued_payload (&issued), public_key, &verified, &error));
  g_assert_no_error (error);
  g_assert_cmpint (verified.version, ==, 2);

  /* a version 1 holder digest of the same person, as certificates carried */
  xs_certificate_holder_digest (issued.id_number, RARE_NAME, v1.holder);
  v1.version = 1;

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *candidate = g_ptr_array_index (candidates, i);
      XsCertificatePayload rebuilt = {
        .serial = verified.serial, .year = verified.year, .kind = verified.kind,
        .public_hours = verified.public_hours, .compulsory = verified.compulsory,
        .professional = verified.professional, .total = verified.total,
      };
      g_autofree char *signed_text = NULL;

      real_seen |= strcmp (candidate, issued.id_number) == 0;
      /* the payload, signature included, is the same whatever the hidden
       * digits: it is a function of the printed page only */
      xs_certificate_payload_set_holder (&rebuilt, candidate, RARE_NAME, FALSE);
      signed_text = xs_certificate_payload_sign (&rebuilt, issued.key);
      g_assert_cmpstr (signed_text, ==, issued_payload (&issued));
      g_free (rebuilt.id_text);
      g_free (rebuilt.name);
      /* and checking a candidate against it answers alike for all */
      g_assert_true (xs_certificate_payload_check_holder (&verified, candidate, RARE_NAME));

      v1_confirmed += xs_certificate_payload_check_holder (&v1, candidate, RARE_NAME);
    }
  g_assert_true (real_seen);
  /* the old digest singles out the real number */
  g_assert_cmpuint (v1_confirmed, ==, 1);

  xs_certificate_payload_clear (&verified);
  issued_clear (&issued);
}

/* A base that prints numbers whole signs them whole: the verifier checks
 * every digit. */
static void
test_whole_number (void)
{
  Issued issued = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *masked = NULL;
  XsCertificatePayload verified = { 0 };
  guint confirmed = 0;

  issued_init (&issued, "李娜", TRUE);
  g_assert_true (xs_certificate_payload_verify (issued_payload (&issued),
                                                xs_signing_key_get_public_text (issued.key),
                                                &verified, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (verified.id_text, ==, issued.id_number);
  g_assert_cmpstr (verified.name, ==, "李娜");

  masked = xs_id_number_mask (issued.id_number);
  candidates = candidates_for (masked);
  for (guint i = 0; i < candidates->len; i++)
    confirmed += xs_certificate_payload_check_holder (&verified, g_ptr_array_index (candidates, i), "李娜");
  g_assert_cmpuint (confirmed, ==, 1);
  g_assert_false (xs_certificate_payload_check_holder (&verified, issued.id_number, "李 娜"));

  xs_certificate_payload_clear (&verified);
  issued_clear (&issued);
}

/* A version 1 payload, as certificates issued before carry it. */
static void
test_v1_verifies (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsSigningKey) key = NULL;
  g_autofree char *id = xs_test_id_number (3);
  g_autofree char *body = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *text = NULL;
  g_autofree char *other = xs_test_id_number (4);
  XsCertificatePayload payload = { 0 };
  char digest[13];

  /* a key made for the test: opening never makes one */
  g_assert_true (xs_signing_key_create (dir, &error));
  key = xs_signing_key_open (dir, &error);
  g_assert_no_error (error);
  xs_certificate_holder_digest (id, "张伟", digest);
  body = g_strdup_printf ("XS1;S=2017-JX-000042;Y=2017;K=A;P=300;C=240;R=600;T=900;H=%s", digest);
  signature = xs_signing_key_sign (key, body);
  text = g_strconcat (body, ";G=", signature, NULL);

  g_assert_true (xs_certificate_payload_verify (text, xs_signing_key_get_public_text (key), &payload, &error));
  g_assert_no_error (error);
  g_assert_cmpint (payload.version, ==, 1);
  g_assert_cmpstr (payload.serial, ==, "2017-JX-000042");
  g_assert_cmpint (payload.total, ==, 900);
  g_assert_null (payload.name);
  g_assert_true (xs_certificate_payload_check_holder (&payload, id, "张伟"));
  g_assert_false (xs_certificate_payload_check_holder (&payload, other, "张伟"));
  xs_certificate_payload_clear (&payload);

  /* and changed, it fails */
  memcpy (strstr (text, ";T=900") + 3, "990", 3);
  g_assert_false (xs_certificate_payload_verify (text, xs_signing_key_get_public_text (key), &payload, &error));
  g_assert_error (error, XS_CERTIFICATE_PAYLOAD_ERROR, XS_CERTIFICATE_PAYLOAD_ERROR_BAD_SIGNATURE);
}

/* Any one digit changed fails; so does another base's key. */
static void
test_v2_tampered (void)
{
  Issued issued = { 0 };
  g_autofree char *other_dir = xs_test_make_tmpdir ();
  g_autoptr(XsSigningKey) other = NULL;
  g_autoptr(GError) error = NULL;
  const char *public_key;
  const char *text;
  XsCertificatePayload payload = { 0 };
  guint bad_signatures = 0;

  issued_init (&issued, RARE_NAME, FALSE);
  public_key = xs_signing_key_get_public_text (issued.key);
  text = issued_payload (&issued);
  g_assert_true (g_str_has_prefix (text, "XS2:"));

  for (gsize i = strlen ("XS2:"); text[i] != '\0'; i++)
    {
      g_autofree char *tampered = g_strdup (text);

      tampered[i] = tampered[i] == '9' ? '0' : tampered[i] + 1;
      g_assert_false (xs_certificate_payload_verify (tampered, public_key, &payload, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == XS_CERTIFICATE_PAYLOAD_ERROR);
      bad_signatures += error->code == XS_CERTIFICATE_PAYLOAD_ERROR_BAD_SIGNATURE;
      g_assert_null (payload.serial);
      g_clear_error (&error);
    }
  /* most changes still parse, and the signature catches them */
  g_assert_cmpuint (bad_signatures, >, strlen (text) / 2);

  g_assert_true (xs_signing_key_create (other_dir, &error));
  other = xs_signing_key_open (other_dir, &error);
  g_assert_no_error (error);
  g_assert_false (xs_certificate_payload_verify (text, xs_signing_key_get_public_text (other), &payload, &error));
  g_assert_error (error, XS_CERTIFICATE_PAYLOAD_ERROR, XS_CERTIFICATE_PAYLOAD_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);

  /* cut short, or a run of digits no byte count gives */
  g_assert_false (xs_certificate_payload_verify ("XS2:0001234", public_key, &payload, &error));
  g_assert_error (error, XS_CERTIFICATE_PAYLOAD_ERROR, XS_CERTIFICATE_PAYLOAD_ERROR_MALFORMED);
  g_clear_error (&error);
  {
    g_autofree char *cut = g_strndup (text, strlen (text) - 17);

    g_assert_false (xs_certificate_payload_verify (cut, public_key, &payload, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  issued_clear (&issued);
}

/* The page at @dpi, read by zbar. */
static char *
scan_page (PopplerPage *page,
           double       dpi)
{
  return xs_test_scan_page (page, dpi);
}

static gboolean
dark (cairo_surface_t *image,
      int              x,
      int              y)
{
  const guint8 *row = cairo_image_surface_get_data (image) + y * cairo_image_surface_get_stride (image);
  guint32 pixel = ((const guint32 *) (gconstpointer) row)[x];

  return (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) < 3 * 128;
}

/* Whether pixel (@x, @y) of an image poppler gives is dark: a stencil
 * comes as black, transparent where it is not painted. */
static gboolean
image_dark (cairo_surface_t *image,
            int              x,
            int              y)
{
  const guint8 *row = cairo_image_surface_get_data (image) + y * cairo_image_surface_get_stride (image);
  guint32 pixel = ((const guint32 *) (gconstpointer) row)[x];

  if (cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32 && (pixel >> 24) < 0x80)
    return FALSE;
  return dark (image, x, y);
}

/* The pixels a module of @image takes on a side when it is a QR code,
 * drawn without its quiet zone and a whole number of pixels a module (its
 * top left finder's first row is seven dark modules); 0 when it is not. */
static int
qr_module_pixels (cairo_surface_t *image)
{
  int side = cairo_image_surface_get_width (image);
  int run = 0;

  if (side != cairo_image_surface_get_height (image))
    return 0;
  while (run < side && image_dark (image, run, 0))
    run++;
  if (run == 0 || run % 7 != 0 || side % (run / 7) != 0)
    return 0;
  side /= run / 7;
  if (side < 21 || (side - 17) % 4 != 0)
    return 0;
  /* the other two finders' dark corners */
  if (!image_dark (image, cairo_image_surface_get_width (image) - 1, 0)
      || !image_dark (image, 0, cairo_image_surface_get_height (image) - 1))
    return 0;
  return run / 7;
}

/* Whether module (@column, @row) of @image, @pixels to a module, is dark. */
static gboolean
dark_module (cairo_surface_t *image,
             int              pixels,
             int              column,
             int              row)
{
  return image_dark (image, column * pixels + pixels / 2, row * pixels + pixels / 2);
}

/* The error correction level from the format information beside the top
 * left finder: its first two bits, after the fixed mask 101010000010010,
 * are L 01, M 00, Q 11, H 10. Returns 'L', 'M', 'Q' or 'H'. */
static char
ec_level (cairo_surface_t *image,
          int              pixels)
{
  /* bit 14 is module (row 8, column 0), bit 13 (8, 1); the second copy
   * puts them at (side - 1, 8) and (side - 2, 8) */
  int side = cairo_image_surface_get_width (image) / pixels;
  int b14 = dark_module (image, pixels, 0, 8) ^ 1;
  int b13 = dark_module (image, pixels, 1, 8);
  static const char levels[] = { 'M', 'L', 'H', 'Q' };

  g_assert_cmpint (dark_module (image, pixels, 8, side - 1) ^ 1, ==, b14);
  g_assert_cmpint (dark_module (image, pixels, 8, side - 2), ==, b13);
  return levels[(b14 << 1) | b13];
}

/* Whether the band of @width points around @area of @page, drawn at
 * @dpi, is white: nothing printed in the QR code's quiet zone. */
static gboolean
quiet_zone_is_white (PopplerPage            *page,
                     const PopplerRectangle *area,
                     double                  width,
                     double                  dpi)
{
  double scale = dpi / 72;
  cairo_surface_t *surface = xs_test_render_page (page, dpi);
  gboolean white = TRUE;

  /* poppler's area is rounded outwards to whole points: one point in */
  for (int y = (int) ((area->y1 - width + 1) * scale); y < (int) ((area->y2 + width - 1) * scale); y++)
    for (int x = (int) ((area->x1 - width + 1) * scale); x < (int) ((area->x2 + width - 1) * scale); x++)
      {
        gboolean inside = x >= (area->x1 - 1) * scale && x < (area->x2 + 1) * scale
                          && y >= (area->y1 - 1) * scale && y < (area->y2 + 1) * scale;

        if (!inside && dark (surface, x, y))
          white = FALSE;
      }
  cairo_surface_destroy (surface);
  return white;
}

/* The QR code read from a 150-dpi render of the issued page, and its
 * module and error correction measured from the PDF itself. */
static void
check_scan (const char               *name,
            XsCertificateOrientation  orientation)
{
  Issued issued = { 0 };
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "certificate.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *scanned = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  GList *mapping;
  guint n_qr = 0;

  issued_init_oriented (&issued, name, FALSE, orientation);
  g_assert_true (xs_certificate_write_pdf (issued.certificates, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);

  /* as a viewer or pdftocairo draws the page, at a scanner's 150 dpi */
  scanned = scan_page (page, 150);
  g_assert_cmpstr (scanned, ==, issued_payload (&issued));

  mapping = poppler_page_get_image_mapping (page);
  for (GList *l = mapping; l != NULL; l = l->next)
    {
      PopplerImageMapping *map = l->data;
      cairo_surface_t *image = poppler_page_get_image (page, map->image_id);
      /* poppler gives the area in whole points, each edge rounded
       * outwards: the narrower side less two points bounds it from below */
      double placed = MIN (map->area.x2 - map->area.x1, map->area.y2 - map->area.y1) - 2;
      int pixels, modules;
      double module_mm;

      if (image == NULL || (pixels = qr_module_pixels (image)) == 0)
        {
          g_clear_pointer (&image, cairo_surface_destroy);
          continue;
        }
      n_qr++;
      modules = cairo_image_surface_get_width (image) / pixels;
      g_assert_cmpfloat (fabs ((map->area.x2 - map->area.x1) - (map->area.y2 - map->area.y1)), <=, 2);
      module_mm = placed / modules * 25.4 / 72;
      g_test_message ("%s, %s: %zu characters, version %d (%d modules), level %c, module %.3f mm, code %.1f mm",
                      name, orientation == XS_CERTIFICATE_LANDSCAPE ? "landscape" : "portrait",
                      strlen (issued_payload (&issued)), (modules - 17) / 4, modules,
                      ec_level (image, pixels), module_mm, placed * 25.4 / 72);
      g_assert_cmpfloat (module_mm, >=, 0.5);
      g_assert_true (strchr ("MQH", ec_level (image, pixels)) != NULL);
      /* and on a screen at 125% (120 dpi), every code. At 96 dpi a
       * module of 0.585 mm takes 2.2 pixels: in 40 runs of this test, two
       * such codes out of about 120 did not read (and smaller modules
       * often did not), so 96 dpi is not promised. */
      {
        g_autofree char *on_screen = scan_page (page, 120);

        g_assert_cmpstr (on_screen, ==, issued_payload (&issued));
      }
      /* four modules of white around it */
      g_assert_true (quiet_zone_is_white (page, &map->area, 4 * placed / modules, 150));
      cairo_surface_destroy (image);
    }
  poppler_page_free_image_mapping (mapping);
  g_assert_cmpuint (n_qr, ==, 1);
  issued_clear (&issued);
}

static void
test_scan_150_dpi (void)
{
  check_scan (RARE_NAME, XS_CERTIFICATE_PORTRAIT);
  check_scan (RARE_NAME, XS_CERTIFICATE_LANDSCAPE);
  check_scan ("李娜", XS_CERTIFICATE_PORTRAIT);
  check_scan (LONG_NAME, XS_CERTIFICATE_PORTRAIT);
  /* the longest name the roster takes, of characters four bytes long */
  check_scan ("𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷"
              "𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷",
              XS_CERTIFICATE_PORTRAIT);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/certificate-qr/no-birth-date-confirmed", test_no_birth_date_confirmed);
  g_test_add_func ("/certificate-qr/whole-number", test_whole_number);
  g_test_add_func ("/certificate-qr/v1-verifies", test_v1_verifies);
  g_test_add_func ("/certificate-qr/v2-tampered", test_v2_tampered);
  g_test_add_func ("/certificate-qr/scan-150-dpi", test_scan_150_dpi);
  return g_test_run ();
}
