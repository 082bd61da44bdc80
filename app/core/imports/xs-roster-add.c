/* xs-roster-add.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person the hours sheet names but the roster lacks is added by hand,
 * with the same checks as a row of a roster file, and recorded as a
 * roster import of one row: the imports list, the History, undo-import
 * and the window's Undo toast all treat it as any import.
 */
#define G_LOG_DOMAIN "xs-roster-add"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xs-date.h"
#include "xs-db-private.h"
#include "xs-id-number.h"
#include "xs-import-log-private.h"
#include "xs-import-private.h"
#include "xs-import-report.h"
#include "xs-phone.h"
#include "xs-roster-add.h"
#include "xs-roster-import.h"
#include "xs-safe-text.h"

/* Longest name or employer a clerk plausibly types (as in a roster file). */
#define MAX_TEXT_CHARS 100

/* What maybe_control() needs of a byte, looked up once per byte rather
 * than compared eight times: whether it begins a character, and whether
 * it is or begins a control character (or is never in UTF-8, or ends the
 * text). */
enum
{
  BYTE_STARTS = 1 << 0,   /* ASCII or a lead byte: one character more */
  BYTE_STOP   = 1 << 1,   /* a control character's, one never in UTF-8, or NUL */
};

/* S stops the scan: a C0 control (NUL ends the text) or DEL; the lead
 * bytes C0 and C1 (never in UTF-8), C2 (U+0080-U+00BF, with the C1
 * controls), D8 (U+0600-U+063F, with U+061C) and E2 (U+2000-U+2FFF, with
 * U+200E-U+2069); F5-FF (never in UTF-8). 1: ASCII or another lead byte,
 * 0: a continuation byte. */
#define S BYTE_STOP
static const guint8 byte_classes[256] = {
  S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,  /* 00 */
  S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,  /* 10 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 20 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 30 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 40 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 50 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 60 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, S,  /* 70 */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 80 */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 90 */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* A0 */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* B0 */
  S, S, S, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* C0 */
  1, 1, 1, 1, 1, 1, 1, 1, S, 1, 1, 1, 1, 1, 1, 1,  /* D0 */
  1, 1, S, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* E0 */
  1, 1, 1, 1, 1, S, S, S, S, S, S, S, S, S, S, S,  /* F0 */
};
#undef S

/* Whether @text may hold a control character: a byte that is one (C0,
 * DEL) or that begins one (U+0080-U+009F, U+061C, U+200E-U+2069), or a
 * byte never in UTF-8. Most names and employers have none and need no
 * decoding; their characters are counted on the way into @n_chars. */
static gboolean
maybe_control (const char *text,
               glong      *n_chars)
{
  const guchar *p = (const guchar *) text;
  glong n = 0;
  guint8 class;

  while (((class = byte_classes[*p]) & BYTE_STOP) == 0)
    {
      n += class;
      p++;
    }
  if (*p != '\0')
    return TRUE;
  *n_chars = n;
  return FALSE;
}

gboolean
_xs_roster_check_control (const char  *text,
                          const char  *column,
                          gboolean     in_file,
                          GError     **error)
{
  g_autofree char *shown = NULL;
  gunichar found;
  glong n_chars;

  if (!maybe_control (text, &n_chars) || !xs_safe_text_has_control (text, &found))
    return TRUE;
  shown = xs_safe_text_for_terminal (text);
  if (in_file)
    /* Translators: a column (name, employer…), the text escaped, the character's code */
    g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_FIELD,
                 _("The %s “%s” holds an invisible control character (U+%04X); "
                   "retype the cell in Excel or WPS."),
                 _(column), shown, found);
  else
    /* Translators: a field (name, employer…), the text escaped, the character's code */
    g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_FIELD,
                 _("The %s “%s” holds an invisible control character (U+%04X); type it again."),
                 _(column), shown, found);
  return FALSE;
}

gboolean
_xs_roster_check_text (const char  *text,
                       const char  *column,
                       gboolean     in_file,
                       GError     **error)
{
  glong n_chars;

  if (maybe_control (text, &n_chars))
    {
      if (!_xs_roster_check_control (text, column, in_file, error))
        return FALSE;
      n_chars = g_utf8_strlen (text, -1);
    }
  if (n_chars <= MAX_TEXT_CHARS)
    return TRUE;
  /* @column is marked with N_(): translated only when refused. */
  if (in_file)
    g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_FIELD,
                 _("The %s is longer than %d characters; is a column shifted?"),
                 _(column), MAX_TEXT_CHARS);
  else
    g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_FIELD,
                 _("The %s is longer than %d characters."), _(column), MAX_TEXT_CHARS);
  return FALSE;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* The text without surrounding spaces (ASCII and ideographic). */
static char *
trimmed (const char *text)
{
  g_autofree char *copy = g_strdup (or_empty (text));
  char *start = copy;
  char *end;

  while (*start == ' ' || *start == '\t' || g_str_has_prefix (start, "\u3000"))
    start += *start == ' ' || *start == '\t' ? 1 : strlen ("\u3000");
  end = start + strlen (start);
  while (end > start && (end[-1] == ' ' || end[-1] == '\t'
                         || (end - start >= 3 && memcmp (end - 3, "\u3000", 3) == 0)))
    end -= end[-1] == ' ' || end[-1] == '\t' ? 1 : 3;
  *end = '\0';
  return g_strdup (start);
}

static gboolean
fail (XsRosterField   *field,
      XsRosterField    which,
      GError         **error,
      GError          *local)
{
  if (field != NULL)
    *field = which;
  g_propagate_error (error, local);
  return FALSE;
}

/* An optional text field: NULL when empty. */
static gboolean
optional_text (const char     *text,
               const char     *column,
               char          **out,
               GError        **error)
{
  g_autofree char *value = trimmed (text);

  if (!_xs_roster_check_text (value, column, FALSE, error))
    return FALSE;
  *out = *value != '\0' ? g_steal_pointer (&value) : NULL;
  return TRUE;
}

gboolean
xs_roster_entry_check (const XsRosterEntry  *entry,
                       XsTrainee            *trainee,
                       XsRosterField        *field,
                       GError              **error)
{
  g_auto(XsTrainee) checked = { 0 };
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;
  g_autofree char *employer = NULL;
  g_autofree char *sex = NULL;
  g_autofree char *phone = NULL;

  g_return_val_if_fail (entry != NULL, FALSE);

  if (field != NULL)
    *field = XS_ROSTER_FIELD_NONE;
  g_date_clear (&checked.birth_date, 1);

  name = trimmed (entry->name);
  if (*name == '\0')
    return fail (field, XS_ROSTER_FIELD_NAME, error,
                 g_error_new_literal (XS_VALUE_ERROR, XS_VALUE_ERROR_FIELD, _("The name is empty.")));
  if (!_xs_roster_check_text (name, N_("name"), FALSE, &local))
    return fail (field, XS_ROSTER_FIELD_NAME, error, g_steal_pointer (&local));

  checked.id_number = xs_id_number_normalize (or_empty (entry->id_number), &local);
  if (checked.id_number == NULL)
    return fail (field, XS_ROSTER_FIELD_ID_NUMBER, error, g_steal_pointer (&local));

  employer = trimmed (entry->employer);
  if (*employer == '\0')
    return fail (field, XS_ROSTER_FIELD_EMPLOYER, error,
                 g_error_new_literal (XS_VALUE_ERROR, XS_VALUE_ERROR_FIELD,
                                      _("The employer (工作单位) is empty.")));
  if (!_xs_roster_check_text (employer, N_("employer"), FALSE, &local))
    return fail (field, XS_ROSTER_FIELD_EMPLOYER, error, g_steal_pointer (&local));

  checked.sex = xs_id_number_get_sex (checked.id_number);
  xs_id_number_get_birth_date (checked.id_number, &checked.birth_date);
  sex = trimmed (entry->sex);
  if (*sex != '\0')
    {
      XsSex given;

      if (!xs_sex_from_string (sex, &given))
        return fail (field, XS_ROSTER_FIELD_SEX, error,
                     g_error_new (XS_VALUE_ERROR, XS_VALUE_ERROR_FIELD, _("The sex “%s” is not 男 or 女."), sex));
      if (given != checked.sex)
        return fail (field, XS_ROSTER_FIELD_SEX, error,
                     g_error_new_literal (XS_VALUE_ERROR, XS_VALUE_ERROR_FIELD,
                                          checked.sex == XS_SEX_MALE
                                          ? _("The sex says 女 but the identity number is a man’s; check both.")
                                          : _("The sex says 男 but the identity number is a woman’s; check both.")));
    }

  if (!optional_text (entry->title, N_("title"), &checked.title, &local))
    return fail (field, XS_ROSTER_FIELD_TITLE, error, g_steal_pointer (&local));
  if (!optional_text (entry->specialty, N_("specialty"), &checked.specialty, &local))
    return fail (field, XS_ROSTER_FIELD_SPECIALTY, error, g_steal_pointer (&local));
  if (!optional_text (entry->county, N_("county"), &checked.county, &local))
    return fail (field, XS_ROSTER_FIELD_COUNTY, error, g_steal_pointer (&local));

  phone = trimmed (entry->phone);
  if (*phone != '\0')
    {
      checked.phone = xs_phone_normalize (phone, &local);
      if (checked.phone == NULL)
        return fail (field, XS_ROSTER_FIELD_PHONE, error, g_steal_pointer (&local));
    }

  checked.name = g_steal_pointer (&name);
  checked.employer = g_steal_pointer (&employer);
  if (trainee != NULL)
    {
      *trainee = checked;
      memset (&checked, 0, sizeof checked);
    }
  return TRUE;
}

gint64
xs_roster_add (XsDb                 *db,
               const XsRosterEntry  *entry,
               XsRosterField        *field,
               GError              **error)
{
  g_auto(XsTrainee) trainee = { 0 };
  g_autoptr(XsTrainee) existing = NULL;
  g_autoptr(XsTrainee) previous = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *row_summary = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *detail = NULL;
  XsUpsertResult result;
  gint64 import_id;

  g_return_val_if_fail (XS_IS_DB (db), 0);
  g_return_val_if_fail (entry != NULL, 0);

  if (!xs_roster_entry_check (entry, &trainee, field, error))
    return 0;
  masked = xs_id_number_mask (trainee.id_number);

  if (!xs_db_begin (db, error))
    return 0;

  existing = xs_trainee_store_lookup (db, trainee.id_number, &local);
  if (existing != NULL)
    {
      xs_db_rollback (db);
      if (field != NULL)
        *field = XS_ROSTER_FIELD_ID_NUMBER;
      /* Translators: a masked identity number, then the name and employer on the roster */
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("%s is already on the roster, as %s of %s; nothing was added."),
                   masked, existing->name, existing->employer);
      return 0;
    }
  if (!g_error_matches (local, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND))
    {
      xs_db_rollback (db);
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }

  /* Translators: the import a trainee entered by hand is listed as, with the trainee's name */
  file_name = g_strdup_printf (_("%s, entered by hand"), trainee.name);
  import_id = _xs_import_log_begin (db, "roster", file_name, FALSE, error);
  if (import_id == 0)
    goto failed;
  if (!xs_trainee_store_merge (db, &trainee, XS_TRAINEE_FIELD_ALL, import_id, &previous, &result, error))
    goto failed;
  if (result != XS_UPSERT_CREATED)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("%s is already on the roster; nothing was added."), masked);
      goto failed;
    }

  report = xs_import_report_new (file_name);
  row_summary = g_strdup_printf ("%s %s", trainee.name, masked);
  xs_import_report_add (report, 1, XS_ROW_ADDED, row_summary);
  xs_import_report_set_committed (report, TRUE);
  summary = xs_import_report_format_summary (report);
  detail = g_strdup_printf ("%s: %s", file_name, summary);
  if (!_xs_db_audit (db, "import", import_id, "roster", detail, error)
      || !_xs_import_log_finish (db, import_id, summary, error)
      || !xs_db_commit (db, error))
    goto failed;
  return import_id;

failed:
  xs_db_rollback (db);
  return 0;
}
