/* test-flatpak.c: the Flatpak manifest parses and builds what we need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-flatpak"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "xs-test-util.h"

static JsonParser *manifest_parser;

static JsonObject *
manifest (void)
{
  if (manifest_parser == NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "flatpak.json", NULL);
      g_autoptr(GError) error = NULL;

      manifest_parser = json_parser_new ();
      json_parser_load_from_file (manifest_parser, path, &error);
      g_assert_no_error (error);
    }

  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (manifest_parser)));
  return json_node_get_object (json_parser_get_root (manifest_parser));
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

/* Every module, nested ones included, in build order. */
static void
collect_modules (JsonArray *modules,
                 GPtrArray *out)
{
  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonNode *node = json_array_get_element (modules, i);
      JsonObject *module;
      JsonArray *nested;

      /* A module kept in a separate file could not be checked here. */
      if (!JSON_NODE_HOLDS_OBJECT (node))
        g_error ("module %u is not an object (an included file?); keep modules inline", i);

      module = json_node_get_object (node);
      nested = member_array (module, "modules");
      if (nested != NULL)
        collect_modules (nested, out);
      g_ptr_array_add (out, module);
    }
}

static GPtrArray *
all_modules (void)
{
  GPtrArray *modules = g_ptr_array_new ();
  JsonArray *top = member_array (manifest (), "modules");

  g_assert_nonnull (top);
  collect_modules (top, modules);
  g_assert_cmpuint (modules->len, >, 0);
  return modules;
}

static JsonObject *
find_module (GPtrArray  *modules,
             const char *name)
{
  for (guint i = 0; i < modules->len; i++)
    if (g_strcmp0 (member_string (g_ptr_array_index (modules, i), "name"), name) == 0)
      return g_ptr_array_index (modules, i);
  return NULL;
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

static void
test_identity (void)
{
  JsonObject *root = manifest ();

  g_assert_cmpstr (member_string (root, "app-id"), ==, APP_ID);
  g_assert_cmpstr (member_string (root, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (member_string (root, "sdk"), ==, "org.gnome.Sdk");
  g_assert_nonnull (member_string (root, "runtime-version"));
  g_assert_cmpstr (member_string (root, "command"), ==, "xueshi");
}

static void
test_finish_args (void)
{
  JsonArray *args = member_array (manifest (), "finish-args");
  gboolean wayland = FALSE;

  g_assert_nonnull (args);
  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);

      g_assert_nonnull (arg);
      g_test_message ("finish-arg %s", arg);
      /* Evidence comes in through the file chooser portal. */
      g_assert_false (g_str_equal (arg, "--filesystem=host"));
      g_assert_false (g_str_has_prefix (arg, "--filesystem=host:"));
      g_assert_false (g_str_has_prefix (arg, "--filesystem=host-"));
      g_assert_false (g_str_equal (arg, "--filesystem=/"));
      g_assert_false (g_str_equal (arg, "--filesystem=home"));
      g_assert_false (g_str_equal (arg, "--socket=x11"));
      wayland |= g_str_equal (arg, "--socket=wayland");
    }
  g_assert_true (wayland);
}

static void
test_sources_pinned (void)
{
  g_autoptr(GPtrArray) modules = all_modules ();
  guint n_archives = 0;

  for (guint i = 0; i < modules->len; i++)
    {
      JsonObject *module = g_ptr_array_index (modules, i);
      const char *name = member_string (module, "name");
      JsonArray *sources = member_array (module, "sources");

      g_assert_nonnull (name);
      g_assert_nonnull (sources);
      for (guint j = 0; j < json_array_get_length (sources); j++)
        {
          JsonNode *node = json_array_get_element (sources, j);
          JsonObject *source;
          const char *type;

          g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
          source = json_node_get_object (node);
          type = member_string (source, "type");
          g_assert_nonnull (type);

          if (g_str_equal (type, "archive") || g_str_equal (type, "file"))
            {
              const char *sha256 = member_string (source, "sha256");
              const char *url = member_string (source, "url");

              g_test_message ("%s: %s %s", name, url, sha256);
              if (!is_sha256 (sha256))
                g_error ("module %s: source %u has no 64-hex-digit sha256", name, j);
              g_assert_nonnull (url);
              g_assert_true (g_str_has_prefix (url, "https://"));
              n_archives++;
            }
          else if (g_str_equal (type, "git"))
            {
              /* A release build takes a commit, not a moving branch. */
              if (member_string (source, "commit") == NULL)
                g_error ("module %s: git source %u is not pinned to a commit", name, j);
            }
        }
    }
  g_assert_cmpuint (n_archives, >=, 4);
}

static void
test_modules (void)
{
  g_autoptr(GPtrArray) modules = all_modules ();
  JsonObject *xueshi;
  JsonArray *sources;
  JsonObject *source;

  g_assert_nonnull (find_module (modules, "poppler"));
  g_assert_true (find_module (modules, "libqrencode") != NULL
                 || find_module (modules, "qrencode") != NULL);
  g_assert_nonnull (find_module (modules, "libsodium"));
  g_assert_nonnull (find_module (modules, "libxlsxwriter"));

  /* The application itself is built last, with meson, from this tree. */
  xueshi = find_module (modules, "xueshi");
  g_assert_nonnull (xueshi);
  g_assert_true (g_ptr_array_index (modules, modules->len - 1) == xueshi);
  g_assert_cmpstr (member_string (xueshi, "buildsystem"), ==, "meson");
  sources = member_array (xueshi, "sources");
  g_assert_nonnull (sources);
  g_assert_cmpuint (json_array_get_length (sources), ==, 1);
  source = json_array_get_object_element (sources, 0);
  g_assert_cmpstr (member_string (source, "type"), ==, "dir");
  g_assert_cmpstr (member_string (source, "path"), ==, ".");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  xs_test_init (&argc, &argv);

  g_test_add_func ("/flatpak/identity", test_identity);
  g_test_add_func ("/flatpak/finish-args", test_finish_args);
  g_test_add_func ("/flatpak/sources-pinned", test_sources_pinned);
  g_test_add_func ("/flatpak/modules", test_modules);

  status = g_test_run ();
  g_clear_object (&manifest_parser);
  return status;
}
