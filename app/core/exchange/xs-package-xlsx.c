/* xs-package-xlsx.c: roster.xlsx and hours.xlsx of a submission package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written with libxlsxwriter for reviewers who live in Excel: Chinese
 * headers (the reviewers' language, whatever the base's locale, so that the
 * bytes depend on the data only), identity numbers as text, set widths and
 * a frozen header row. libxlsxwriter stamps its ZIP members 1980-01-01; the
 * document's creation time is set to a fixed one.
 */
#define G_LOG_DOMAIN "xs-package"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "xs-package-private.h"

/* 2000-01-01T00:00:00Z: docProps/core.xml's created and modified */
#define FIXED_TIME ((time_t) 946684800)

typedef struct
{
  const char *header;
  double      width;
  gboolean    text;    /* stored and shown as text */
} Column;

static const Column roster_columns[] = {
  { "身份证号", 22, TRUE },
  { "姓名", 12, FALSE },
  { "性别", 6, FALSE },
  { "工作单位", 30, FALSE },
  { "职称", 16, FALSE },
  { "专业", 16, FALSE },
};

static const Column hours_columns[] = {
  { "申报编号", 14, TRUE },
  { "身份证号", 22, TRUE },
  { "姓名", 12, FALSE },
  { "工作单位", 30, FALSE },
  { "年度", 8, FALSE },
  { "科目类别", 10, FALSE },
  { "必修", 6, FALSE },
  { "类型", 28, FALSE },
  { "学时", 8, FALSE },
  { "项目名称", 36, FALSE },
  { "日期", 12, TRUE },
  { "来源", 14, FALSE },
  { "状态", 8, FALSE },
  { "证明材料", 10, FALSE },
};

typedef struct
{
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  lxw_format    *header;
  lxw_format    *text;
  lxw_format    *hours;
  char          *path;
} Book;

static void
book_clear (Book *book)
{
  /* a workbook not closed yet is written and freed here, then removed */
  if (book->workbook != NULL)
    workbook_close (book->workbook);
  if (book->path != NULL)
    g_unlink (book->path);
  g_free (book->path);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Book, book_clear)

static gboolean
book_open (Book          *book,
           const char    *tmpdir,
           const char    *name,
           const char    *sheet_name,
           const Column  *columns,
           guint          n_columns,
           GError       **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = (char *) tmpdir,
                                   .use_zip64 = LXW_FALSE };
  lxw_doc_properties properties = { .created = FIXED_TIME };

  book->path = g_build_filename (tmpdir, name, NULL);
  book->workbook = workbook_new_opt (book->path, &options);
  if (book->workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the workbook “%s”."), name);
      return FALSE;
    }
  workbook_set_properties (book->workbook, &properties);
  book->sheet = workbook_add_worksheet (book->workbook, sheet_name);
  book->header = workbook_add_format (book->workbook);
  format_set_bold (book->header);
  format_set_num_format (book->header, "@");
  book->text = workbook_add_format (book->workbook);
  format_set_num_format (book->text, "@");
  book->hours = workbook_add_format (book->workbook);
  format_set_num_format (book->hours, "0.0");

  for (guint i = 0; i < n_columns; i++)
    {
      worksheet_set_column (book->sheet, i, i, columns[i].width,
                            columns[i].text ? book->text : NULL);
      worksheet_write_string (book->sheet, 0, i, columns[i].header, book->header);
    }
  worksheet_freeze_panes (book->sheet, 1, 0);
  return TRUE;
}

static void
put (Book       *book,
     guint       row,
     guint       column,
     const char *text)
{
  if (text != NULL && *text != '\0')
    worksheet_write_string (book->sheet, row, column, text, book->text);
}

static GBytes *
book_finish (Book    *book,
             GError **error)
{
  lxw_workbook *workbook = g_steal_pointer (&book->workbook);
  lxw_error status = workbook_close (workbook);
  g_autofree char *name = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (status != LXW_NO_ERROR)
    {
      name = g_path_get_basename (book->path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the workbook “%s”: %s"), name, lxw_strerror (status));
      return NULL;
    }
  if (!g_file_get_contents (book->path, &contents, &length, error))
    return NULL;
  return g_bytes_new_take (contents, length);
}

GBytes *
_xs_package_write_roster (const XsPackageTrainee  *trainees,
                          guint                    n_trainees,
                          const char              *tmpdir,
                          GError                 **error)
{
  g_auto(Book) book = { 0 };

  if (!book_open (&book, tmpdir, XS_PACKAGE_ROSTER, "名单",
                  roster_columns, G_N_ELEMENTS (roster_columns), error))
    return NULL;

  for (guint i = 0; i < n_trainees; i++)
    {
      const XsPackageTrainee *t = &trainees[i];
      guint row = i + 1;

      put (&book, row, 0, t->id_number);
      put (&book, row, 1, t->name);
      put (&book, row, 2, g_strcmp0 (t->sex, "male") == 0 ? "男" : "女");
      put (&book, row, 3, t->employer);
      put (&book, row, 4, t->title);
      put (&book, row, 5, t->specialty);
    }
  return book_finish (&book, error);
}

static const char *
status_zh (XsStatus status)
{
  switch (status)
    {
    case XS_STATUS_DRAFT:
      return "草稿";
    case XS_STATUS_SUBMITTED:
      return "已提交";
    case XS_STATUS_APPROVED:
      return "已通过";
    case XS_STATUS_REJECTED:
      return "未通过";
    default:
      g_assert_not_reached ();
    }
}

GBytes *
_xs_package_write_hours (const XsPackageClaimRow *claims,
                         guint                    n_claims,
                         int                      year,
                         XsRuleSet               *rules,
                         const char              *tmpdir,
                         GError                 **error)
{
  g_auto(Book) book = { 0 };

  if (!book_open (&book, tmpdir, XS_PACKAGE_HOURS, "学时",
                  hours_columns, G_N_ELEMENTS (hours_columns), error))
    return NULL;

  for (guint i = 0; i < n_claims; i++)
    {
      const XsPackageClaim *c = &claims[i].claim;
      gboolean public = c->category == XS_CATEGORY_PUBLIC;
      guint row = i + 1;
      g_autofree char *kind = NULL;

      if (!public)
        {
          XsClaimKind *k = xs_rule_set_lookup_kind (rules, c->kind);

          kind = k != NULL ? g_strdup_printf ("%d %s", c->kind, xs_claim_kind_get_name_zh (k))
                           : g_strdup_printf ("%d", c->kind);
        }

      put (&book, row, 0, c->ref);
      put (&book, row, 1, c->id_number);
      put (&book, row, 2, c->name);
      put (&book, row, 3, c->employer);
      worksheet_write_number (book.sheet, row, 4, year, NULL);
      put (&book, row, 5, public ? "公需科目" : "专业科目");
      put (&book, row, 6, public ? (c->compulsory ? "是" : "否") : NULL);
      put (&book, row, 7, kind);
      worksheet_write_number (book.sheet, row, 8, c->hours / 10.0, book.hours);
      put (&book, row, 9, c->title);
      put (&book, row, 10, c->date);
      put (&book, row, 11, c->source == XS_SOURCE_BATCH ? "基地统一申报" : "个人申报");
      put (&book, row, 12, status_zh (c->status));
      worksheet_write_number (book.sheet, row, 13, c->n_evidence, NULL);
    }
  return book_finish (&book, error);
}
