/* xs-cli-history.c: a trainee's audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "xs-cli.h"
#include "xs-history.h"
#include "xs-id-number.h"
#include "xs-trainee-store.h"

static void
print_history_json (const XsTrainee *trainee,
                    GPtrArray       *history)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *masked = xs_id_number_mask (trainee->id_number);
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id_number");
  json_builder_add_string_value (builder, masked);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, trainee->name);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < history->len; i++)
    {
      XsHistoryEntry *entry = g_ptr_array_index (history, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "at");
      json_builder_add_string_value (builder, entry->at);
      json_builder_set_member_name (builder, "entity");
      json_builder_add_string_value (builder, entry->entity);
      json_builder_set_member_name (builder, "entity_id");
      json_builder_add_int_value (builder, entry->entity_id);
      json_builder_set_member_name (builder, "action");
      json_builder_add_string_value (builder, entry->action);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, entry->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  printf ("%s\n", text);
}

static void
print_history_table (const XsTrainee *trainee,
                     GPtrArray       *history)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *masked = xs_id_number_mask (trainee->id_number);
  g_autofree char *name = xs_cli_escape (trainee->name);

  g_string_append_printf (out, "%s %s\n", name, masked);
  if (history->len == 0)
    {
      g_string_append_printf (out, "%s\n", _("Nothing recorded yet."));
      fputs (out->str, stdout);
      return;
    }
  xs_cli_append_padded (out, _("Time"), 19, FALSE);
  g_string_append (out, "  ");
  g_string_append_printf (out, "%s\n", _("What happened"));
  for (guint i = 0; i < history->len; i++)
    {
      XsHistoryEntry *entry = g_ptr_array_index (history, i);
      g_autofree char *time = xs_history_entry_format_time (entry);
      g_autofree char *text = xs_cli_escape (entry->text);

      xs_cli_append_padded (out, time, 19, FALSE);
      g_string_append_printf (out, "  %s\n", text);
    }
  fputs (out->str, stdout);
}

int
xs_cli_history (const XsCliGlobals *globals,
                int                 argc,
                char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTrainee) trainee = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "id-number", 0, 0, G_OPTION_ARG_STRING, &id_number, N_("The trainee’s identity number"), "N" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("table or json"), N_("FORMAT") },
    { NULL }
  };

  if (!xs_cli_parse ("history", NULL,
                     _("Show what was done to a trainee’s records, oldest first: the roster entry, "
                       "claims, their evidence and decisions, and certificates."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc > 1)
    return xs_cli_usage_error ("history", _("Unexpected argument “%s”."), argv[1]);
  if (id_number == NULL)
    return xs_cli_usage_error ("history", _("--id-number is required."));
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "json"))
    return xs_cli_usage_error ("history", _("--format is table or json."));

  normalized = xs_id_number_normalize (id_number, &error);
  if (normalized == NULL)
    return xs_cli_refuse (error);
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if ((trainee = xs_trainee_store_lookup (db, normalized, &error)) == NULL
      || (history = xs_history_list_for_trainee (db, trainee->id, &error)) == NULL)
    return xs_cli_refuse (error);

  if (format != NULL && g_str_equal (format, "json"))
    print_history_json (trainee, history);
  else
    print_history_table (trainee, history);
  return XS_CLI_OK;
}
