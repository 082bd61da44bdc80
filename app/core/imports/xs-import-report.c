/* xs-import-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-import-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xs-import-report.h"

struct _XsImportReport
{
  GObject     parent_instance;

  char       *file_name;
  char       *encoding;
  char      **header;
  GPtrArray  *rows;
  guint       counts[XS_ROW_REJECTED + 1];
  guint       n_drafts;    /* added rows that became drafts */
  gboolean    committed;
  gboolean    dry_run;
  gint64      import_id;
  guint       n_omitted;
};

G_DEFINE_FINAL_TYPE (XsImportReport, xs_import_report, G_TYPE_OBJECT)

static void
xs_import_row_free (XsImportRow *row)
{
  g_free (row->summary);
  g_free (row->name);
  g_free (row->masked_id);
  g_strfreev (row->cells);
  if (row->id_number != NULL)
    explicit_bzero (row->id_number, strlen (row->id_number));
  g_free (row->id_number);
  g_free (row);
}

static void
xs_import_report_finalize (GObject *object)
{
  XsImportReport *self = (XsImportReport *) object;

  g_free (self->file_name);
  g_free (self->encoding);
  g_strfreev (self->header);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (xs_import_report_parent_class)->finalize (object);
}

static void
xs_import_report_class_init (XsImportReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_import_report_finalize;
}

static void
xs_import_report_init (XsImportReport *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_import_row_free);
}

XsImportReport *
xs_import_report_new (const char *file_name)
{
  XsImportReport *self = g_object_new (XS_TYPE_IMPORT_REPORT, NULL);

  self->file_name = g_strdup (file_name);
  return self;
}

void
xs_import_report_add (XsImportReport *self,
                      guint           row,
                      XsRowOutcome    outcome,
                      const char     *summary)
{
  XsImportRow *entry;

  g_return_if_fail (XS_IS_IMPORT_REPORT (self));
  g_return_if_fail (outcome <= XS_ROW_REJECTED);

  self->counts[outcome]++;
  /* A preview shows the first rows of each outcome and counts the rest,
   * so that memory does not grow with the file (a file of a million
   * refused rows included). */
  if (self->counts[outcome] > XS_IMPORT_REPORT_MAX_KEPT)
    {
      self->n_omitted++;
      return;
    }

  entry = g_new0 (XsImportRow, 1);
  entry->row = row;
  entry->outcome = outcome;
  entry->summary = g_strdup (summary);
  g_ptr_array_add (self->rows, entry);
}

void
xs_import_report_add_rejected (XsImportReport     *self,
                               guint               row,
                               const char         *reason,
                               const char         *name,
                               const char         *masked_id,
                               const char * const *cells,
                               const char         *id_number)
{
  XsImportRow *entry;

  g_return_if_fail (XS_IS_IMPORT_REPORT (self));
  g_return_if_fail (reason != NULL);

  xs_import_report_add (self, row, XS_ROW_REJECTED, reason);
  entry = g_ptr_array_index (self->rows, self->rows->len - 1);
  entry->name = g_strdup (name != NULL ? name : "");
  entry->masked_id = g_strdup (masked_id != NULL ? masked_id : "");
  entry->cells = g_strdupv ((char **) cells);
  entry->id_number = g_strdup (id_number);
}

void
xs_import_report_set_header (XsImportReport     *self,
                             const char * const *header)
{
  g_return_if_fail (XS_IS_IMPORT_REPORT (self));

  g_strfreev (self->header);
  self->header = g_strdupv ((char **) header);
}

const char * const *
xs_import_report_get_header (XsImportReport *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_REPORT (self), NULL);
  return (const char * const *) self->header;
}

void
xs_import_report_set_import_id (XsImportReport *self,
                                gint64          import_id)
{
  g_return_if_fail (XS_IS_IMPORT_REPORT (self));
  self->import_id = import_id;
}

gint64
xs_import_report_get_import_id (XsImportReport *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_REPORT (self), 0);
  return self->import_id;
}

guint
xs_import_report_get_n_omitted (XsImportReport *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_REPORT (self), 0);
  return self->n_omitted;
}

void
xs_import_report_set_committed (XsImportReport *self,
                                gboolean        committed)
{
  g_return_if_fail (XS_IS_IMPORT_REPORT (self));
  self->committed = committed;
}

void
xs_import_report_set_dry_run (XsImportReport *self,
                              gboolean        dry_run)
{
  g_return_if_fail (XS_IS_IMPORT_REPORT (self));
  self->dry_run = dry_run;
}

void
xs_import_report_set_encoding (XsImportReport *self,
                               const char     *encoding)
{
  g_return_if_fail (XS_IS_IMPORT_REPORT (self));
  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
}

const char *
xs_import_report_get_file_name (XsImportReport *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_REPORT (self), NULL);
  return self->file_name;
}

const char *
xs_import_report_get_encoding (XsImportReport *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_REPORT (self), NULL);
  return self->encoding;
}

gboolean
xs_import_report_get_committed (XsImportReport *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_REPORT (self), FALSE);
  return self->committed;
}

guint
xs_import_report_get_count (XsImportReport *self,
                            XsRowOutcome    outcome)
{
  g_return_val_if_fail (XS_IS_IMPORT_REPORT (self), 0);
  g_return_val_if_fail (outcome <= XS_ROW_REJECTED, 0);
  return self->counts[outcome];
}

GPtrArray *
xs_import_report_get_rows (XsImportReport *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_REPORT (self), NULL);
  return self->rows;
}

char *
xs_import_report_format_summary (XsImportReport *self)
{
  gboolean counted;

  g_return_val_if_fail (XS_IS_IMPORT_REPORT (self), NULL);

  counted = self->committed || self->dry_run;

  /* The summary line is read by scripts: keep it untranslated. A dry run
   * reports what an import would do. */
  if (self->n_drafts > 0)
    return g_strdup_printf ("imported %u, updated %u, rejected %u; %u of them drafts waiting for materials%s",
                            counted ? self->counts[XS_ROW_ADDED] : 0,
                            counted ? self->counts[XS_ROW_UPDATED] : 0,
                            self->counts[XS_ROW_REJECTED],
                            counted ? self->n_drafts : 0,
                            self->dry_run ? " (dry run: nothing written)" : "");
  return g_strdup_printf ("imported %u, updated %u, rejected %u%s",
                          counted ? self->counts[XS_ROW_ADDED] : 0,
                          counted ? self->counts[XS_ROW_UPDATED] : 0,
                          self->counts[XS_ROW_REJECTED],
                          self->dry_run ? " (dry run: nothing written)" : "");
}

char *
xs_import_report_format_rejections (XsImportReport *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (XS_IS_IMPORT_REPORT (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      XsImportRow *row = g_ptr_array_index (self->rows, i);

      if (row->outcome == XS_ROW_REJECTED)
        g_string_append_printf (out, "%s:%u: %s\n", self->file_name, row->row, row->summary);
    }
  if (self->counts[XS_ROW_REJECTED] > XS_IMPORT_REPORT_MAX_KEPT)
    {
      guint more = self->counts[XS_ROW_REJECTED] - XS_IMPORT_REPORT_MAX_KEPT;

      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%s: and %u more row refused, not listed; correct the rows above and import again to see it.\n",
                                                "%s: and %u more rows refused, not listed; correct the rows above and import again to see them.\n",
                                                more),
                              self->file_name, more);
    }
  return g_string_free (out, FALSE);
}

void
xs_import_report_count_draft (XsImportReport *self)
{
  g_return_if_fail (XS_IS_IMPORT_REPORT (self));
  self->n_drafts++;
}

guint
xs_import_report_get_n_drafts (XsImportReport *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_REPORT (self), 0);
  return self->n_drafts;
}
