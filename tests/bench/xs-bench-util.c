/* xs-bench-util.c: data generator and timing helpers for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-bench"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "xs-bench-util.h"
#include "xs-id-number.h"

/* ---- options and temporary directories ---------------------------------- */

static GPtrArray *tmpdirs;
static gboolean keep_tmpdirs;

void
xs_bench_init (int            *argc,
               char         ***argv,
               const char     *summary,
               GOptionEntry   *extra,
               XsBenchOptions *options)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int rows = XS_BENCH_DEFAULT_ROWS;
  GOptionEntry entries[] = {
    { "rows", 'n', 0, G_OPTION_ARG_INT, &rows,
      "Roster rows (hours rows are 10 times as many); default 100000", "N" },
    { "tmpdir", 0, 0, G_OPTION_ARG_FILENAME, &options->tmpdir,
      "Make the temporary directory in DIR (default $TMPDIR or /tmp)", "DIR" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &options->keep,
      "Keep the temporary directory (for profiling)", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, NULL);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (2);
    }
  if (rows < 1 || rows > 1000000)
    {
      g_printerr ("--rows must be between 1 and 1000000\n");
      exit (2);
    }
  options->rows = rows;
  keep_tmpdirs = options->keep;
}

void
xs_bench_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            xs_bench_remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

void
xs_bench_cleanup (void)
{
  if (tmpdirs == NULL)
    return;
  for (guint i = 0; i < tmpdirs->len; i++)
    {
      const char *path = g_ptr_array_index (tmpdirs, i);

      if (keep_tmpdirs)
        g_print ("# kept %s\n", path);
      else
        xs_bench_remove_tree (path);
    }
  g_clear_pointer (&tmpdirs, g_ptr_array_unref);
}

char *
xs_bench_make_tmpdir (const XsBenchOptions *options)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  if (options->tmpdir != NULL)
    {
      g_autofree char *template = g_build_filename (options->tmpdir, "xueshi-bench-XXXXXX", NULL);

      if (g_mkdir_with_parents (options->tmpdir, 0700) != 0 || g_mkdtemp (template) == NULL)
        g_error ("Cannot make a directory in %s: %s", options->tmpdir, g_strerror (errno));
      dir = g_steal_pointer (&template);
    }
  else
    {
      dir = g_dir_make_tmp ("xueshi-bench-XXXXXX", &error);
      if (dir == NULL)
        g_error ("Cannot make a temporary directory: %s", error->message);
    }

  if (tmpdirs == NULL)
    {
      tmpdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (xs_bench_cleanup);
    }
  g_ptr_array_add (tmpdirs, g_strdup (dir));
  return dir;
}

/* ---- timing ------------------------------------------------------------- */

double
xs_bench_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
xs_bench_median (double *values,
                 gsize   n)
{
  g_return_val_if_fail (values != NULL && n > 0, 0);

  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

gboolean
xs_bench_time_command (const char * const *argv,
                       const char         *cwd,
                       double             *seconds,
                       GError            **error)
{
  g_autofree char *err = NULL;
  int status = 0;
  double start;

  start = xs_bench_now ();
  if (!g_spawn_sync (cwd, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, error))
    return FALSE;
  *seconds = xs_bench_now () - start;

  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s: %s", argv[0], err ? err : "");
      return FALSE;
    }
  if (err != NULL && *err != '\0')
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s: %s", argv[0], err);
      return FALSE;
    }
  return TRUE;
}

/* ---- the generator ------------------------------------------------------ */

/* Deterministic per-(trainee, slot) choices, so that the hours file can be
 * written slot by slot without keeping state per row. */
static guint64
mix (guint64 x)
{
  /* splitmix64 */
  x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return x ^ (x >> 31);
}

static guint
pick (guint64 seed,
      guint   a,
      guint   b,
      guint   n)
{
  return (guint) (mix (seed ^ mix (((guint64) a << 32) | b)) % n);
}

#define N_ELEMENTS(a) G_N_ELEMENTS (a)

static const char * const regions[] = { "411102", "411103", "411104", "411121", "411122" };
static const char * const counties[] = { "源汇区", "郾城区", "召陵区", "舞阳县", "临颍县" };

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
  "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
  "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹",
  "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵",
  "万", "钱", "严", "武", "戴", "孔", "汤", "欧阳", "司马", "诸葛",
};

static const char * const male_chars[] = {
  "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华",
  "飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林",
  "建", "国", "志", "海", "峰", "亮", "成", "东", "文", "晓", "振", "永", "卫", "新", "红",
};

static const char * const female_chars[] = {
  "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "桂", "英", "丹", "萍", "红",
  "玉", "兰", "婷", "雪", "琳", "莉", "倩", "颖", "慧", "佳", "欣", "悦", "梅", "琴", "云",
  "洁", "蕾", "晶", "瑶", "婉", "秀", "月", "萌", "晓", "春",
};

typedef struct
{
  const char * const *city_employers;
  guint               n_city_employers;
  const char * const *county_employers;   /* appended to the county's name */
  guint               n_county_employers;
  const char * const *titles;
  guint               n_titles;
  const char * const *specialties;
  guint               n_specialties;
  const char * const *courses;            /* exactly N_COURSES */
} Domain;

#define N_COURSES 12
#define N_PROFESSIONAL 6    /* professional rows per trainee */

static const char * const med_city[] = {
  "漯河市中心医院", "漯河市第二人民医院", "漯河市第三人民医院", "漯河市中医院",
  "漯河市妇幼保健院", "漯河市疾病预防控制中心", "漯河医学高等专科学校第一附属医院",
  "漯河市第六人民医院",
};
static const char * const med_county[] = { "人民医院", "中医院", "妇幼保健院", "疾病预防控制中心" };
static const char * const med_titles[] = {
  "住院医师", "主治医师", "副主任医师", "主任医师", "护师", "主管护师", "副主任护师",
  "药师", "主管药师", "主管检验师",
};
static const char * const med_specialties[] = {
  "内科", "外科", "儿科", "妇产科", "护理", "药学", "医学检验", "医学影像", "中医内科", "公共卫生",
};
static const char * const med_courses[N_COURSES] = {
  "临床诊疗指南解读", "合理用药与处方点评", "医院感染预防与控制", "急危重症救治进展",
  "医疗纠纷防范与处理", "护理质量与安全管理", "慢性病规范化管理", "心肺复苏技能培训",
  "医学影像诊断新进展", "传染病防治法规与实务", "基层常见病诊疗规范", "循证医学与临床研究方法",
};

static const char * const edu_city[] = {
  "漯河市高级中学", "漯河市第一高级中学", "漯河市第二高级中学", "漯河实验高中",
  "漯河市第五高级中学", "漯河职业技术学院", "漯河食品职业学院", "漯河医学高等专科学校",
};
static const char * const edu_county[] = { "第一高级中学", "实验中学", "实验小学", "第一初级中学", "第二初级中学" };
static const char * const edu_titles[] = {
  "二级教师", "一级教师", "高级教师", "正高级教师", "讲师", "副教授",
};
static const char * const edu_specialties[] = {
  "语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "思想政治", "体育",
  "音乐", "美术", "信息技术",
};
static const char * const edu_courses[N_COURSES] = {
  "新课程标准解读", "课堂教学设计与实施", "信息技术与学科教学融合", "班主任工作专题",
  "学生心理健康教育", "教育科研方法", "高考评价体系与命题研究", "作业设计与评价",
  "教师职业道德规范", "校园安全管理", "核心素养导向的教学", "家校共育实务",
};

static const char * const eng_city[] = {
  "漯河市建筑设计研究院", "漯河市水利勘测设计院", "漯河市市政工程管理处", "漯河市公路管理局",
  "漯河市城乡规划设计院", "漯河市建设工程质量监督站", "国网漯河供电公司", "河南双汇投资发展股份有限公司",
};
static const char * const eng_county[] = { "水利局", "住房和城乡建设局", "交通运输局" };
static const char * const eng_titles[] = {
  "助理工程师", "工程师", "高级工程师", "正高级工程师",
};
static const char * const eng_specialties[] = {
  "土木工程", "水利水电工程", "给排水工程", "道路与桥梁", "电气工程", "机械工程",
  "食品工程", "城乡规划", "工程造价", "环境工程",
};
static const char * const eng_courses[N_COURSES] = {
  "建设工程质量安全管理", "装配式建筑技术", "BIM技术应用", "海绵城市建设",
  "水利工程建设标准", "工程造价管理实务", "建筑节能与绿色建筑", "安全生产法规",
  "食品安全标准与检测", "电力系统运行与维护", "智能制造技术", "环境影响评价",
};

static const char * const agr_city[] = {
  "漯河市农业科学院", "漯河市农业技术推广站", "漯河市畜牧兽医站", "漯河市林业技术推广站",
  "漯河市气象局", "漯河市植物保护站",
};
static const char * const agr_county[] = { "农业农村局", "农业技术推广中心", "畜牧兽医服务中心", "林业局" };
static const char * const agr_titles[] = {
  "助理农艺师", "农艺师", "高级农艺师", "兽医师", "高级兽医师", "林业工程师",
};
static const char * const agr_specialties[] = {
  "农学", "植物保护", "土壤肥料", "园艺", "畜牧", "兽医", "林学", "农业经济",
};
static const char * const agr_courses[N_COURSES] = {
  "小麦绿色高产栽培技术", "玉米病虫害综合防治", "高标准农田建设", "非洲猪瘟防控技术",
  "农产品质量安全", "测土配方施肥", "设施蔬菜栽培技术", "农业机械化新技术",
  "乡村振兴战略与实践", "林业有害生物防治", "智慧农业与物联网", "农药减量增效技术",
};

static const char * const eco_city[] = {
  "漯河市财政局", "漯河市统计局", "漯河市审计局", "漯河市人力资源和社会保障局",
  "漯河市市场监督管理局", "国家税务总局漯河市税务局", "中国银行漯河分行", "漯河农村商业银行",
};
static const char * const eco_county[] = { "财政局", "统计局", "审计局" };
static const char * const eco_titles[] = {
  "助理会计师", "会计师", "高级会计师", "助理经济师", "经济师", "高级经济师", "统计师", "审计师",
};
static const char * const eco_specialties[] = {
  "会计", "财务管理", "统计", "审计", "金融", "人力资源管理", "工商管理", "税务",
};
static const char * const eco_courses[N_COURSES] = {
  "政府会计制度实务", "新个人所得税法解读", "行政事业单位内部控制规范", "管理会计应用指引",
  "财政预算绩效管理", "统计调查制度与方法", "审计准则与实务", "金融风险防控",
  "企业所得税汇算清缴", "人力资源管理实务", "大数据与财务分析", "国有资产管理",
};

#define DOMAIN(p) { p##_city, N_ELEMENTS (p##_city), p##_county, N_ELEMENTS (p##_county), \
                    p##_titles, N_ELEMENTS (p##_titles), p##_specialties, N_ELEMENTS (p##_specialties), \
                    p##_courses }

static const Domain domains[] = {
  DOMAIN (med), DOMAIN (edu), DOMAIN (eng), DOMAIN (agr), DOMAIN (eco),
};

/* Public subjects of 2018: three compulsory courses of 8 hours (24, the
 * compulsory requirement) and one elective. */
static const char * const compulsory_courses[] = {
  "2018年公需科目必修课：专业技术人员职业道德与诚信建设",
  "2018年公需科目必修课：专业技术人员创新能力与创新思维",
  "2018年公需科目必修课：专业技术人员心理健康与压力管理",
};
static const char * const elective_courses[] = {
  "2018年公需科目选修课：“一带一路”建设与河南发展",
  "2018年公需科目选修课：大数据时代的信息安全",
  "2018年公需科目选修课：人工智能与经济社会发展",
  "2018年公需科目选修课：生态文明建设",
  "2018年公需科目选修课：知识产权保护",
  "2018年公需科目选修课：公共安全与应急管理",
  "2018年公需科目选修课：健康中国战略",
  "2018年公需科目选修课：乡村振兴战略解读",
};

/* Tenths; plausible class lengths. */
static const int professional_hours[] = { 80, 100, 100, 120, 125, 60 };
static const int elective_hours[] = { 40, 60, 60 };

typedef struct
{
  char     id_number[19];
  char    *name;
  guint8   domain;
  guint8   sex;       /* XS_SEX_* */
} Trainee;

#define SEED G_GUINT64_CONSTANT (20180323)

static void
make_id_number (GRand      *rand,
                GHashTable *used,
                XsSex       sex,
                char        out[19])
{
  /* 1960-01-01 … 1999-12-31 */
  static guint32 first = 0, last = 0;

  if (first == 0)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1960);
      first = g_date_get_julian (&date);
      g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1999);
      last = g_date_get_julian (&date);
    }

  for (;;)
    {
      GDate birth;
      guint sequence;

      g_date_clear (&birth, 1);
      g_date_set_julian (&birth, g_rand_int_range (rand, first, last + 1));
      /* the 17th digit is odd for men, even for women */
      sequence = (guint) g_rand_int_range (rand, 0, 500) * 2 + (sex == XS_SEX_MALE ? 1 : 0);
      g_snprintf (out, 19, "%s%04u%02u%02u%03u",
                  regions[g_rand_int_range (rand, 0, N_ELEMENTS (regions))],
                  g_date_get_year (&birth), g_date_get_month (&birth), g_date_get_day (&birth),
                  sequence);
      if (g_hash_table_contains (used, out))
        continue;
      out[17] = xs_id_number_compute_check (out);
      out[18] = '\0';
      g_hash_table_add (used, g_strndup (out, 17));
      return;
    }
}

static char *
make_name (GRand *rand,
           XsSex  sex)
{
  const char * const *chars = sex == XS_SEX_MALE ? male_chars : female_chars;
  guint n = sex == XS_SEX_MALE ? N_ELEMENTS (male_chars) : N_ELEMENTS (female_chars);
  const char *surname = surnames[g_rand_int_range (rand, 0, N_ELEMENTS (surnames))];

  if (g_rand_int_range (rand, 0, 10) < 4)
    return g_strconcat (surname, chars[g_rand_int_range (rand, 0, n)], NULL);
  return g_strconcat (surname, chars[g_rand_int_range (rand, 0, n)],
                      chars[g_rand_int_range (rand, 0, n)], NULL);
}

static int
county_of (const char *id_number)
{
  for (guint i = 0; i < N_ELEMENTS (regions); i++)
    if (strncmp (id_number, regions[i], 6) == 0)
      return i;
  return 0;
}

static gboolean
write_failed (const char  *path,
              GError     **error)
{
  int saved = errno;

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               "Cannot write %s: %s", path, g_strerror (saved));
  return FALSE;
}

static FILE *
open_for_writing (const char  *path,
                  GError     **error)
{
  FILE *file = g_fopen (path, "wb");

  if (file == NULL)
    {
      write_failed (path, error);
      return NULL;
    }
  setvbuf (file, NULL, _IOFBF, 1 << 20);
  return file;
}

static gboolean
close_file (FILE        *file,
            const char  *path,
            GError     **error)
{
  if (ferror (file))
    {
      fclose (file);
      errno = EIO;
      return write_failed (path, error);
    }
  if (fclose (file) != 0)
    return write_failed (path, error);
  return TRUE;
}

static gboolean
write_roster (const char  *path,
              Trainee     *trainees,
              guint        n,
              GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  FILE *file = open_for_writing (path, error);

  if (file == NULL)
    return FALSE;

  fputs ("姓名,身份证号,工作单位,性别,职称,专业,县区,手机号\r\n", file);

  for (guint i = 0; i < n; i++)
    {
      Trainee *t = &trainees[i];
      const Domain *d;
      const char *county;
      g_autofree char *employer = NULL;
      char phone[16] = "";

      t->sex = g_rand_boolean (rand) ? XS_SEX_MALE : XS_SEX_FEMALE;
      t->domain = (guint8) g_rand_int_range (rand, 0, N_ELEMENTS (domains));
      make_id_number (rand, used, t->sex, t->id_number);
      t->name = make_name (rand, t->sex);
      d = &domains[t->domain];
      county = counties[county_of (t->id_number)];

      if (g_rand_boolean (rand))
        employer = g_strdup (d->city_employers[g_rand_int_range (rand, 0, d->n_city_employers)]);
      else
        employer = g_strconcat (county, d->county_employers[g_rand_int_range (rand, 0, d->n_county_employers)], NULL);

      /* one in ten left the phone empty */
      if (g_rand_int_range (rand, 0, 10) != 0)
        {
          static const char second[] = "35789";

          g_snprintf (phone, sizeof phone, "1%c%09u", second[g_rand_int_range (rand, 0, 5)],
                      (guint) g_rand_int_range (rand, 0, 1000000000));
        }

      fprintf (file, "%s,%s,%s,%s,%s,%s,%s,%s\r\n",
               t->name, t->id_number, employer,
               t->sex == XS_SEX_MALE ? "男" : "女",
               d->titles[g_rand_int_range (rand, 0, d->n_titles)],
               d->specialties[g_rand_int_range (rand, 0, d->n_specialties)],
               county, phone);
    }

  return close_file (file, path, error);
}

static void
format_hours (int   tenths,
              char *out,
              gsize size)
{
  if (tenths % 10 == 0)
    g_snprintf (out, size, "%d", tenths / 10);
  else
    g_snprintf (out, size, "%d.%d", tenths / 10, tenths % 10);
}

/* A date in 2018, written the ways clerks write dates. Public study
 * dates fall from 2018-03-01 on, when the city's platform opened (the
 * rules refuse earlier ones). */
static void
format_date (guint64   r,
             gboolean  is_public,
             char     *out,
             gsize     size)
{
  const guint march_first = 31 + 28;
  GDate date;
  guint day_of_year = is_public ? march_first + (guint) (r % (365 - march_first)) : (guint) (r % 365);
  guint style = (guint) ((r >> 20) % 10);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, XS_BENCH_YEAR);
  g_date_add_days (&date, day_of_year);

  if (style < 8)
    g_snprintf (out, size, "%04d-%02d-%02d", XS_BENCH_YEAR, g_date_get_month (&date), g_date_get_day (&date));
  else if (style == 8)
    g_snprintf (out, size, "%d/%d/%d", XS_BENCH_YEAR, g_date_get_month (&date), g_date_get_day (&date));
  else
    g_snprintf (out, size, "%d年%d月%d日", XS_BENCH_YEAR, g_date_get_month (&date), g_date_get_day (&date));
}

/* Slot 0–2: compulsory public, 3: elective public, 4–9: professional. The
 * file is written slot by slot (a base submits class after class), so each
 * trainee's claims are spread over the whole file. */
static gboolean
write_hours (const char  *path,
             Trainee     *trainees,
             guint        n,
             GError     **error)
{
  FILE *file = open_for_writing (path, error);

  G_STATIC_ASSERT (XS_BENCH_HOURS_PER_ROW == 4 + N_PROFESSIONAL);

  if (file == NULL)
    return FALSE;

  fputs ("身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\r\n", file);

  for (guint slot = 0; slot < XS_BENCH_HOURS_PER_ROW; slot++)
    for (guint i = 0; i < n; i++)
      {
        const Trainee *t = &trainees[i];
        guint64 r = mix (SEED ^ mix (((guint64) i << 8) | slot));
        char date[32], hours[16];

        format_date (r, slot < 4, date, sizeof date);

        if (slot < 3)
          {
            format_hours (80, hours, sizeof hours);
            fprintf (file, "%s,%s,%d,公需科目,是,%s,,%s,%s\r\n",
                     t->id_number, t->name, XS_BENCH_YEAR, hours,
                     compulsory_courses[slot], date);
          }
        else if (slot == 3)
          {
            format_hours (elective_hours[(r >> 32) % N_ELEMENTS (elective_hours)], hours, sizeof hours);
            fprintf (file, "%s,%s,%d,公需科目,否,%s,,%s,%s\r\n",
                     t->id_number, t->name, XS_BENCH_YEAR, hours,
                     elective_courses[(r >> 40) % N_ELEMENTS (elective_courses)], date);
          }
        else
          {
            /* six distinct courses: offset + stride × j, stride prime to 12 */
            static const guint strides[] = { 1, 5, 7, 11 };
            guint offset = pick (SEED, i, 1000, N_COURSES);
            guint stride = strides[pick (SEED, i, 1001, N_ELEMENTS (strides))];
            guint course = (offset + stride * (slot - 4)) % N_COURSES;

            format_hours (professional_hours[(r >> 32) % N_ELEMENTS (professional_hours)],
                          hours, sizeof hours);
            fprintf (file, "%s,%s,%d,专业科目,,%s,%d,%d年%s专题培训班,%s\r\n",
                     t->id_number, t->name, XS_BENCH_YEAR, hours,
                     ((r >> 40) % 10) < 7 ? 1 : 2,
                     XS_BENCH_YEAR, domains[t->domain].courses[course], date);
          }
      }

  return close_file (file, path, error);
}

gboolean
xs_bench_generate (const char  *roster_path,
                   const char  *hours_path,
                   guint        n_trainees,
                   GError     **error)
{
  Trainee *trainees = g_new0 (Trainee, n_trainees);
  gboolean ok;

  ok = write_roster (roster_path, trainees, n_trainees, error)
       && (hours_path == NULL || write_hours (hours_path, trainees, n_trainees, error));

  for (guint i = 0; i < n_trainees; i++)
    g_free (trainees[i].name);
  g_free (trainees);
  return ok;
}
