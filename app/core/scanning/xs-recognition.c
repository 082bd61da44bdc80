/* xs-recognition.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-recognition"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xs-date.h"
#include "xs-id-number.h"
#include "xs-recognition.h"

void
xs_recognition_free (XsRecognition *recognition)
{
  if (recognition == NULL)
    return;
  g_strfreev (recognition->id_numbers);
  g_strfreev (recognition->names);
  g_strfreev (recognition->dates);
  g_free (recognition->hours);
  g_free (recognition->title);
  g_free (recognition->material);
  g_free (recognition->text);
  g_free (recognition);
}

/* Materials a page can be told apart by, with the words that give it away;
 * the first word is the heading such a page carries. */
typedef struct
{
  const char *code;
  const char *name;
  const char *words[6];
} MaterialWords;

static const MaterialWords materials[] = {
  { "completion_certificate", "结业证书", { "结业证书", "结业", "特发此证", "成绩合格", "证书编号", NULL } },
  { "training_notice", "培训通知", { "培训通知", "报到", "培训地点", "培训时间", "请各单位", NULL } },
  { "employer_proof", "单位证明", { "单位证明", "特此证明", "我单位", "兹证明", "情况属实", NULL } },
  { "meeting_notice", "会议通知", { "会议通知", "参会", "会议地点", "会议时间", "年会", NULL } },
  { "transcript", "当年度成绩单", { "成绩单", "学分", "课程名称", "成绩", NULL } },
  { "patent_certificate", "专利证书", { "专利证书", "专利号", "发明人", "专利权人", NULL } },
  { "award_certificate", "获奖证书", { "获奖证书", "荣获", "奖励", "特发此证", NULL } },
  { "qualification_certificate", "资格证书", { "资格证书", "资格", "证书编号", NULL } },
  { "annual_assessment", "年度考核证明", { "年度考核", "考核结果", "称职", NULL } },
  { "participation_proof", "参与证明", { "参与证明", "参与", NULL } },
  { "activity_notice", "服务活动通知", { "服务活动", "活动通知", NULL } },
};

const char *
xs_recognition_material_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (materials); i++)
    if (g_strcmp0 (materials[i].code, code) == 0)
      return materials[i].name;
  return NULL;
}

/* Full-width letters and digits as ASCII, and no white space at all:
 * recognised Chinese comes with spaces between characters. */
static char *
compact_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      if (c >= 0xff01 && c <= 0xff5e)
        c -= 0xfee0;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
add_unique (GPtrArray  *array,
            const char *value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (array->pdata[i], value))
      return;
  g_ptr_array_add (array, g_strdup (value));
}

static char **
finish_strv (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (char **) g_ptr_array_free (array, FALSE);
}

/* Runs of digits (with the letters recognition takes for them) of 18 or
 * more, each 18-character window checked with GB 11643's check digit. */
static char **
find_id_numbers (const char *compact)
{
  GPtrArray *found = g_ptr_array_new ();
  gsize len = strlen (compact);
  gsize i = 0;

  while (i < len)
    {
      gsize start = i, j;
      g_autofree char *run = NULL;

      while (i < len && strchr ("0123456789XxOoIl", compact[i]) != NULL && compact[i] != '\0')
        i++;
      if (i == start)
        {
          i++;
          continue;
        }
      if (i - start < 18)
        continue;
      run = g_strndup (compact + start, i - start);
      for (j = 0; run[j] != '\0'; j++)
        {
          if (run[j] == 'O' || run[j] == 'o')
            run[j] = '0';
          else if (run[j] == 'I' || run[j] == 'l')
            run[j] = '1';
        }
      for (j = 0; j + 18 <= strlen (run); j++)
        {
          g_autofree char *window = g_strndup (run + j, 18);
          g_autofree char *normalized = NULL;
          gboolean digits = TRUE;

          for (guint k = 0; k < 17; k++)
            digits = digits && g_ascii_isdigit (window[k]);
          if (!digits)
            continue;
          normalized = xs_id_number_normalize (window, NULL);
          if (normalized != NULL)
            {
              add_unique (found, normalized);
              j += 17;
            }
        }
    }
  return finish_strv (found);
}

static char **
find_dates (const char *compact)
{
  static const char *patterns[] = {
    "(\\d{4})年(\\d{1,2})月(\\d{1,2})日",
    "(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)",
  };
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (int));
  GPtrArray *found = g_ptr_array_new ();
  g_autoptr(GPtrArray) unordered = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[p], G_REGEX_OPTIMIZE, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (regex, compact, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *y = g_match_info_fetch (match, 1);
          g_autofree char *m = g_match_info_fetch (match, 2);
          g_autofree char *d = g_match_info_fetch (match, 3);
          g_autofree char *candidate = g_strdup_printf ("%s年%s月%s日", y, m, d);
          GDate date;
          int start = 0;

          g_date_clear (&date, 1);
          g_match_info_fetch_pos (match, 0, &start, NULL);
          if (xs_date_parse (candidate, &date, NULL) &&
              g_date_get_year (&date) >= 1950 && g_date_get_year (&date) <= 2100)
            {
              g_ptr_array_add (unordered, xs_date_to_iso (&date));
              g_array_append_val (positions, start);
            }
          g_match_info_next (match, NULL);
        }
    }
  /* In the order they appear on the page. */
  for (guint n = 0; n < unordered->len; n++)
    {
      guint best = 0;

      for (guint k = 1; k < positions->len; k++)
        if (g_array_index (positions, int, k) < g_array_index (positions, int, best))
          best = k;
      add_unique (found, unordered->pdata[best]);
      g_array_index (positions, int, best) = G_MAXINT;
    }
  return finish_strv (found);
}

static int *
find_hours (const char *compact,
            guint      *n_hours)
{
  static const char *patterns[] = {
    "(\\d{1,4}(?:\\.\\d)?)个?学时",
    "学时[:：为]?(\\d{1,4}(?:\\.\\d)?)(?!\\d)",
  };
  g_autoptr(GArray) hours = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[p], G_REGEX_OPTIMIZE, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (regex, compact, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *number = g_match_info_fetch (match, 1);
          int tenths = 0;
          gboolean seen = FALSE;

          if (xs_hours_parse (number, &tenths, NULL) && tenths > 0)
            {
              for (guint k = 0; k < hours->len; k++)
                seen = seen || g_array_index (hours, int, k) == tenths;
              if (!seen)
                g_array_append_val (hours, tenths);
            }
          g_match_info_next (match, NULL);
        }
    }
  *n_hours = hours->len;
  return (int *) g_array_free (g_steal_pointer (&hours), FALSE);
}

/* Field labels that may follow a name with no space between them. */
static const char *name_stops[] = {
  "性别", "身份", "证件", "单位", "工作", "职称", "职务", "科室", "年龄", "学号",
  "编号", "电话", "同志", "于", "在", "参加", "性", NULL
};

static char *
trim_name (const char *candidate)
{
  const char *end = candidate + strlen (candidate);

  for (guint i = 0; name_stops[i] != NULL; i++)
    {
      const char *hit = strstr (candidate, name_stops[i]);

      /* A stop in the first two characters is part of the name. */
      if (hit != NULL && g_utf8_pointer_to_offset (candidate, hit) >= 2 && hit < end)
        end = hit;
    }
  if (g_utf8_pointer_to_offset (candidate, end) < 2)
    return NULL;
  return g_strndup (candidate, end - candidate);
}

static char **
find_names (const char *compact,
            const char *trainee_name)
{
  static const char *patterns[] = {
    "姓名[:：]?(\\p{Han}{2,4})",
    "(?:兹证明|兹有|证明|学员)(\\p{Han}{2,4})同志",
    "(\\p{Han}{2,4})同志",
  };
  GPtrArray *found = g_ptr_array_new ();

  if (trainee_name != NULL && *trainee_name != '\0')
    {
      g_autofree char *name = compact_text (trainee_name);

      if (*name != '\0' && strstr (compact, name) != NULL)
        add_unique (found, name);
    }
  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[p], G_REGEX_OPTIMIZE, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      /* The bare "… 同志" form only when nothing better was found. */
      if (p == 2 && found->len > 0)
        break;
      g_regex_match (regex, compact, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *candidate = g_match_info_fetch (match, 1);
          g_autofree char *name = trim_name (candidate);

          if (name != NULL)
            add_unique (found, name);
          g_match_info_next (match, NULL);
        }
    }
  return finish_strv (found);
}

static char *
find_title (const char *compact)
{
  static const char *patterns[] = {
    "《([^《》]{2,60})》",
    "(?:参加|出席|参与)了?(?:由[^，。,]{0,30}?(?:举办|主办)的)?([^，。,:：“”\"]{2,40}?"
    "(?:培训班|研修班|学习班|进修班|年会|学术会议|会议|讲座|论坛|培训))",
    "([^，。,:：“”\"]{2,30}?(?:培训班|研修班|学习班|进修班|年会|学术会议|讲座|论坛))",
  };

  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[p], G_REGEX_OPTIMIZE, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (regex, compact, 0, &match))
        return g_match_info_fetch (match, 1);
    }
  return NULL;
}

static void
guess_material (const char    *compact,
                XsRecognition *recognition)
{
  double best = 0, total = 0;
  const char *code = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (materials); i++)
    {
      double score = 0;

      for (guint w = 0; materials[i].words[w] != NULL; w++)
        if (strstr (compact, materials[i].words[w]) != NULL)
          score += w == 0 ? 4 : 1;
      total += score;
      if (score > best)
        {
          best = score;
          code = materials[i].code;
        }
    }
  if (code == NULL)
    return;
  recognition->material = g_strdup (code);
  recognition->material_confidence = best / (total + 1);
}

XsRecognition *
xs_recognition_from_text (const char *text,
                          const char *trainee_name)
{
  XsRecognition *recognition;
  g_autofree char *compact = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  recognition = g_new0 (XsRecognition, 1);
  recognition->text = g_utf8_make_valid (text, -1);
  compact = compact_text (recognition->text);
  recognition->id_numbers = find_id_numbers (compact);
  recognition->dates = find_dates (compact);
  recognition->hours = find_hours (compact, &recognition->n_hours);
  recognition->names = find_names (compact, trainee_name);
  recognition->title = find_title (compact);
  guess_material (compact, recognition);
  return recognition;
}

static void
add_strv (JsonBuilder  *builder,
          const char   *member,
          char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

JsonNode *
xs_recognition_to_json (const XsRecognition *recognition)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (recognition != NULL, NULL);

  json_builder_begin_object (builder);
  add_strv (builder, "id_numbers", recognition->id_numbers);
  add_strv (builder, "names", recognition->names);
  add_strv (builder, "dates", recognition->dates);
  json_builder_set_member_name (builder, "hours");
  json_builder_begin_array (builder);
  for (guint i = 0; i < recognition->n_hours; i++)
    json_builder_add_double_value (builder, recognition->hours[i] / 10.0);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "title");
  if (recognition->title != NULL)
    json_builder_add_string_value (builder, recognition->title);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "material");
  if (recognition->material != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, recognition->material);
      json_builder_set_member_name (builder, "confidence");
      json_builder_add_double_value (builder, ((int) (recognition->material_confidence * 100 + 0.5)) / 100.0);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, recognition->text ? recognition->text : "");
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char **
read_strv (JsonObject *object,
           const char *member)
{
  GPtrArray *values = g_ptr_array_new ();
  JsonArray *array = json_object_has_member (object, member)
                     ? json_object_get_array_member (object, member) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *value = json_array_get_string_element (array, i);

      if (value != NULL)
        g_ptr_array_add (values, g_strdup (value));
    }
  return finish_strv (values);
}

XsRecognition *
xs_recognition_from_json (const char  *json,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  XsRecognition *recognition;
  JsonObject *object, *material;
  JsonArray *hours;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("The stored recognition is damaged."));
      return NULL;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  recognition = g_new0 (XsRecognition, 1);
  recognition->id_numbers = read_strv (object, "id_numbers");
  recognition->names = read_strv (object, "names");
  recognition->dates = read_strv (object, "dates");
  hours = json_object_has_member (object, "hours") ? json_object_get_array_member (object, "hours") : NULL;
  recognition->n_hours = hours ? json_array_get_length (hours) : 0;
  recognition->hours = g_new0 (int, recognition->n_hours + 1);
  for (guint i = 0; i < recognition->n_hours; i++)
    recognition->hours[i] = (int) (json_array_get_double_element (hours, i) * 10 + 0.5);
  recognition->title = g_strdup (json_object_get_string_member_with_default (object, "title", NULL));
  material = json_object_has_member (object, "material") && !json_object_get_null_member (object, "material")
             ? json_object_get_object_member (object, "material") : NULL;
  if (material != NULL)
    {
      recognition->material = g_strdup (json_object_get_string_member_with_default (material, "code", NULL));
      recognition->material_confidence = json_object_get_double_member_with_default (material, "confidence", 0);
    }
  recognition->text = g_strdup (json_object_get_string_member_with_default (object, "text", ""));
  return recognition;
}
