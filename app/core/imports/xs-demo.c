/* xs-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-demo"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "xs-claim-store.h"
#include "xs-class-store.h"
#include "xs-date.h"
#include "xs-demo.h"
#include "xs-id-number.h"
#include "xs-trainee-store.h"

typedef enum
{
  FIELD_MEDICINE,
  FIELD_EDUCATION,
  FIELD_ENGINEERING,
  FIELD_AGRICULTURE,
  N_FIELDS
} Field;

typedef struct
{
  const char *name;
  const char *county;
  Field       field;
} Employer;

typedef struct
{
  const char *county;
  const char *region;   /* first six digits of identity numbers */
} County;

static const County counties[] = {
  { "源汇区", "411102" },
  { "郾城区", "411103" },
  { "召陵区", "411104" },
  { "舞阳县", "411121" },
  { "临颍县", "411122" },
};

static const Employer employers[] = {
  { "漯河市中心医院", "源汇区", FIELD_MEDICINE },
  { "漯河市第二人民医院", "召陵区", FIELD_MEDICINE },
  { "舞阳县人民医院", "舞阳县", FIELD_MEDICINE },
  { "漯河市高级中学", "源汇区", FIELD_EDUCATION },
  { "郾城区实验中学", "郾城区", FIELD_EDUCATION },
  { "临颍县第一高级中学", "临颍县", FIELD_EDUCATION },
  { "漯河市城乡规划设计院", "源汇区", FIELD_ENGINEERING },
  { "漯河市水利勘测设计院", "召陵区", FIELD_ENGINEERING },
  { "临颍县农业农村局", "临颍县", FIELD_AGRICULTURE },
  { "舞阳县农业技术推广中心", "舞阳县", FIELD_AGRICULTURE },
};

static const char *titles[N_FIELDS][3] = {
  [FIELD_MEDICINE] = { "住院医师", "主治医师", "副主任医师" },
  [FIELD_EDUCATION] = { "二级教师", "一级教师", "高级教师" },
  [FIELD_ENGINEERING] = { "助理工程师", "工程师", "高级工程师" },
  [FIELD_AGRICULTURE] = { "助理农艺师", "农艺师", "高级农艺师" },
};

static const char *specialties[N_FIELDS] = {
  [FIELD_MEDICINE] = "临床医学",
  [FIELD_EDUCATION] = "中学教育",
  [FIELD_ENGINEERING] = "土木工程",
  [FIELD_AGRICULTURE] = "农学",
};

static const char *surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
  "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于",
};

static const char *given_male[] = {
  "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "鹏", "浩", "建华",
  "志强", "国庆", "海涛", "堃", "振宇", "俊杰", "晓东",
};

static const char *given_female[] = {
  "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "玲", "婷", "雪", "慧", "红梅",
  "晓燕", "喆", "雅琴", "丽娟", "春燕", "佳怡", "秀英",
};

typedef struct
{
  const char *code;
  const char *name;
  Field       field;
  int         hours;
  int         month;
} DemoClass;

/* The base's own classes: two per field. */
static const DemoClass demo_classes[] = {
  { "2018-01", "临床诊疗规范与医疗安全培训班", FIELD_MEDICINE, 300, 4 },
  { "2018-02", "常见病诊治新进展研修班", FIELD_MEDICINE, 300, 9 },
  { "2018-03", "中小学教师信息技术应用能力培训班", FIELD_EDUCATION, 300, 5 },
  { "2018-04", "新课程标准与课堂教学研修班", FIELD_EDUCATION, 300, 10 },
  { "2018-05", "BIM 技术与工程管理培训班", FIELD_ENGINEERING, 300, 6 },
  { "2018-06", "水利工程质量与安全培训班", FIELD_ENGINEERING, 300, 11 },
  { "2018-07", "小麦绿色高产栽培技术培训班", FIELD_AGRICULTURE, 300, 3 },
  { "2018-08", "农业技术推广实务培训班", FIELD_AGRICULTURE, 300, 8 },
};

typedef struct
{
  XsDb       *db;
  GRand      *rand;
  char       *scan_dir;
  guint       n_scans;
  GPtrArray  *classes;   /* XsTrainingClass, same order as demo_classes */
} Demo;

static const char *
pick (GRand        *rand,
      const char  **items,
      gsize         n_items)
{
  return items[g_rand_int_range (rand, 0, (int) n_items)];
}

#define PICK(rand, array) pick ((rand), (const char **) (array), G_N_ELEMENTS (array))

static char *
make_id_number (GRand      *rand,
                const char *region,
                XsSex       sex)
{
  GDate birth;
  char first17[18];
  int sequence;

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 1, 1, 1966);
  g_date_add_days (&birth, g_rand_int_range (rand, 0, 30 * 365));
  sequence = g_rand_int_range (rand, 0, 500) * 2 + (sex == XS_SEX_MALE ? 1 : 0);
  g_snprintf (first17, sizeof first17, "%s%04d%02d%02d%03d", region,
              g_date_get_year (&birth), g_date_get_month (&birth),
              g_date_get_day (&birth), sequence % 1000);
  return g_strdup_printf ("%s%c", first17, xs_id_number_compute_check (first17));
}

static void
random_date (GRand *rand,
             int    year,
             int    month,
             GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_rand_int_range (rand, 1, 29), month, year);
}

/* Draws a document page onto @cr: text, and a red seal. */
static void
draw_document (cairo_t    *cr,
               double      width,
               double      height,
               const char *heading,
               const char *body)
{
  g_autofree char *markup = NULL;
  PangoLayout *layout;
  PangoFontDescription *font;

  /* Slightly grey paper, as scans are. */
  cairo_set_source_rgb (cr, 0.97, 0.96, 0.93);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Noto Serif CJK SC, serif 14");
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((width - 120) * PANGO_SCALE));
  markup = g_markup_printf_escaped ("<span size='x-large' weight='bold'>%s</span>\n\n%s", heading, body);
  pango_layout_set_markup (layout, markup, -1);
  cairo_move_to (cr, 60, 60);
  pango_cairo_show_layout (cr, layout);

  cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.7);
  cairo_set_line_width (cr, 3);
  cairo_arc (cr, width - 130, height - 130, 50, 0, 2 * G_PI);
  cairo_stroke (cr);

  g_object_unref (layout);
  pango_font_description_free (font);
}

/* A one-page "scan" of a document: as a scanner makes them, a picture of the
 * page, either alone (PNG) or inside a PDF. */
static char *
make_scan (Demo       *demo,
           const char *heading,
           const char *body,
           GError    **error)
{
  gboolean png = (demo->n_scans % 4) == 3;
  g_autofree char *name = g_strdup_printf ("scan-%04u.%s", demo->n_scans++, png ? "png" : "pdf");
  g_autofree char *path = g_build_filename (demo->scan_dir, name, NULL);
  const double width = 595, height = 842;   /* A4 at 72 dpi */
  cairo_surface_t *page;
  cairo_status_t status;
  cairo_t *cr;

  page = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (page);
  draw_document (cr, width, height, heading, body);
  cairo_destroy (cr);

  if (png)
    status = cairo_surface_write_to_png (page, path);
  else
    {
      cairo_surface_t *pdf = cairo_pdf_surface_create (path, width, height);

      cr = cairo_create (pdf);
      cairo_set_source_surface (cr, page, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_finish (pdf);
      status = cairo_surface_status (pdf);
      cairo_surface_destroy (pdf);
    }
  cairo_surface_destroy (page);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the demo scan “%s”: %s"), path, cairo_status_to_string (status));
      return NULL;
    }
  return g_steal_pointer (&path);
}

static gboolean
add_trainee (Demo       *demo,
             guint       index,
             XsTrainee  *trainee,
             Field      *field,
             GError    **error)
{
  const Employer *employer = &employers[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (employers))];
  const char *region = counties[0].region;
  XsSex sex = g_rand_boolean (demo->rand) ? XS_SEX_MALE : XS_SEX_FEMALE;

  for (gsize i = 0; i < G_N_ELEMENTS (counties); i++)
    if (g_str_equal (counties[i].county, employer->county))
      region = counties[i].region;

  /* Identity numbers must be unique: retry the rare collision. */
  do
    {
      g_free (trainee->id_number);
      trainee->id_number = make_id_number (demo->rand, region, sex);
    }
  while (xs_trainee_store_find_id (demo->db, trainee->id_number, NULL) > 0);

  trainee->name = g_strconcat (PICK (demo->rand, surnames),
                               sex == XS_SEX_MALE ? PICK (demo->rand, given_male)
                                                  : PICK (demo->rand, given_female),
                               NULL);
  trainee->sex = sex;
  xs_id_number_get_birth_date (trainee->id_number, &trainee->birth_date);
  trainee->employer = g_strdup (employer->name);
  trainee->county = g_strdup (employer->county);
  trainee->title = g_strdup (titles[employer->field][g_rand_int_range (demo->rand, 0, 3)]);
  trainee->specialty = g_strdup (specialties[employer->field]);
  trainee->phone = g_strdup_printf ("1%d%09u", 3 + (index % 7), g_rand_int_range (demo->rand, 0, 999999999));
  *field = employer->field;

  return xs_trainee_store_upsert (demo->db, trainee, NULL, error);
}

/* Public hours come from the city's online platform as a batch. */
static gboolean
add_public_hours (Demo             *demo,
                  const XsTrainee  *trainee,
                  int               year,
                  int               profile,
                  GError          **error)
{
  static const struct { const char *title; gboolean compulsory; int hours; } courses[] = {
    { "公需科目网络培训（必修）", TRUE, 240 },
    { "公需科目网络培训（选修）", FALSE, 60 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (courses); i++)
    {
      g_auto(XsClaim) claim = { 0 };

      if (profile >= 90 || (i == 1 && profile >= 80))
        break;   /* not studied yet */

      claim.trainee_id = trainee->id;
      claim.year = year;
      claim.category = XS_CATEGORY_PUBLIC;
      claim.compulsory = courses[i].compulsory;
      claim.hours = courses[i].hours;
      claim.title = g_strdup (courses[i].title);
      claim.source = XS_SOURCE_BATCH;
      if (year < XS_DEMO_YEAR)
        random_date (demo->rand, XS_DEMO_YEAR, g_rand_int_range (demo->rand, 3, 13), &claim.date);
      else
        random_date (demo->rand, year, g_rand_int_range (demo->rand, 3, 12), &claim.date);

      if (!xs_claim_store_add (demo->db, &claim, error))
        return FALSE;
      if (profile < 55 || (profile >= 80 && i == 0))
        if (!xs_claim_store_decide (demo->db, claim.id, XS_STATUS_APPROVED, NULL, "市人社局", error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
add_class_hours (Demo             *demo,
                 const XsTrainee  *trainee,
                 Field             field,
                 guint             nth,
                 gboolean          approve,
                 GError          **error)
{
  g_auto(XsClaim) claim = { 0 };
  const XsTrainingClass *klass = g_ptr_array_index (demo->classes, field * 2 + nth);

  g_date_clear (&claim.date, 1);
  xs_training_class_fill_claim (klass, &claim);
  claim.trainee_id = trainee->id;
  if (!xs_claim_store_add (demo->db, &claim, error))
    return FALSE;
  if (approve)
    return xs_claim_store_decide (demo->db, claim.id, XS_STATUS_APPROVED, NULL, "行业主管部门", error);
  return TRUE;
}

typedef struct
{
  int         kind;
  const char *variant;
  const char *title;
  int         hours;
  XsAbsence   absence;
  int         months;
} Achievement;

static const Achievement achievements[] = {
  { 4, "attended", "河南省医学会年会", 100, XS_ABSENCE_NONE, 0 },
  { 6, "paper", "在《中国实用医药》发表论文", 200, XS_ABSENCE_NONE, 0 },
  { 9, NULL, "通过全国中级专业技术资格考试", 300, XS_ABSENCE_NONE, 0 },
  { 3, "further-study", "郑州大学进修学习", 300, XS_ABSENCE_NONE, 0 },
  { 7, NULL, "实用新型专利授权", 200, XS_ABSENCE_NONE, 0 },
  { 15, "maternity", "产假", 0, XS_ABSENCE_MATERNITY, 6 },
};

/* An individual claim with its evidence, left in the state @stage says:
 * 0 draft with a material missing, 1 submitted, 2 approved, 3 rejected. */
static gboolean
add_achievement (Demo             *demo,
                 XsRuleSet        *rules,
                 const XsTrainee  *trainee,
                 const Achievement *what,
                 int               stage,
                 GError          **error)
{
  g_auto(XsClaim) claim = { 0 };
  const char * const *materials;

  claim.trainee_id = trainee->id;
  claim.year = XS_DEMO_YEAR;
  claim.category = XS_CATEGORY_PROFESSIONAL;
  claim.kind = what->kind;
  claim.variant = g_strdup (what->variant);
  claim.hours = what->hours;
  claim.title = g_strdup (what->title);
  claim.source = XS_SOURCE_INDIVIDUAL;
  claim.absence = what->absence;
  claim.absence_months = what->months;
  random_date (demo->rand, XS_DEMO_YEAR, g_rand_int_range (demo->rand, 2, 12), &claim.date);

  if (!xs_claim_store_add (demo->db, &claim, error))
    return FALSE;

  materials = xs_rule_set_get_required_materials (rules, &claim);
  for (guint i = 0; materials != NULL && materials[i] != NULL; i++)
    {
      g_autofree char *body = NULL;
      g_autofree char *scan = NULL;
      const char *paths[2] = { NULL, NULL };

      if (stage == 0 && materials[i + 1] == NULL)
        break;   /* the draft still lacks its last material */

      body = g_strdup_printf ("兹证明 %s 同志（%s）参加“%s”。\n\n特此证明。\n\n%s\n2018年",
                              trainee->name, trainee->employer, what->title, trainee->employer);
      scan = make_scan (demo, xs_rule_set_get_material_name (rules, materials[i]), body, error);
      if (scan == NULL)
        return FALSE;
      paths[0] = scan;
      if (!xs_claim_store_attach (demo->db, claim.id, materials[i], paths, error))
        return FALSE;
    }

  if (stage == 0)
    return TRUE;
  if (!xs_claim_store_submit (demo->db, claim.id, error))
    return FALSE;
  if (stage == 2)
    return xs_claim_store_decide (demo->db, claim.id, XS_STATUS_APPROVED, NULL, "行业主管部门", error);
  if (stage == 3)
    return xs_claim_store_decide (demo->db, claim.id, XS_STATUS_REJECTED,
                                  "单位证明未加盖公章，请补充后重新申报。", "行业主管部门", error);
  return TRUE;
}

static gboolean
add_classes (Demo    *demo,
             GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (demo_classes); i++)
    {
      g_autoptr(XsTrainingClass) klass = xs_training_class_new ();

      klass->code = g_strdup (demo_classes[i].code);
      klass->name = g_strdup (demo_classes[i].name);
      klass->year = XS_DEMO_YEAR;
      klass->category = XS_CATEGORY_PROFESSIONAL;
      klass->hours = demo_classes[i].hours;
      g_date_set_dmy (&klass->start_date, 10, demo_classes[i].month, XS_DEMO_YEAR);
      g_date_set_dmy (&klass->end_date, 14, demo_classes[i].month, XS_DEMO_YEAR);
      if (!xs_class_store_add (demo->db, klass, error))
        return FALSE;
      g_ptr_array_add (demo->classes, g_steal_pointer (&klass));
    }
  return TRUE;
}

static gboolean
populate (Demo          *demo,
          guint          n_trainees,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(XsRuleSet) rules = xs_rule_set_for_year (XS_DEMO_YEAR, error);

  if (rules == NULL || !add_classes (demo, error))
    return FALSE;

  for (guint i = 0; i < n_trainees; i++)
    {
      g_autoptr(XsTrainee) trainee = xs_trainee_new ();
      int profile = g_rand_int_range (demo->rand, 0, 100);
      int route = g_rand_int_range (demo->rand, 0, 100);
      Field field;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!add_trainee (demo, i, trainee, &field, error)
          || !add_public_hours (demo, trainee, XS_DEMO_YEAR, profile, error))
        return FALSE;

      /* Some make up 2016's public hours during 2018's window. */
      if (route % 17 == 0 && !add_public_hours (demo, trainee, 2016, 0, error))
        return FALSE;

      /* Professional hours: the base's classes, then other routes. */
      if (route < 85 && !add_class_hours (demo, trainee, field, 0, route < 70, error))
        return FALSE;
      if (route < 45)
        {
          if (!add_class_hours (demo, trainee, field, 1, route < 35, error))
            return FALSE;
        }
      else if (route < 85)
        {
          const Achievement *what = &achievements[route % (G_N_ELEMENTS (achievements) - 1)];

          if (trainee->sex == XS_SEX_FEMALE && route % 9 == 0)
            what = &achievements[G_N_ELEMENTS (achievements) - 1];
          if (!add_achievement (demo, rules, trainee, what, route % 4, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
xs_demo_populate (XsDb          *db,
                  guint          n_trainees,
                  guint32        seed,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_training_class_free);
  g_autofree char *scan_dir = NULL;
  gint64 existing;
  Demo demo;
  gboolean ok;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);

  existing = xs_trainee_store_count (db, error);
  if (existing < 0)
    return FALSE;
  if (existing > 0)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("The database already has %lld trainees; the demo base goes into an empty one (use another data folder)."),
                   (long long) existing);
      return FALSE;
    }

  scan_dir = g_dir_make_tmp ("xueshi-demo-XXXXXX", error);
  if (scan_dir == NULL)
    return FALSE;

  demo = (Demo) { db, rand, scan_dir, 0, classes };

  if (!xs_db_begin (db, error))
    ok = FALSE;
  else if (!populate (&demo, n_trainees, cancellable, error))
    {
      xs_db_rollback (db);
      ok = FALSE;
    }
  else
    ok = xs_db_commit (db, error);

  /* The scans now live in the evidence store; remove the originals. */
  {
    g_autoptr(GDir) dir = g_dir_open (scan_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (scan_dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (scan_dir);
  }

  return ok;
}
