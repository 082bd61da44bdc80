/* xs-import-rejected.c: the rejected rows of an import, written back as a
 * workbook for whoever made the file to correct
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-import-report"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "xs-import-report.h"
#include "xs-output.h"

/* Every cell as text: an identity number written as a number is what
 * spoiled many of these rows in the first place. */
static void
write_cells (lxw_worksheet      *sheet,
             lxw_row_t           r,
             const char * const *cells,
             guint               n_columns,
             const char         *last,
             lxw_format         *format)
{
  guint n = cells != NULL ? g_strv_length ((char **) cells) : 0;

  for (guint c = 0; c < n_columns; c++)
    {
      const char *text = c < n ? cells[c] : "";

      /* A cell that is not UTF-8 is left empty rather than spoil the file. */
      if (*text != '\0' && g_utf8_validate (text, -1, NULL))
        worksheet_write_string (sheet, r, (lxw_col_t) c, text, format);
    }
  worksheet_write_string (sheet, r, (lxw_col_t) n_columns, last, format);
}

gboolean
xs_import_report_write_rejected (XsImportReport  *self,
                                 const char      *path,
                                 GError         **error)
{
  g_autoptr(XsOutput) output = NULL;
  g_autofree char *tmp_dir = NULL;
  const char * const *header;
  GPtrArray *rows;
  lxw_workbook_options options = { 0 };
  lxw_workbook *book;
  lxw_worksheet *sheet;
  lxw_format *bold, *text;
  lxw_error status;
  guint n_columns = 0;
  guint n_rejected = 0;
  lxw_row_t r = 0;

  g_return_val_if_fail (XS_IS_IMPORT_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  rows = xs_import_report_get_rows (self);
  header = xs_import_report_get_header (self);
  if (header != NULL)
    n_columns = g_strv_length ((char **) header);
  for (guint i = 0; i < rows->len; i++)
    {
      XsImportRow *row = g_ptr_array_index (rows, i);

      if (row->outcome != XS_ROW_REJECTED)
        continue;
      n_rejected++;
      if (row->cells != NULL)
        n_columns = MAX (n_columns, g_strv_length (row->cells));
    }
  if (n_rejected == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s has no rejected rows to save."), xs_import_report_get_file_name (self));
      return FALSE;
    }

  output = xs_output_new (path, XS_OUTPUT_PRIVATE, error);
  if (output == NULL)
    return FALSE;
  tmp_dir = g_dir_make_tmp ("xueshi-xlsx-XXXXXX", error);
  if (tmp_dir == NULL)
    return FALSE;
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmp_dir;
  book = workbook_new_opt (xs_output_get_temp_path (output), &options);
  if (book == NULL)
    {
      g_rmdir (tmp_dir);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   g_strerror (ENOMEM));
      return FALSE;
    }
  /* Translators: the name of the sheet of rejected rows (at most 31 characters) */
  sheet = workbook_add_worksheet (book, _("Rejected rows"));
  bold = workbook_add_format (book);
  format_set_bold (bold);
  format_set_num_format (bold, "@");
  text = workbook_add_format (book);
  format_set_num_format (text, "@");
  worksheet_set_column (sheet, 0, (lxw_col_t) n_columns, 18, text);

  /* Translators: the heading of the column that says why a row was rejected */
  write_cells (sheet, r++, header, n_columns, _("Reason"), bold);
  for (guint i = 0; i < rows->len; i++)
    {
      XsImportRow *row = g_ptr_array_index (rows, i);

      if (row->outcome == XS_ROW_REJECTED)
        write_cells (sheet, r++, (const char * const *) row->cells, n_columns, row->summary, text);
    }

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
