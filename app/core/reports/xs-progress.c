/* xs-progress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-progress"

#include "config.h"

#include "xs-db-private.h"
#include "xs-progress.h"

struct _XsProgress
{
  GObject        parent_instance;

  int            year;
  XsRuleSet     *rules;
  GArray        *rows;      /* XsProgressRow */
  GStringChunk  *strings;   /* the rows' texts */
};

G_DEFINE_FINAL_TYPE (XsProgress, xs_progress, G_TYPE_OBJECT)

static void
xs_progress_finalize (GObject *object)
{
  XsProgress *self = (XsProgress *) object;

  g_clear_object (&self->rules);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (xs_progress_parent_class)->finalize (object);
}

static void
xs_progress_class_init (XsProgressClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_progress_finalize;
}

static void
xs_progress_init (XsProgress *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (XsProgressRow));
  self->strings = g_string_chunk_new (64 * 1024);
}

gboolean
xs_progress_row_is_qualified (const XsProgressRow *row,
                              XsRuleSet           *rules)
{
  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (XS_IS_RULE_SET (rules), FALSE);

  return row->public_hours >= xs_rule_set_get_required_public (rules)
         && row->compulsory >= xs_rule_set_get_required_compulsory (rules)
         && row->professional >= xs_rule_set_get_required_professional (rules)
         && row->total >= xs_rule_set_get_required_total (rules);
}

/* One pass over the year's claims, grouped per trainee; trainees without
 * claims come out with zeros. ?2 is NULL for everyone. FILTER clauses are
 * cheaper than CASE inside the aggregates (measured: 1.18 → 1.03 against a
 * hand-written query, tests/bench). */
static const char progress_sql[] =
  "SELECT t.id, t.id_number, t.name, t.employer, "
  "  coalesce (sum (c.hours) FILTER (WHERE c.status = 'approved' AND c.category = 'public'), 0), "
  "  coalesce (sum (c.hours) FILTER (WHERE c.status = 'approved' AND c.compulsory = 1), 0), "
  "  coalesce (sum (c.hours) FILTER (WHERE c.status = 'approved' AND c.category = 'professional'), 0), "
  "  coalesce (sum (c.hours) FILTER (WHERE c.status = 'submitted' AND c.category = 'public'), 0), "
  "  coalesce (sum (c.hours) FILTER (WHERE c.status = 'submitted' AND c.compulsory = 1), 0), "
  "  coalesce (sum (c.hours) FILTER (WHERE c.status = 'submitted' AND c.category = 'professional'), 0), "
  "  count (*) FILTER (WHERE c.status = 'draft' OR c.status = 'rejected') "
  "FROM trainee t "
  "LEFT JOIN claim c ON c.trainee_id = t.id AND c.year = ?1 "
  "WHERE ?2 IS NULL OR t.id_number = ?2 "
  "GROUP BY t.id "
  "ORDER BY t.id";

XsProgress *
xs_progress_compute (XsDb        *db,
                     int          year,
                     const char  *id_number,
                     GError     **error)
{
  g_autoptr(XsProgress) self = NULL;
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  self = g_object_new (XS_TYPE_PROGRESS, NULL);
  self->year = year;
  self->rules = xs_rule_set_for_year (year, error);
  if (self->rules == NULL)
    return NULL;

  stmt = _xs_db_prepare (db, progress_sql, error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_int (stmt, 1, year);
  _xs_db_bind_text (stmt, 2, id_number);

  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      XsProgressRow row;

      row.trainee_id = _xs_db_column_int64 (stmt, 0);
      row.id_number = g_string_chunk_insert_len (self->strings, _xs_db_column_text (stmt, 1),
                                                 _xs_db_column_length (stmt, 1));
      row.name = g_string_chunk_insert_len (self->strings, _xs_db_column_text (stmt, 2),
                                            _xs_db_column_length (stmt, 2));
      row.employer = g_string_chunk_insert_const (self->strings, _xs_db_column_text (stmt, 3));
      row.public_hours = _xs_db_column_int (stmt, 4);
      row.compulsory = _xs_db_column_int (stmt, 5);
      row.professional = _xs_db_column_int (stmt, 6);
      row.pending_public = _xs_db_column_int (stmt, 7);
      row.pending_compulsory = _xs_db_column_int (stmt, 8);
      row.pending_professional = _xs_db_column_int (stmt, 9);
      {
        int cap = xs_rule_set_get_required_public (self->rules);
        int credited = MIN (row.public_hours, cap);

        row.total = credited + row.professional;
        row.pending_total = MIN (row.public_hours + row.pending_public, cap) - credited
                            + row.pending_professional;
      }
      row.n_to_complete = _xs_db_column_int (stmt, 10);
      row.qualified = xs_progress_row_is_qualified (&row, self->rules);
      g_array_append_val (self->rows, row);
    }

  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

int
xs_progress_get_year (XsProgress *self)
{
  g_return_val_if_fail (XS_IS_PROGRESS (self), 0);
  return self->year;
}

XsRuleSet *
xs_progress_get_rule_set (XsProgress *self)
{
  g_return_val_if_fail (XS_IS_PROGRESS (self), NULL);
  return self->rules;
}

guint
xs_progress_get_n_rows (XsProgress *self)
{
  g_return_val_if_fail (XS_IS_PROGRESS (self), 0);
  return self->rows->len;
}

const XsProgressRow *
xs_progress_get_row (XsProgress *self,
                     guint       index)
{
  g_return_val_if_fail (XS_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return &g_array_index (self->rows, XsProgressRow, index);
}

guint
xs_progress_count_qualified (XsProgress *self)
{
  guint n = 0;

  g_return_val_if_fail (XS_IS_PROGRESS (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    n += g_array_index (self->rows, XsProgressRow, i).qualified;
  return n;
}
