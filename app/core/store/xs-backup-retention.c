/* xs-backup-retention.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which backups are kept: by age, like a grandfather-father-son rotation,
 * plus every copy made before a migration or a restore.
 */
#define G_LOG_DOMAIN "xs-backup"

#include "config.h"

#include "xs-backup-private.h"

gboolean
xs_backup_is_protected (const XsBackup *backup)
{
  g_return_val_if_fail (backup != NULL, FALSE);

  return backup->reason != NULL && g_str_has_prefix (backup->reason, "before-");
}

/* Days since 0001-01-01 of @time's local date. */
static gint64
day_number (GDateTime *time)
{
  g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (time),
                                          g_date_time_get_month (time),
                                          g_date_time_get_year (time));

  return g_date_get_julian (date);
}

/* The Monday-based week of @day (a day number). */
static gint64
week_number (gint64 day)
{
  /* Julian day 1 (0001-01-01) was a Monday. */
  return (day - 1) / 7;
}

static gint64
month_number (GDateTime *time)
{
  return (gint64) g_date_time_get_year (time) * 12 + g_date_time_get_month (time) - 1;
}

gboolean *
_xs_backup_retained (GPtrArray *backups,
                     GDateTime *now)
{
  gboolean *kept = g_new0 (gboolean, MAX (backups->len, 1));
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) weeks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 today = day_number (now);
  gint64 this_week = week_number (today);
  gint64 this_month = month_number (now);

  /* Newest first: the first copy met in a period is that period's newest. */
  for (guint i = 0; i < backups->len; i++)
    {
      XsBackup *backup = g_ptr_array_index (backups, i);
      gint64 day = day_number (backup->time);
      gint64 week = week_number (day);
      gint64 month = month_number (backup->time);

      if (xs_backup_is_protected (backup) || i == 0 || day > today)
        {
          /* The newest copy, and one dated ahead (a clock set back), are
           * never the ones to lose. */
          kept[i] = TRUE;
          continue;
        }
      if (today - day < XS_BACKUP_KEEP_DAYS
          && !g_hash_table_contains (days, &day))
        {
          g_hash_table_add (days, g_memdup2 (&day, sizeof day));
          kept[i] = TRUE;
        }
      if (this_week - week < XS_BACKUP_KEEP_WEEKS
          && !g_hash_table_contains (weeks, &week))
        {
          g_hash_table_add (weeks, g_memdup2 (&week, sizeof week));
          kept[i] = TRUE;
        }
      if (this_month - month < XS_BACKUP_KEEP_MONTHS
          && !g_hash_table_contains (months, &month))
        {
          g_hash_table_add (months, g_memdup2 (&month, sizeof month));
          kept[i] = TRUE;
        }
    }
  return kept;
}
