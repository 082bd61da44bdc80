/* xs-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-stats"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "xs-db-private.h"
#include "xs-rules.h"
#include "xs-stats.h"
#include "xs-output.h"

struct _XsStats
{
  GObject          parent_instance;

  int              year;
  XsStatsGrouping  grouping;
  GArray          *rows;      /* XsStatsRow */
  XsStatsRow       total;
  GStringChunk    *strings;
};

G_DEFINE_FINAL_TYPE (XsStats, xs_stats, G_TYPE_OBJECT)

static void
xs_stats_finalize (GObject *object)
{
  XsStats *self = (XsStats *) object;

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (xs_stats_parent_class)->finalize (object);
}

static void
xs_stats_class_init (XsStatsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_stats_finalize;
}

static void
xs_stats_init (XsStats *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (XsStatsRow));
  self->strings = g_string_chunk_new (4096);
}

/* Each trainee's approved hours and claims to complete (as in
 * xs-progress.c), judged against the requirements ?2..?5, then counted per
 * group. The two statements differ only in the grouping column, which
 * cannot be a bound value. Groups without a name come last. */
#define STATS_SQL(group_column) \
  "WITH per AS (" \
  "  SELECT " group_column " AS grp, " \
  "    coalesce (sum (c.hours) FILTER (WHERE c.status = 'approved' AND c.category = 'public'), 0) AS pub, " \
  "    coalesce (sum (c.hours) FILTER (WHERE c.status = 'approved' AND c.compulsory = 1), 0) AS comp, " \
  "    coalesce (sum (c.hours) FILTER (WHERE c.status = 'approved' AND c.category = 'professional'), 0) AS prof, " \
  "    count (*) FILTER (WHERE c.status = 'draft' OR c.status = 'rejected') AS todo " \
  "  FROM trainee t " \
  "  LEFT JOIN claim c ON c.trainee_id = t.id AND c.year = ?1 " \
  "  GROUP BY t.id), " \
  "judged AS (" \
  "  SELECT grp, todo, (pub >= ?2 AND comp >= ?3 AND prof >= ?4 AND pub + prof >= ?5) AS ok FROM per) " \
  "SELECT grp, count (*), count (*) FILTER (WHERE ok), count (*) FILTER (WHERE NOT ok AND todo > 0) " \
  "FROM judged GROUP BY grp ORDER BY grp = '', grp"

static const char by_employer_sql[] = STATS_SQL ("t.employer");
static const char by_county_sql[] = STATS_SQL ("coalesce (trim (t.county), '')");

XsStats *
xs_stats_compute (XsDb             *db,
                  int               year,
                  XsStatsGrouping   grouping,
                  GError          **error)
{
  g_autoptr(XsStats) self = NULL;
  g_autoptr(XsRuleSet) rules = NULL;
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (grouping == XS_STATS_BY_EMPLOYER || grouping == XS_STATS_BY_COUNTY, NULL);

  rules = xs_rule_set_for_year (year, error);
  if (rules == NULL)
    return NULL;

  self = g_object_new (XS_TYPE_STATS, NULL);
  self->year = year;
  self->grouping = grouping;

  stmt = _xs_db_prepare (db, grouping == XS_STATS_BY_EMPLOYER ? by_employer_sql : by_county_sql, error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_int (stmt, 1, year);
  _xs_db_bind_int (stmt, 2, xs_rule_set_get_required_public (rules));
  _xs_db_bind_int (stmt, 3, xs_rule_set_get_required_compulsory (rules));
  _xs_db_bind_int (stmt, 4, xs_rule_set_get_required_professional (rules));
  _xs_db_bind_int (stmt, 5, xs_rule_set_get_required_total (rules));

  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      XsStatsRow row;

      row.group = g_string_chunk_insert_const (self->strings, _xs_db_column_text (stmt, 0));
      row.trainees = (guint) _xs_db_column_int (stmt, 1);
      row.qualified = (guint) _xs_db_column_int (stmt, 2);
      row.missing_evidence = (guint) _xs_db_column_int (stmt, 3);
      row.in_progress = row.trainees - row.qualified - row.missing_evidence;
      g_array_append_val (self->rows, row);

      self->total.trainees += row.trainees;
      self->total.qualified += row.qualified;
      self->total.in_progress += row.in_progress;
      self->total.missing_evidence += row.missing_evidence;
    }
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

int
xs_stats_get_year (XsStats *self)
{
  g_return_val_if_fail (XS_IS_STATS (self), 0);
  return self->year;
}

XsStatsGrouping
xs_stats_get_grouping (XsStats *self)
{
  g_return_val_if_fail (XS_IS_STATS (self), XS_STATS_BY_EMPLOYER);
  return self->grouping;
}

guint
xs_stats_get_n_rows (XsStats *self)
{
  g_return_val_if_fail (XS_IS_STATS (self), 0);
  return self->rows->len;
}

const XsStatsRow *
xs_stats_get_row (XsStats *self,
                  guint    index)
{
  g_return_val_if_fail (XS_IS_STATS (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return &g_array_index (self->rows, XsStatsRow, index);
}

const XsStatsRow *
xs_stats_get_total (XsStats *self)
{
  g_return_val_if_fail (XS_IS_STATS (self), NULL);
  return &self->total;
}

/* XLSX
 *
 * The workbook is a report for the HR bureau and the industry departments,
 * who read Chinese whatever language the clerk's desktop uses: like the
 * certificates, its texts are Chinese, not translated. */

enum { COL_GROUP, COL_TRAINEES, COL_QUALIFIED, COL_IN_PROGRESS, COL_MISSING, COL_RATE, N_COLS };

typedef struct
{
  lxw_format *header;
  lxw_format *number;
  lxw_format *rate;
  lxw_format *total_text;
  lxw_format *total_number;
  lxw_format *total_rate;
} Formats;

static void
write_row (lxw_worksheet    *sheet,
           lxw_row_t         r,
           const char       *group,
           const XsStatsRow *row,
           lxw_format       *text_format,
           lxw_format       *number_format,
           lxw_format       *rate_format)
{
  worksheet_write_string (sheet, r, COL_GROUP, group, text_format);
  worksheet_write_number (sheet, r, COL_TRAINEES, row->trainees, number_format);
  worksheet_write_number (sheet, r, COL_QUALIFIED, row->qualified, number_format);
  worksheet_write_number (sheet, r, COL_IN_PROGRESS, row->in_progress, number_format);
  worksheet_write_number (sheet, r, COL_MISSING, row->missing_evidence, number_format);
  worksheet_write_number (sheet, r, COL_RATE,
                          row->trainees > 0 ? (double) row->qualified / row->trainees : 0.0,
                          rate_format);
}

static void
write_sheet (lxw_workbook  *book,
             XsStats       *stats,
             const Formats *formats)
{
  gboolean by_employer = stats->grouping == XS_STATS_BY_EMPLOYER;
  g_autofree char *name = g_strdup_printf ("%d年%s", stats->year, by_employer ? "按工作单位" : "按县区");
  lxw_worksheet *sheet = workbook_add_worksheet (book, name);
  const char *headers[N_COLS] = {
    by_employer ? "工作单位" : "县（区）", "学员人数", "已合格", "进行中", "缺少材料", "合格率",
  };
  lxw_row_t r = 0;

  worksheet_set_column (sheet, COL_GROUP, COL_GROUP, by_employer ? 36 : 18, NULL);
  worksheet_set_column (sheet, COL_TRAINEES, COL_RATE, 12, NULL);
  worksheet_freeze_panes (sheet, 1, 0);

  for (int c = 0; c < N_COLS; c++)
    worksheet_write_string (sheet, r, c, headers[c], formats->header);
  for (guint i = 0; i < stats->rows->len; i++)
    {
      const XsStatsRow *row = &g_array_index (stats->rows, XsStatsRow, i);

      write_row (sheet, ++r, *row->group != '\0' ? row->group : "（未填写）", row,
                 NULL, formats->number, formats->rate);
    }
  write_row (sheet, ++r, "合计", &stats->total, formats->total_text, formats->total_number,
             formats->total_rate);
}

static lxw_format *
add_format (lxw_workbook *book,
            gboolean      bold,
            const char   *num_format,
            gboolean      top_border)
{
  lxw_format *format = workbook_add_format (book);

  if (bold)
    format_set_bold (format);
  if (num_format != NULL)
    format_set_num_format (format, num_format);
  if (top_border)
    format_set_top (format, LXW_BORDER_THIN);
  return format;
}

gboolean
xs_stats_write_xlsx (GPtrArray   *sheets,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(XsOutput) output = NULL;
  const char *tmp_path;
  g_autofree char *tmp_dir = NULL;
  lxw_workbook_options options = { 0 };
  lxw_workbook *book;
  lxw_error status;
  Formats formats;

  g_return_val_if_fail (sheets != NULL && sheets->len > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A temporary file beside @path, moved over it once complete. */
  output = xs_output_new (path, XS_OUTPUT_PRIVATE, error);
  if (output == NULL)
    return FALSE;
  tmp_path = xs_output_get_temp_path (output);

  /* Constant memory: rows are streamed and strings are stored in the
   * sheets themselves. libxlsxwriter's own temporary files go to a private
   * folder. */
  tmp_dir = g_dir_make_tmp ("xueshi-xlsx-XXXXXX", error);
  if (tmp_dir == NULL)
    return FALSE;
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmp_dir;

  book = workbook_new_opt (tmp_path, &options);
  if (book == NULL)
    {
      g_rmdir (tmp_dir);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   g_strerror (ENOMEM));
      return FALSE;
    }

  formats.header = add_format (book, TRUE, NULL, FALSE);
  format_set_bg_color (formats.header, 0xDDEBF7);
  format_set_bottom (formats.header, LXW_BORDER_THIN);
  formats.number = add_format (book, FALSE, "0", FALSE);
  formats.rate = add_format (book, FALSE, "0.0%", FALSE);
  formats.total_text = add_format (book, TRUE, NULL, TRUE);
  formats.total_number = add_format (book, TRUE, "0", TRUE);
  formats.total_rate = add_format (book, TRUE, "0.0%", TRUE);

  for (guint i = 0; i < sheets->len; i++)
    write_sheet (book, g_ptr_array_index (sheets, i), &formats);

  status = workbook_close (book);
  g_rmdir (tmp_dir);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   lxw_strerror (status));
      return FALSE;
    }
  return xs_output_commit (output, error);
}

gboolean
xs_stats_export_xlsx (XsDb        *db,
                      int          year,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func (g_object_unref);
  XsStatsGrouping groupings[] = { XS_STATS_BY_EMPLOYER, XS_STATS_BY_COUNTY };

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (groupings); i++)
    {
      XsStats *stats = xs_stats_compute (db, year, groupings[i], error);

      if (stats == NULL)
        return FALSE;
      g_ptr_array_add (sheets, stats);
    }
  return xs_stats_write_xlsx (sheets, path, error);
}
