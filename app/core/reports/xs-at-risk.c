/* xs-at-risk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who is at risk of not qualifying, judged on a reference date (today):
 *
 * - What a trainee lacks is, per requirement of the year's rule set
 *   (compulsory public, public, professional, total), the required hours
 *   minus approved and submitted hours: submitted hours are counted as if
 *   they will be approved, so a trainee whose hours all await review lacks
 *   nothing and is not at risk. "Still needed" is the fewest further hours
 *   that meet every requirement at once.
 * - Their pace is the approved and submitted hours of the year per elapsed
 *   month: months are measured in days (day of the year, the reference day
 *   included, × 12 / days in the year). Before one month has passed (in
 *   January) the pace divides by 1 month, not by less.
 * - In the year itself, a trainee is at risk when pace × remaining months
 *   < still needed. In January anyone with no hours yet is therefore at
 *   risk: at a pace of nothing they never finish. On 31 December the
 *   remaining months are 0 and everyone who still needs hours is at risk.
 * - For a past year, everyone who still needs hours is at risk. The year is
 *   closed, unless its public hours can still be made up: the 2018 notice
 *   lets public hours of years before 2018 be made up from 2018-03-01 to
 *   2018-12-30 (补学时间安排), so 2017 is closed only after 2018-12-30. For
 *   a future year nobody is at risk: it has not begun.
 * - Qualified trainees (approved hours meet every requirement) have no
 *   entry.
 */
#define G_LOG_DOMAIN "xs-at-risk"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xs-at-risk.h"
#include "xs-evidence-text.h"
#include "xs-date.h"

struct _XsAtRisk
{
  GObject     parent_instance;

  XsProgress *progress;
  GArray     *entries;    /* XsAtRiskEntry */
  int        *by_row;     /* progress row -> entry index, -1 when qualified */
  char       *date;
  gboolean    closed;
  char       *makeup_until; /* ISO, while a past year's public hours can be made up */
  /* The entries' summaries, once per distinct lack: a base's trainees
   * mostly lack the same few amounts (everyone everything, early on). */
  GHashTable *summaries;  /* SummaryKey → char * */
};

typedef struct
{
  int compulsory;
  int public_hours;
  int professional;
  int still_needed;
} SummaryKey;

static guint
summary_key_hash (gconstpointer data)
{
  const SummaryKey *key = data;

  return (((guint) key->compulsory * 31u + (guint) key->public_hours) * 31u
          + (guint) key->professional) * 31u + (guint) key->still_needed;
}

static gboolean
summary_key_equal (gconstpointer a,
                   gconstpointer b)
{
  return memcmp (a, b, sizeof (SummaryKey)) == 0;
}

G_DEFINE_FINAL_TYPE (XsAtRisk, xs_at_risk, G_TYPE_OBJECT)

static void
clear_entry (gpointer data)
{
  XsAtRiskEntry *entry = data;

  /* the summary belongs to the summaries' table */
  g_free ((char *) entry->scan_problem);
}

static void
xs_at_risk_finalize (GObject *object)
{
  XsAtRisk *self = (XsAtRisk *) object;

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->by_row, g_free);
  g_clear_pointer (&self->summaries, g_hash_table_unref);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->makeup_until, g_free);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (xs_at_risk_parent_class)->finalize (object);
}

static void
xs_at_risk_class_init (XsAtRiskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_at_risk_finalize;
}

static void
xs_at_risk_init (XsAtRisk *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (XsAtRiskEntry));
  g_array_set_clear_func (self->entries, clear_entry);
  self->summaries = g_hash_table_new_full (summary_key_hash, summary_key_equal, g_free, g_free);
}

typedef enum
{
  PIECE_COMPULSORY,
  PIECE_PUBLIC,
  PIECE_PROFESSIONAL,
  PIECE_EITHER,
} Piece;

/* "6 compulsory public hours", with the hours formatted as everywhere. */
static char *
format_piece (Piece piece,
              int   tenths)
{
  g_autofree char *hours = xs_hours_format (tenths);
  gulong n = tenths == 10 ? 1 : 2;

  switch (piece)
    {
    case PIECE_COMPULSORY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s compulsory public hour",
                                           "%s compulsory public hours", n), hours);
    case PIECE_PUBLIC:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s more public hour",
                                           "%s more public hours", n), hours);
    case PIECE_PROFESSIONAL:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s professional hour",
                                           "%s professional hours", n), hours);
    case PIECE_EITHER:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s more hour of either kind",
                                           "%s more hours of either kind", n), hours);
    }
}

static char *
describe (const XsAtRiskEntry *entry)
{
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (g_free);
  int more_public = MAX (0, entry->lack_public - entry->lack_compulsory);
  int either = entry->still_needed - MAX (entry->lack_public, entry->lack_compulsory)
               - entry->lack_professional;
  g_autofree char *list = NULL;

  if (entry->lack_compulsory > 0)
    g_ptr_array_add (pieces, format_piece (PIECE_COMPULSORY, entry->lack_compulsory));
  if (more_public > 0)
    g_ptr_array_add (pieces, format_piece (PIECE_PUBLIC, more_public));
  if (entry->lack_professional > 0)
    g_ptr_array_add (pieces, format_piece (PIECE_PROFESSIONAL, entry->lack_professional));
  if (either > 0)
    g_ptr_array_add (pieces, format_piece (PIECE_EITHER, either));

  if (pieces->len == 0)
    return g_strdup (_("lacks nothing once the submitted hours are approved"));

  list = g_strdup (g_ptr_array_index (pieces, 0));
  for (guint i = 1; i < pieces->len; i++)
    {
      char *joined;

      if (i + 1 < pieces->len)
        /* Translators: joins the items of a list but the last */
        joined = g_strdup_printf (_("%s, %s"), list, (const char *) g_ptr_array_index (pieces, i));
      else
        /* Translators: joins the last item of a list */
        joined = g_strdup_printf (_("%s and %s"), list, (const char *) g_ptr_array_index (pieces, i));
      g_free (list);
      list = joined;
    }
  /* Translators: %s lists hours, "6 compulsory public hours and 12 professional hours" */
  return g_strdup_printf (_("lacks %s"), list);
}

static void
judge (XsAtRiskEntry *entry,
       int            year,
       const GDate   *today)
{
  const XsProgressRow *row = entry->row;
  int ref_year = g_date_get_year (today);
  gint64 done = (gint64) row->total + row->pending_total;
  gint64 elapsed_days, remaining_days, days_in_year, divisor;

  if (year > ref_year)
    {
      /* The year has not begun. */
      entry->projected = 0;
      entry->at_risk = FALSE;
      return;
    }
  if (year < ref_year)
    {
      /* The year is over: whatever is still needed will not come. */
      entry->projected = 0;
      entry->at_risk = entry->still_needed > 0;
      return;
    }

  days_in_year = g_date_is_leap_year (year) ? 366 : 365;
  elapsed_days = g_date_get_day_of_year (today);
  remaining_days = days_in_year - elapsed_days;
  /* 12 × elapsed months in days, at least one month. */
  divisor = MAX (12 * elapsed_days, days_in_year);

  /* pace × remaining months = done / (12 × elapsed / D) × (12 × remaining / D)
   *                        = 12 × done × remaining / (12 × elapsed) */
  entry->projected = (int) (12 * done * remaining_days / divisor);
  entry->at_risk = 12 * done * remaining_days < (gint64) entry->still_needed * divisor;
}

/* What @entry lacks in words: the same for every entry that lacks the
 * same, made once. */
static const char *
summary_for (XsAtRisk            *self,
             const XsAtRiskEntry *entry)
{
  SummaryKey key = { entry->lack_compulsory, entry->lack_public,
                     entry->lack_professional, entry->still_needed };
  char *summary = g_hash_table_lookup (self->summaries, &key);

  if (summary != NULL)
    return summary;
  summary = describe (entry);
  if (self->makeup_until != NULL && MAX (entry->lack_public, entry->lack_compulsory) > 0)
    {
      char *with_makeup = g_strdup_printf (_("%s; public hours can be made up until %s"),
                                           summary, self->makeup_until);

      g_free (summary);
      summary = with_makeup;
    }
  g_hash_table_insert (self->summaries, g_memdup2 (&key, sizeof key), summary);
  return summary;
}

XsAtRisk *
xs_at_risk_new (XsProgress  *progress,
                const GDate *today)
{
  g_autoptr(XsAtRisk) self = NULL;
  XsRuleSet *rules;
  GDate now;
  guint n;
  int year;

  g_return_val_if_fail (XS_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);

  if (today == NULL)
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      today = &now;
    }

  self = g_object_new (XS_TYPE_AT_RISK, NULL);
  self->progress = g_object_ref (progress);
  self->date = xs_date_to_iso (today);
  rules = xs_progress_get_rule_set (progress);
  year = xs_progress_get_year (progress);
  n = xs_progress_get_n_rows (progress);
  if (year < (int) g_date_get_year (today))
    {
      GDate from, to;

      /* a year before the set's own is made up in the set's window */
      if (year < xs_rule_set_get_year (rules)
          && xs_rule_set_get_makeup_window (rules, &from, &to)
          && g_date_compare (today, &to) <= 0)
        self->makeup_until = xs_date_to_iso (&to);
      else
        self->closed = TRUE;
    }
  self->by_row = g_new (int, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const XsProgressRow *row = xs_progress_get_row (progress, i);
      XsAtRiskEntry entry = { 0 };
      int public_need;

      if (row->qualified)
        {
          self->by_row[i] = -1;
          continue;
        }

      entry.row = row;
      entry.row_index = i;
      entry.lack_compulsory = MAX (0, xs_rule_set_get_required_compulsory (rules)
                                      - row->compulsory - row->pending_compulsory);
      entry.lack_public = MAX (0, xs_rule_set_get_required_public (rules)
                                  - row->public_hours - row->pending_public);
      entry.lack_professional = MAX (0, xs_rule_set_get_required_professional (rules)
                                        - row->professional - row->pending_professional);
      entry.lack_total = MAX (0, xs_rule_set_get_required_total (rules)
                                 - row->total - row->pending_total);
      /* Compulsory hours are public hours; the total takes either kind. */
      public_need = MAX (entry.lack_public, entry.lack_compulsory);
      entry.still_needed = MAX (entry.lack_total, public_need + entry.lack_professional);
      judge (&entry, year, today);
      entry.summary = summary_for (self, &entry);

      self->by_row[i] = (int) self->entries->len;
      g_array_append_val (self->entries, entry);
    }

  return g_steal_pointer (&self);
}

XsAtRisk *
xs_at_risk_compute (XsDb        *db,
                    int          year,
                    const GDate *today,
                    GError     **error)
{
  g_autoptr(XsProgress) progress = NULL;
  g_autoptr(XsAtRisk) at_risk = NULL;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  progress = xs_progress_compute (db, year, NULL, error);
  if (progress == NULL)
    return NULL;
  at_risk = xs_at_risk_new (progress, today);
  if (!xs_at_risk_add_scan_problems (at_risk, db, error))
    return NULL;
  return g_steal_pointer (&at_risk);
}

gboolean
xs_at_risk_add_scan_problems (XsAtRisk  *self,
                              XsDb      *db,
                              GError   **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) by_trainee = NULL;

  g_return_val_if_fail (XS_IS_AT_RISK (self), FALSE);
  g_return_val_if_fail (XS_IS_DB (db), FALSE);

  problems = xs_evidence_text_problems (db, xs_progress_get_year (self->progress), 0, error);
  if (problems == NULL)
    return FALSE;
  by_trainee = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < problems->len; i++)
    {
      XsScanProblem *problem = g_ptr_array_index (problems, i);

      if (!g_hash_table_contains (by_trainee, &problem->trainee_id))
        g_hash_table_insert (by_trainee, &problem->trainee_id, problem->text);
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      XsAtRiskEntry *entry = &g_array_index (self->entries, XsAtRiskEntry, i);
      const char *text = g_hash_table_lookup (by_trainee, &entry->row->trainee_id);

      g_free ((char *) entry->scan_problem);
      entry->scan_problem = g_strdup (text);
    }
  return TRUE;
}

XsProgress *
xs_at_risk_get_progress (XsAtRisk *self)
{
  g_return_val_if_fail (XS_IS_AT_RISK (self), NULL);
  return self->progress;
}

const char *
xs_at_risk_get_date (XsAtRisk *self)
{
  g_return_val_if_fail (XS_IS_AT_RISK (self), NULL);
  return self->date;
}

guint
xs_at_risk_get_n_entries (XsAtRisk *self)
{
  g_return_val_if_fail (XS_IS_AT_RISK (self), 0);
  return self->entries->len;
}

const XsAtRiskEntry *
xs_at_risk_get_entry (XsAtRisk *self,
                      guint     index)
{
  g_return_val_if_fail (XS_IS_AT_RISK (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return &g_array_index (self->entries, XsAtRiskEntry, index);
}

const XsAtRiskEntry *
xs_at_risk_lookup_row (XsAtRisk *self,
                       guint     row_index)
{
  g_return_val_if_fail (XS_IS_AT_RISK (self), NULL);
  g_return_val_if_fail (row_index < xs_progress_get_n_rows (self->progress), NULL);

  if (self->by_row[row_index] < 0)
    return NULL;
  return &g_array_index (self->entries, XsAtRiskEntry, self->by_row[row_index]);
}

guint
xs_at_risk_count_at_risk (XsAtRisk *self)
{
  guint n = 0;

  g_return_val_if_fail (XS_IS_AT_RISK (self), 0);

  for (guint i = 0; i < self->entries->len; i++)
    n += g_array_index (self->entries, XsAtRiskEntry, i).at_risk;
  return n;
}

gboolean
xs_at_risk_get_closed (XsAtRisk *self)
{
  g_return_val_if_fail (XS_IS_AT_RISK (self), FALSE);
  return self->closed;
}

const char *
xs_at_risk_get_makeup_until (XsAtRisk *self)
{
  g_return_val_if_fail (XS_IS_AT_RISK (self), NULL);
  return self->makeup_until;
}
