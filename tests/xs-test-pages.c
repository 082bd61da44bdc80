/* xs-test-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-test-pages"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "xs-id-number.h"
#include "xs-scan-pdf.h"
#include "xs-test-pages.h"

static const char *surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "郑", "孙" };
static const char *given[] = { "建国", "丽娟", "志强", "秀英", "海燕", "晓明", "红梅", "国庆", "静", "伟", "芳", "磊" };
static const char *classes[] = {
  "基层医疗卫生人员继续教育培训班",
  "全科医生转岗培训班",
  "护理管理人员能力提升研修班",
  "中小学教师信息技术应用能力培训班",
  "专业技术人员职业道德与诚信建设培训班",
  "农业技术推广骨干培训班",
};
static const char *places[] = { "漯河市", "郑州市", "许昌市", "周口市", "驻马店市", "平顶山市" };
static const char *employers[] = { "漯河市中心医院", "临颍县人民医院", "漯河市第一中学", "舞阳县农业农村局", "郾城区疾病预防控制中心" };
/* Six-digit area codes of Henan counties and cities. */
static const char *areas[] = { "411102", "411121", "411122", "410102", "411002", "411602" };

const char *
xs_test_page_material (XsTestPageKind kind)
{
  switch (kind)
    {
    case XS_TEST_PAGE_CERTIFICATE:
      return "completion_certificate";
    case XS_TEST_PAGE_NOTICE:
      return "training_notice";
    case XS_TEST_PAGE_PROOF:
    case XS_TEST_PAGE_N_KINDS:
    default:
      return "employer_proof";
    }
}

XsTestPage *
xs_test_page_new (XsTestPageKind kind,
                  guint          seed)
{
  XsTestPage *page = g_new0 (XsTestPage, 1);
  GRand *rand = g_rand_new_with_seed (seed * 7919 + 17);
  char first17[18];
  GDate birth;

  page->kind = kind;
  page->name = g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                            given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))], NULL);
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 1, 1, 1960);
  g_date_add_days (&birth, g_rand_int_range (rand, 0, 35 * 365));
  g_snprintf (first17, sizeof first17, "%s%04d%02d%02d%03d",
              areas[g_rand_int_range (rand, 0, G_N_ELEMENTS (areas))],
              g_date_get_year (&birth), g_date_get_month (&birth), g_date_get_day (&birth),
              g_rand_int_range (rand, 1, 999));
  page->id_number = g_strdup_printf ("%s%c", first17, xs_id_number_compute_check (first17));
  page->title = g_strdup (classes[g_rand_int_range (rand, 0, G_N_ELEMENTS (classes))]);
  page->hours = g_rand_int_range (rand, 4, 90);
  g_date_clear (&page->date, 1);
  g_date_set_dmy (&page->date, g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 1, 13),
                  g_rand_int_range (rand, 2016, 2024));
  page->iso_date = g_rand_boolean (rand);
  g_rand_free (rand);
  return page;
}

void
xs_test_page_free (XsTestPage *page)
{
  if (page == NULL)
    return;
  g_free (page->name);
  g_free (page->id_number);
  g_free (page->title);
  g_free (page);
}

static char *
format_date (const XsTestPage *page)
{
  if (page->iso_date)
    return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&page->date),
                            g_date_get_month (&page->date), g_date_get_day (&page->date));
  return g_strdup_printf ("%d年%d月%d日", g_date_get_year (&page->date),
                          g_date_get_month (&page->date), g_date_get_day (&page->date));
}

/* The heading and body of each kind, as the bases' templates word them. */
static void
page_text (const XsTestPage *page,
           char            **heading,
           char            **body,
           char            **footer)
{
  g_autofree char *date = format_date (page);
  guint h = g_str_hash (page->id_number);
  const char *place = places[h % G_N_ELEMENTS (places)];
  const char *employer = employers[h % G_N_ELEMENTS (employers)];

  switch (page->kind)
    {
    case XS_TEST_PAGE_CERTIFICATE:
      *heading = g_strdup ("结业证书");
      *body = g_strdup_printf ("姓名：%s\n身份证号：%s\n\n"
                               "    该同志于%s参加%s继续教育基地举办的《%s》，"
                               "完成全部课程学习，共计%d学时，经考核成绩合格，特发此证。",
                               page->name, page->id_number, date, place, page->title, page->hours);
      *footer = g_strdup_printf ("%s专业技术人员继续教育基地\n%s", place, date);
      break;
    case XS_TEST_PAGE_NOTICE:
      *heading = g_strdup ("培训通知");
      *body = g_strdup_printf ("各有关单位：\n"
                               "    为提高专业技术人员业务能力，定于%s举办《%s》，"
                               "培训时间共%d学时。现将参训人员名单通知如下：\n\n"
                               "姓名：%s    身份证号：%s\n\n"
                               "    请参训人员按时报到，培训地点：%s继续教育基地。",
                               date, page->title, page->hours, page->name, page->id_number, place);
      *footer = g_strdup_printf ("%s人力资源和社会保障局\n%s", place, date);
      break;
    case XS_TEST_PAGE_PROOF:
    case XS_TEST_PAGE_N_KINDS:
    default:
      *heading = g_strdup ("单位证明");
      *body = g_strdup_printf ("兹证明%s同志（身份证号：%s）系我单位在职专业技术人员，"
                               "于%s参加《%s》，共计%d学时。\n\n    特此证明。",
                               page->name, page->id_number, date, page->title, page->hours);
      *footer = g_strdup_printf ("%s（盖章）\n%s", employer, date);
      break;
    }
}

static void
draw_text (cairo_t    *cr,
           const char *text,
           const char *font,
           double      x,
           double      y,
           double      width,
           PangoAlignment align,
           double     *height)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_spacing (layout, 8 * PANGO_SCALE);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);
  *height = (double) h / PANGO_SCALE;
  pango_font_description_free (description);
  g_object_unref (layout);
}

gboolean
xs_test_page_write_jpeg (const XsTestPage *page,
                         int               dpi,
                         double            degrees,
                         int               noise,
                         int               quality,
                         guint             seed,
                         const char       *path,
                         GError          **error)
{
  g_autofree char *heading = NULL, *body = NULL, *footer = NULL;
  int width = (int) (210 / 25.4 * dpi), height = (int) (297 / 25.4 * dpi);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GRand *rand = g_rand_new_with_seed (seed);
  g_autoptr(GByteArray) grey = g_byte_array_sized_new (width * height);
  g_autoptr(GBytes) jpeg = NULL;
  XsScanPage scan = { 0 };
  const guint8 *data;
  double y, h;
  int stride;

  page_text (page, &heading, &body, &footer);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* Crooked on the glass: turned about the middle of the page. */
  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_rotate (cr, degrees * G_PI / 180);
  cairo_translate (cr, -width / 2.0, -height / 2.0);
  /* Draw in points. */
  cairo_scale (cr, dpi / 72.0, dpi / 72.0);
  cairo_set_source_rgb (cr, 0.05, 0.05, 0.05);
  y = 90;
  draw_text (cr, heading, "Noto Serif CJK SC Bold 30", 72, y, 451, PANGO_ALIGN_CENTER, &h);
  y += h + 40;
  draw_text (cr, body, "Noto Serif CJK SC 14", 80, y, 435, PANGO_ALIGN_LEFT, &h);
  y += h + 60;
  draw_text (cr, footer, "Noto Sans CJK SC 13", 280, y, 230, PANGO_ALIGN_RIGHT, &h);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Grey, with the sensor's noise and a few specks of dust. */
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  g_byte_array_set_size (grey, width * height);
  for (int row = 0; row < height; row++)
    for (int col = 0; col < width; col++)
      {
        guint32 p = ((const guint32 *) (gconstpointer) (data + (gsize) row * stride))[col];
        int v = (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3;

        if (noise > 0)
          v += g_rand_int_range (rand, -noise, noise + 1);
        if (g_rand_int_range (rand, 0, 4000) == 0)
          v = g_rand_int_range (rand, 0, 120);
        grey->data[(gsize) row * width + col] = CLAMP (v, 0, 255);
      }
  cairo_surface_destroy (surface);
  g_rand_free (rand);

  scan.width = width;
  scan.height = height;
  scan.channels = 1;
  scan.dpi = dpi;
  scan.pixels = g_byte_array_free_to_bytes (g_steal_pointer (&grey));
  jpeg = xs_scan_page_to_jpeg (&scan, quality, error);
  g_bytes_unref (scan.pixels);
  if (jpeg == NULL)
    return FALSE;
  return g_file_set_contents (path, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), error);
}
