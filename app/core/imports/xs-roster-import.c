/* xs-roster-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-roster-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xs-date.h"
#include "xs-id-number.h"
#include "xs-import-log-private.h"
#include "xs-import-private.h"
#include "xs-phone.h"
#include "xs-roster-import.h"
#include "xs-trainee-store.h"

enum {
  COL_NAME,
  COL_ID_NUMBER,
  COL_EMPLOYER,
  COL_SEX,
  COL_TITLE,
  COL_SPECIALTY,
  COL_COUNTY,
  COL_PHONE,
  N_COLS
};

static const XsColumnSpec roster_columns[N_COLS] = {
  [COL_NAME] = { "姓名|name", TRUE },
  [COL_ID_NUMBER] = { XS_IMPORT_ID_NUMBER_ALIASES, TRUE },
  [COL_EMPLOYER] = { "工作单位|单位|单位名称|工作单位名称|所在单位|employer", TRUE },
  [COL_SEX] = { "性别|sex", FALSE },
  [COL_TITLE] = { "职称|专业技术职务|专业技术职称|职称名称|title", FALSE },
  [COL_SPECIALTY] = { "专业|所学专业|从事专业|现从事专业|specialty", FALSE },
  [COL_COUNTY] = { "县区|所在县区|所属县区|县（区）|县(区)|county", FALSE },
  [COL_PHONE] = { "手机号|手机|手机号码|联系电话|电话|联系方式|phone", FALSE },
};

/* The identity numbers seen in the file, with the row of each, for
 * duplicate rows: a normalized number (17 digits and a check character,
 * 0-9 or X) packed into 60 bits, in an open-addressing table of two plain
 * arrays (12 bytes a slot, at most seven eighths full): no allocation per
 * row. The table is sized for the rows the file's length suggests and
 * grows by half when full, so a roster of a million rows takes about
 * 14 MB, not the 24 to 36 MB of a table that doubles. */
typedef struct
{
  guint64 *keys;    /* 0: empty */
  guint32 *rows;
  gsize    size;    /* slots */
  gsize    n;
} SeenSet;

/* Bytes a roster row takes at least, for the first guess of its rows. */
#define SEEN_BYTES_PER_ROW 96

static guint64
seen_key (const char *id_number)
{
  guint64 key = 0;

  for (guint i = 0; i < 17; i++)
    key = key * 10 + (guint64) (id_number[i] - '0');
  return key * 11 + (id_number[17] == 'X' ? 10 : (guint64) (id_number[17] - '0')) + 1;
}

static gsize
seen_slot (const SeenSet *set,
           guint64        key)
{
  /* The hash's high 32 bits scaled to the table's size (any size). */
  guint64 hash = key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  gsize slot = (gsize) (((hash >> 32) * (guint64) set->size) >> 32);

  while (set->keys[slot] != 0 && set->keys[slot] != key)
    if (++slot == set->size)
      slot = 0;
  return slot;
}

static void
seen_init (SeenSet *set,
           gsize    slots)
{
  set->size = MAX (slots, 64);
  /* Written now, not zero pages that each first write would copy. */
  set->keys = g_new (guint64, set->size);
  memset (set->keys, 0, set->size * sizeof (guint64));
  set->rows = g_new (guint32, set->size);
  set->n = 0;
}

static void
seen_clear (SeenSet *set)
{
  g_clear_pointer (&set->keys, g_free);
  g_clear_pointer (&set->rows, g_free);
}

/* The row where @key was first seen, or 0 after adding it with @row. */
static guint
seen_add (SeenSet *set,
          guint64  key,
          guint    row)
{
  gsize slot = seen_slot (set, key);

  if (set->keys[slot] == key)
    return set->rows[slot];

  set->keys[slot] = key;
  set->rows[slot] = row;
  if (++set->n * 8 > set->size * 7)
    {
      SeenSet old = *set;

      seen_init (set, old.size + old.size / 2);
      for (gsize i = 0; i < old.size; i++)
        if (old.keys[i] != 0)
          {
            gsize to = seen_slot (set, old.keys[i]);

            set->keys[to] = old.keys[i];
            set->rows[to] = old.rows[i];
            set->n++;
          }
      seen_clear (&old);
    }
  return 0;
}

typedef struct
{
  SeenSet seen;
} RosterState;

static char *
masked_summary (const char *name,
                const char *id_number)
{
  g_autofree char *masked = xs_id_number_mask (id_number);

  return g_strdup_printf ("%s %s", name, masked);
}

/* Refuses the row (returning TRUE) when @text is too long or holds a
 * control character or an invisible direction mark. Such a character is
 * never part of a name or an employer: it comes from a pasted web page or
 * is put there to disguise the text on a terminal or in a list (U+202E
 * shows "abc" as "cba"). The row is refused rather than cleaned, so that
 * what is stored is exactly what the clerk can see and correct in the
 * spreadsheet. The checks are those of a trainee entered by hand
 * (xs-roster-add.c). */
static gboolean
control_refused (XsImportRowContext *context,
                 const char         *text,
                 const char         *column)
{
  GError *error = NULL;

  if (_xs_roster_check_control (text, column, TRUE, &error))
    return FALSE;
  return _xs_import_reject (context, error);
}

static gboolean
text_refused (XsImportRowContext *context,
              const char         *text,
              const char         *column)
{
  GError *error = NULL;

  if (_xs_roster_check_text (text, column, TRUE, &error))
    return FALSE;
  return _xs_import_reject (context, error);
}

/* The field of an optional column: whether the row sets it (the column
 * is there, and the cell is not empty or empty cells clear), and to what. */
static gboolean
optional_field (XsImportRowContext  *context,
                guint                column,
                const char         **text)
{
  if (context->columns[column] < 0)
    return FALSE;
  *text = _xs_import_field (context, column);
  return **text != '\0' || (context->flags & XS_IMPORT_CLEAR_EMPTY) != 0;
}

static void
append_change (GString    *out,
               const char *label,
               const char *before,
               const char *after,
               gboolean    phone)
{
  g_autofree char *masked_before = NULL;
  g_autofree char *masked_after = NULL;

  if (g_strcmp0 (before, after) == 0)
    return;
  if (phone)
    {
      before = masked_before = before != NULL ? xs_phone_mask (before) : NULL;
      after = masked_after = after != NULL ? xs_phone_mask (after) : NULL;
    }
  g_string_append_printf (out, "%s%s %s → %s", out->len > 0 ? "; " : "", label,
                          before != NULL ? before : _("(empty)"),
                          after != NULL ? after : _("(empty)"));
}

/* "name 410***********1234: 职称 工程师 → 高级工程师; …" */
static char *
changes_summary (const XsTrainee *before,
                 const XsTrainee *after)
{
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *masked = xs_id_number_mask (after->id_number);

  append_change (changes, C_("roster column", "Name"), before->name, after->name, FALSE);
  append_change (changes, C_("roster column", "Employer"), before->employer, after->employer, FALSE);
  append_change (changes, C_("roster column", "Title"), before->title, after->title, FALSE);
  append_change (changes, C_("roster column", "Specialty"), before->specialty, after->specialty, FALSE);
  append_change (changes, C_("roster column", "County"), before->county, after->county, FALSE);
  append_change (changes, C_("roster column", "Phone"), before->phone, after->phone, TRUE);
  return g_strdup_printf ("%s %s: %s", after->name, masked, changes->str);
}

static gboolean
import_roster_row (XsImportRowContext  *context,
                   gpointer             user_data,
                   GError             **error)
{
  RosterState *state = user_data;
  g_auto(XsTrainee) trainee = { 0 };
  guint first_row;
  g_autoptr(XsTrainee) previous = NULL;
  g_autoptr(GError) local_error = NULL;
  XsTraineeField fields = 0;
  XsUpsertResult result;
  const char *text;

  g_date_clear (&trainee.birth_date, 1);

  trainee.id_number = xs_id_number_normalize (_xs_import_field (context, COL_ID_NUMBER), &local_error);
  if (trainee.id_number == NULL)
    return _xs_import_reject (context, g_steal_pointer (&local_error));

  first_row = seen_add (&state->seen, seen_key (trainee.id_number), context->row);
  if (first_row != 0)
    {
      g_autofree char *masked = xs_id_number_mask (trainee.id_number);

      return _xs_import_reject_printf (context,
                                       _("The identity number %s is already in row %u of this file."),
                                       masked, first_row);
    }

  text = _xs_import_field (context, COL_NAME);
  if (*text == '\0')
    return _xs_import_reject_printf (context, _("The name is empty."));
  if (text_refused (context, text, N_("name")))
    return TRUE;
  trainee.name = g_strdup (text);

  text = _xs_import_field (context, COL_EMPLOYER);
  if (*text == '\0')
    return _xs_import_reject_printf (context, _("The employer (工作单位) is empty."));
  if (text_refused (context, text, N_("employer")))
    return TRUE;
  trainee.employer = g_strdup (text);

  trainee.sex = xs_id_number_get_sex (trainee.id_number);
  xs_id_number_get_birth_date (trainee.id_number, &trainee.birth_date);

  text = _xs_import_field (context, COL_SEX);
  if (*text != '\0')
    {
      XsSex sex;

      /* As a spreadsheet has it nearly always; anything else is folded
       * (全角, English, 男性) by xs_sex_from_string(). */
      if (strcmp (text, "男") == 0)
        sex = XS_SEX_MALE;
      else if (strcmp (text, "女") == 0)
        sex = XS_SEX_FEMALE;
      else if (!xs_sex_from_string (text, &sex))
        return _xs_import_reject_printf (context, _("The sex “%s” is not 男 or 女."), text);
      if (sex != trainee.sex)
        return _xs_import_reject_printf (context,
                                         trainee.sex == XS_SEX_MALE
                                         ? _("The sex says 女 but the identity number is a man’s; check both.")
                                         : _("The sex says 男 but the identity number is a woman’s; check both."));
    }

  /* A column the file lacks changes nothing; an empty cell keeps the
   * stored value unless the clerk asked empty cells to clear it. */
  if (optional_field (context, COL_PHONE, &text))
    {
      fields |= XS_TRAINEE_FIELD_PHONE;
      if (*text != '\0')
        {
          trainee.phone = xs_phone_normalize (text, &local_error);
          if (trainee.phone == NULL)
            return _xs_import_reject (context, g_steal_pointer (&local_error));
        }
    }
  if (optional_field (context, COL_TITLE, &text))
    {
      if (control_refused (context, text, N_("title")))
        return TRUE;
      fields |= XS_TRAINEE_FIELD_TITLE;
      trainee.title = *text ? g_strdup (text) : NULL;
    }
  if (optional_field (context, COL_SPECIALTY, &text))
    {
      if (control_refused (context, text, N_("specialty")))
        return TRUE;
      fields |= XS_TRAINEE_FIELD_SPECIALTY;
      trainee.specialty = *text ? g_strdup (text) : NULL;
    }
  if (optional_field (context, COL_COUNTY, &text))
    {
      if (control_refused (context, text, N_("county")))
        return TRUE;
      fields |= XS_TRAINEE_FIELD_COUNTY;
      trainee.county = *text ? g_strdup (text) : NULL;
    }

  if (!xs_trainee_store_merge (context->db, &trainee, fields, context->import_id, &previous, &result, error))
    return FALSE;

  if (result == XS_UPSERT_UPDATED)
    {
      g_autofree char *summary = changes_summary (previous, &trainee);

      if (!_xs_import_log_save_trainee (context->db, context->import_id, previous, error))
        return FALSE;
      xs_import_report_add (context->report, context->row, XS_ROW_UPDATED, summary);
    }
  else
    {
      XsRowOutcome outcome = result == XS_UPSERT_CREATED ? XS_ROW_ADDED : XS_ROW_UNCHANGED;
      g_autofree char *summary = NULL;

      /* Beyond what the report keeps, a row is counted: no summary to make. */
      if (xs_import_report_get_count (context->report, outcome) < XS_IMPORT_REPORT_MAX_KEPT)
        summary = masked_summary (trainee.name, trainee.id_number);
      xs_import_report_add (context->report, context->row, outcome, summary);
    }
  return TRUE;
}

XsImportReport *
xs_roster_import (XsDb            *db,
                  const char      *path,
                  const char      *encoding,
                  XsImportFlags    flags,
                  GCancellable    *cancellable,
                  XsProgressFunc   progress,
                  gpointer         progress_data,
                  GError         **error)
{
  RosterState state = { 0 };
  XsImportReport *report;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  {
    GStatBuf st;
    gsize guess = 0;

    if (g_stat (path, &st) == 0 && st.st_size > 0)
      guess = (gsize) MIN ((guint64) st.st_size / SEEN_BYTES_PER_ROW, G_MAXUINT32);
    seen_init (&state.seen, guess + guess / 7 + 1);
  }
  report = _xs_import_run (db, "roster", path, encoding, flags,
                           roster_columns, N_COLS, import_roster_row, &state,
                           cancellable, progress, progress_data, error);
  seen_clear (&state.seen);
  return report;
}
