/* xs-hours-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-hours-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xs-claim-store.h"
#include "xs-date.h"
#include "xs-hours-import.h"
#include "xs-id-number.h"
#include "xs-import-private.h"
#include "xs-rules.h"
#include "xs-text.h"
#include "xs-trainee-store.h"

enum {
  COL_ID_NUMBER,
  COL_NAME,
  COL_YEAR,
  COL_CATEGORY,
  COL_COMPULSORY,
  COL_HOURS,
  COL_KIND,
  COL_TITLE,
  COL_DATE,
  COL_PLAN_REF,
  N_COLS
};

static const XsColumnSpec hours_columns[N_COLS] = {
  [COL_ID_NUMBER] = { XS_IMPORT_ID_NUMBER_ALIASES, TRUE },
  [COL_NAME] = { "姓名|name", TRUE },
  [COL_YEAR] = { "年度|year", TRUE },
  [COL_CATEGORY] = { "科目类别|类别|category", TRUE },
  [COL_COMPULSORY] = { "必修|是否必修|compulsory", FALSE },
  [COL_HOURS] = { "学时|学时数|培训学时|hours", TRUE },
  [COL_KIND] = { "类型|申报类型|kind", FALSE },
  [COL_TITLE] = { "项目名称|培训班|课程|课程名称|培训项目|培训班名称|title", TRUE },
  [COL_DATE] = { "日期|培训日期|date", TRUE },
  [COL_PLAN_REF] = { "备案号|计划备案号|plan_ref", FALSE },
};

/* What a row needs of a trainee on the roster. */
typedef struct
{
  gint64 id;
  char   name[];
} KnownTrainee;

typedef struct
{
  const XsTrainingClass *klass;
  GHashTable            *seen;       /* "trainee id|date|title" -> first row */
  GHashTable            *trainees;   /* id number -> KnownTrainee, for one import */
} HoursState;

/* The trainee with @id_number, looked up in the database once per import:
 * the roster does not change inside the import's transaction. NULL with
 * @error set when nobody has the number (XS_DB_ERROR_NOT_FOUND) or the
 * database fails. */
static const KnownTrainee *
find_trainee (XsImportRowContext  *context,
              HoursState          *state,
              const char          *id_number,
              GError             **error)
{
  g_autoptr(XsTrainee) trainee = NULL;
  KnownTrainee *known;
  gsize name_size;

  known = g_hash_table_lookup (state->trainees, id_number);
  if (known != NULL)
    return known;

  trainee = xs_trainee_store_lookup (context->db, id_number, error);
  if (trainee == NULL)
    return NULL;

  name_size = strlen (trainee->name) + 1;
  known = g_malloc (sizeof (KnownTrainee) + name_size);
  known->id = trainee->id;
  memcpy (known->name, trainee->name, name_size);
  g_hash_table_insert (state->trainees, g_strdup (id_number), known);
  return known;
}

static gboolean
parse_kind_number (const char *text,
                   int        *kind)
{
  char *end = NULL;
  gint64 value;

  value = g_ascii_strtoll (text, &end, 10);
  /* XLSX numbers may come as "3.0" */
  if (end != NULL && g_str_equal (end, ".0"))
    end += 2;
  if (end == text || *end != '\0' || value < 1 || value > 16)
    return FALSE;
  *kind = (int) value;
  return TRUE;
}

/* A number from 1 to 16 ("3", "3.0" from XLSX, "３"), a kind's name as
 * the notice gives it (学术会议) or in English, or both as the submission
 * package's hours sheet writes them ("4 学术会议"). */
static gboolean
parse_kind (const char *text,
            int         year,
            int        *kind)
{
  g_autoptr(XsRuleSet) rules = NULL;
  GListModel *kinds;
  char folded[256];
  const char *name;
  char *space;
  int number = 0;

  if (parse_kind_number (text, kind))
    return TRUE;
  if (!xs_text_fold (text, folded, sizeof folded, FALSE))
    return FALSE;
  if (parse_kind_number (folded, kind))
    return TRUE;

  /* "4 学术会议": the number, and the name it must agree with */
  name = folded;
  space = strchr (folded, ' ');
  if (space != NULL)
    {
      *space = '\0';
      if (!parse_kind_number (folded, &number))
        *space = ' ';
      else
        for (name = space + 1; *name == ' '; name++)
          ;
    }

  rules = xs_rule_set_for_year (year, NULL);
  if (rules == NULL)
    return FALSE;
  kinds = xs_rule_set_get_kinds (rules);
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(XsClaimKind) candidate = g_list_model_get_item (kinds, i);

      if (number != 0 && number != xs_claim_kind_get_number (candidate))
        continue;
      if (g_strcmp0 (name, xs_claim_kind_get_name_zh (candidate)) == 0
          || g_ascii_strcasecmp (name, xs_claim_kind_get_name_en (candidate)) == 0)
        {
          *kind = xs_claim_kind_get_number (candidate);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
read_claim_fields (XsImportRowContext  *context,
                   const HoursState    *state,
                   XsClaim             *claim,
                   GError             **error)
{
  const XsTrainingClass *klass = state->klass;
  const char *text;

  if (klass != NULL)
    xs_training_class_fill_claim (klass, claim);
  claim->source = XS_SOURCE_BATCH;

  text = _xs_import_field (context, COL_YEAR);
  if ((*text != '\0' || klass == NULL) && !xs_year_parse (text, &claim->year, error))
    return FALSE;

  text = _xs_import_field (context, COL_CATEGORY);
  if (*text != '\0' || klass == NULL)
    {
      if (!xs_category_from_string (text, &claim->category))
        {
          g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_FIELD,
                       _("The category “%s” is not 公需科目 or 专业科目."), text);
          return FALSE;
        }
    }

  text = _xs_import_field (context, COL_COMPULSORY);
  if (*text != '\0')
    {
      if (!xs_boolean_parse (text, &claim->compulsory, error))
        return FALSE;
      if (claim->compulsory && claim->category != XS_CATEGORY_PUBLIC)
        {
          g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_FIELD,
                       _("Only public subjects (公需科目) can be compulsory; this row is professional."));
          return FALSE;
        }
    }

  text = _xs_import_field (context, COL_KIND);
  if (claim->category == XS_CATEGORY_PUBLIC)
    {
      claim->kind = 0;
      if (*text != '\0')
        {
          g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_FIELD,
                       _("The claim kind (类型) is for professional subjects only; leave it empty for public subjects."));
          return FALSE;
        }
    }
  else if (*text == '\0')
    claim->kind = claim->kind ? claim->kind : 1;
  else if (!parse_kind (text, claim->year, &claim->kind))
    {
      g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_FIELD,
                   _("The claim kind (类型) “%s” is neither a number from 1 to 16 nor the name "
                     "the notice gives a kind (such as 学术会议)."), text);
      return FALSE;
    }

  text = _xs_import_field (context, COL_HOURS);
  if ((*text != '\0' || klass == NULL) && !xs_hours_parse (text, &claim->hours, error))
    return FALSE;

  text = _xs_import_field (context, COL_TITLE);
  if (*text != '\0')
    {
      g_free (claim->title);
      claim->title = g_strdup (text);
    }
  else if (klass == NULL)
    {
      g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_FIELD,
                   _("The title (项目名称) is empty."));
      return FALSE;
    }

  text = _xs_import_field (context, COL_DATE);
  if ((*text != '\0' || klass == NULL) && !xs_date_parse (text, &claim->date, error))
    return FALSE;

  text = _xs_import_field (context, COL_PLAN_REF);
  if (*text != '\0')
    claim->plan_ref = g_strdup (text);

  return TRUE;
}

static gboolean
import_hours_row (XsImportRowContext  *context,
                  gpointer             user_data,
                  GError             **error)
{
  HoursState *state = user_data;
  g_auto(XsClaim) claim = { 0 };
  const KnownTrainee *trainee;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *key = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *hours = NULL;
  gpointer first_row;

  g_date_clear (&claim.date, 1);

  id_number = xs_id_number_normalize (_xs_import_field (context, COL_ID_NUMBER), &local_error);
  if (id_number == NULL)
    return _xs_import_reject (context, g_steal_pointer (&local_error));
  masked = xs_id_number_mask (id_number);

  trainee = find_trainee (context, state, id_number, &local_error);
  if (trainee == NULL)
    {
      if (!g_error_matches (local_error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      context->not_on_roster = g_strdup (id_number);
      return _xs_import_reject_printf (context,
                                       _("%s is not on the roster; add this person to the roster (or import a roster with them) first."),
                                       masked);
    }

  if (!g_str_equal (_xs_import_field (context, COL_NAME), trainee->name))
    return _xs_import_reject_printf (context,
                                     _("The name “%s” does not match the roster, where %s is “%s”."),
                                     _xs_import_field (context, COL_NAME), masked, trainee->name);

  if (!read_claim_fields (context, state, &claim, &local_error))
    return _xs_import_reject (context, g_steal_pointer (&local_error));
  claim.trainee_id = trainee->id;

  iso = xs_date_to_iso (&claim.date);
  key = g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s", trainee->id, iso, claim.title);
  if (g_hash_table_lookup_extended (state->seen, key, NULL, &first_row))
    return _xs_import_reject_printf (context,
                                     _("Duplicate: row %u already has “%s” on %s for %s."),
                                     GPOINTER_TO_UINT (first_row), claim.title, iso, trainee->name);
  g_hash_table_insert (state->seen, g_steal_pointer (&key), GUINT_TO_POINTER (context->row));

  if (!xs_claim_store_add (context->db, &claim, &local_error))
    {
      /* The rules and the store speak the user's language; the database
       * failing is not a row's fault. */
      if (local_error->domain == XS_DB_ERROR && local_error->code != XS_DB_ERROR_REFUSED)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return _xs_import_reject (context, g_steal_pointer (&local_error));
    }

  hours = xs_hours_format (claim.hours);
  summary = g_strdup_printf ("%s %s: %s, %s %s", trainee->name, masked, claim.title,
                             hours, _("hours"));
  if (claim.status == XS_STATUS_DRAFT)
    {
      /* 基地统一上报的可以不用提供 is said of kind 1 alone */
      g_autoptr(XsRuleSet) rules = xs_rule_set_for_year (claim.year, NULL);
      const char * const *required = rules ? xs_rule_set_get_required_materials (rules, &claim) : NULL;
      g_autoptr(GString) names = g_string_new (NULL);
      char *with_note;

      for (guint i = 0; required != NULL && required[i] != NULL; i++)
        g_string_append_printf (names, "%s%s", i ? _(", ") : "",
                                xs_rule_set_get_material_name (rules, required[i]));
      with_note = g_strdup_printf (_("%s — a draft: kind %d needs its materials even from a base (%s)"),
                                   summary, claim.kind, names->str);
      g_free (summary);
      summary = with_note;
      xs_import_report_count_draft (context->report);
    }
  xs_import_report_add (context->report, context->row, XS_ROW_ADDED, summary);
  return TRUE;
}

XsImportReport *
xs_hours_import (XsDb                   *db,
                 const char             *path,
                 const char             *encoding,
                 const XsTrainingClass  *klass,
                 XsImportFlags           flags,
                 GCancellable           *cancellable,
                 XsProgressFunc          progress,
                 gpointer                progress_data,
                 GError                **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) trainees = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  XsColumnSpec specs[N_COLS];
  HoursState state = { klass, seen, trainees };

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  memcpy (specs, hours_columns, sizeof specs);
  if (klass != NULL)
    {
      /* The class says what the sheet would otherwise have to. */
      for (guint i = 0; i < N_COLS; i++)
        if (i != COL_ID_NUMBER && i != COL_NAME)
          specs[i].required = FALSE;
    }

  return _xs_import_run (db, klass != NULL ? "class" : "hours", path, encoding, flags,
                         specs, N_COLS, import_hours_row, &state,
                         cancellable, progress, progress_data, error);
}
