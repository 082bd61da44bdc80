/* xs-cli-base.c: base show, base set (the base profile)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "xs-base-profile.h"
#include "xs-certificate-templates.h"
#include "xs-certificate-text.h"
#include "xs-cli.h"
#include "xs-pdf-key.h"

static char *
seal_digest (GBytes *seal)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, seal);
}

static void
print_json (XsBaseProfile *profile,
            const char    *pdf_fingerprint)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  GBytes *seal = xs_base_profile_get_seal (profile);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, xs_base_profile_get_name (profile));
  json_builder_set_member_name (builder, "issuer");
  json_builder_add_string_value (builder, xs_base_profile_get_issuer (profile));
  json_builder_set_member_name (builder, "seal");
  if (seal != NULL)
    {
      g_autofree char *digest = seal_digest (seal);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "bytes");
      json_builder_add_int_value (builder, g_bytes_get_size (seal));
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, digest);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "orientation");
  json_builder_add_string_value (builder, xs_base_profile_get_orientation (profile) == XS_CERTIFICATE_LANDSCAPE
                                          ? "landscape" : "portrait");
  json_builder_set_member_name (builder, "full_id_number");
  json_builder_add_boolean_value (builder, xs_base_profile_get_full_id_number (profile));
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, xs_certificate_language_to_string (xs_base_profile_get_language (profile)));
  {
    double x, y;

    xs_base_profile_get_offset (profile, &x, &y);
    json_builder_set_member_name (builder, "annual_template");
    json_builder_add_string_value (builder, xs_base_profile_get_kind_template (profile, XS_CERTIFICATE_ANNUAL));
    json_builder_set_member_name (builder, "completion_template");
    json_builder_add_string_value (builder, xs_base_profile_get_kind_template (profile, XS_CERTIFICATE_COMPLETION));
    json_builder_set_member_name (builder, "offset_x_mm");
    json_builder_add_double_value (builder, x);
    json_builder_set_member_name (builder, "offset_y_mm");
    json_builder_add_double_value (builder, y);
  }
  json_builder_set_member_name (builder, "key_fingerprint");
  json_builder_add_string_value (builder, xs_base_profile_get_key_fingerprint (profile));
  json_builder_set_member_name (builder, "pdf_key_fingerprint");
  json_builder_add_string_value (builder, pdf_fingerprint);
  json_builder_set_member_name (builder, "empty");
  json_builder_add_boolean_value (builder, xs_base_profile_is_empty (profile));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
print_line (const char *label,
            const char *value)
{
  g_autoptr(GString) line = g_string_new (NULL);

  xs_cli_append_padded (line, label, 18, FALSE);
  g_string_append_printf (line, " %s\n", value);
  fputs (line->str, stdout);
}

static void
print_table (XsBaseProfile *profile,
             const char    *pdf_fingerprint)
{
  GBytes *seal = xs_base_profile_get_seal (profile);
  const char *name = xs_base_profile_get_name (profile);
  const char *issuer = xs_base_profile_get_issuer (profile);
  const char *fingerprint = xs_base_profile_get_key_fingerprint (profile);
  g_autofree char *seal_text = NULL;

  if (seal != NULL)
    {
      g_autofree char *digest = seal_digest (seal);

      /* Translators: the seal image's size, then the start of its SHA-256 */
      seal_text = g_strdup_printf (_("PNG, %lu bytes (SHA-256 %.16s…)"),
                                   (unsigned long) g_bytes_get_size (seal), digest);
    }

  print_line (_("Base name"), *name ? name : _("(not set)"));
  print_line (_("Issuer"), *issuer ? issuer : _("(none)"));
  print_line (_("Seal"), seal_text ? seal_text : _("(none)"));
  print_line (_("Orientation"), xs_base_profile_get_orientation (profile) == XS_CERTIFICATE_LANDSCAPE
                                ? _("landscape") : _("portrait"));
  print_line (_("Identity numbers"), xs_base_profile_get_full_id_number (profile)
                                     ? _("printed whole") : _("masked"));
  print_line (_("Language"), xs_base_profile_get_language (profile) == XS_CERTIFICATE_ENGLISH
                             ? _("English") : _("Chinese"));
  {
    const char *annual = xs_base_profile_get_kind_template (profile, XS_CERTIFICATE_ANNUAL);
    const char *completion = xs_base_profile_get_kind_template (profile, XS_CERTIFICATE_COMPLETION);
    g_autofree char *offset = NULL;
    double x, y;

    xs_base_profile_get_offset (profile, &x, &y);
    /* Translators: the printer's offset: right, then down */
    offset = g_strdup_printf (_("%+.1f mm right, %+.1f mm down"), x, y);
    print_line (_("Annual template"), *annual ? annual : _("standard design"));
    print_line (_("Class template"), *completion ? completion : _("standard design"));
    print_line (_("Printer offset"), offset);
  }
  print_line (_("Key fingerprint"), fingerprint ? fingerprint : _("(no key yet: made with the first certificate)"));
  print_line (_("PDF fingerprint"), pdf_fingerprint ? pdf_fingerprint : _("(no key yet: made with the first certificate)"));
}

#define BASE_SHOW_SUMMARY N_("Show the base’s profile: its name, issuer, seal, how certificates are printed and the signing key’s fingerprint.")
#define BASE_SET_SUMMARY N_("Change the base’s profile; what is not given stays as it is.")

static int
base_show (const XsCliGlobals *globals,
           int                 argc,
           char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsBaseProfile) profile = NULL;
  g_autoptr(XsPdfKey) pdf_key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("table (the default) or json"), N_("FORMAT") },
    { NULL }
  };

  if (!xs_cli_parse ("base show", "", _(BASE_SHOW_SUMMARY),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc > 1)
    return xs_cli_usage_error ("base show", _("Unexpected “%s”."), argv[1]);
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "json"))
    return xs_cli_usage_error ("base show", _("The format is table or json, not “%s”."), format);

  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if ((profile = xs_base_profile_load (db, &error)) == NULL)
    return xs_cli_refuse (error);
  /* the key PDFs are signed with, once there is one */
  if (xs_pdf_key_exists (xs_db_get_data_dir (db))
      && (pdf_key = xs_pdf_key_open (xs_db_get_data_dir (db), &error)) == NULL)
    return xs_cli_refuse (error);
  if (format != NULL && g_str_equal (format, "json"))
    print_json (profile, pdf_key ? xs_pdf_key_get_fingerprint (pdf_key) : NULL);
  else
    print_table (profile, pdf_key ? xs_pdf_key_get_fingerprint (pdf_key) : NULL);
  return XS_CLI_OK;
}

typedef struct
{
  char     *name;
  char     *issuer;
  char     *seal;
  char     *language;
  char     *kind_template[2];
  char     *offset[2];
  gboolean  no_seal;
  gboolean  landscape;
  gboolean  portrait;
  gboolean  full_id_number;
  gboolean  masked_id_number;
} SetOptions;

static void
set_options_clear (SetOptions *options)
{
  g_free (options->name);
  g_free (options->issuer);
  g_free (options->seal);
  g_free (options->language);
  for (int i = 0; i < 2; i++)
    {
      g_free (options->kind_template[i]);
      g_free (options->offset[i]);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SetOptions, set_options_clear)

static gboolean
apply_options (XsDb              *db,
               XsBaseProfile     *profile,
               const SetOptions  *options,
               GError           **error)
{
  if (options->name != NULL)
    xs_base_profile_set_name (profile, options->name);
  if (options->issuer != NULL)
    xs_base_profile_set_issuer (profile, options->issuer);
  if (options->seal != NULL && !xs_base_profile_set_seal_from_file (profile, options->seal, error))
    return FALSE;
  if (options->no_seal)
    xs_base_profile_set_seal (profile, NULL, NULL);
  if (options->landscape || options->portrait)
    xs_base_profile_set_orientation (profile, options->landscape ? XS_CERTIFICATE_LANDSCAPE
                                                                 : XS_CERTIFICATE_PORTRAIT);
  if (options->full_id_number || options->masked_id_number)
    xs_base_profile_set_full_id_number (profile, options->full_id_number);
  if (options->language != NULL)
    {
      XsCertificateLanguage language;

      if (!xs_certificate_language_from_string (options->language, &language))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not a certificate language: give zh (Chinese) or en (English)."),
                       options->language);
          return FALSE;
        }
      xs_base_profile_set_language (profile, language);
    }
  for (int i = 0; i < 2; i++)
    if (options->kind_template[i] != NULL)
      {
        /* "standard" (or nothing): the built-in design in the profile's orientation */
        const char *name = g_str_equal (options->kind_template[i], "standard") ? "" : options->kind_template[i];
        g_autoptr(XsCertificateTemplate) template = NULL;

        if (*name != '\0'
            && (template = xs_certificate_templates_lookup (db, name, XS_CERTIFICATE_PORTRAIT, error)) == NULL)
          return FALSE;
        xs_base_profile_set_kind_template (profile, i ? XS_CERTIFICATE_COMPLETION : XS_CERTIFICATE_ANNUAL, name);
      }
  if (options->offset[0] != NULL || options->offset[1] != NULL)
    {
      double offset[2];

      xs_base_profile_get_offset (profile, &offset[0], &offset[1]);
      for (int i = 0; i < 2; i++)
        if (options->offset[i] != NULL)
          {
            char *end = NULL;

            offset[i] = g_ascii_strtod (options->offset[i], &end);
            if (end == options->offset[i] || *end != '\0' || !isfinite (offset[i])
                || fabs (offset[i]) > XS_BASE_PROFILE_MAX_OFFSET)
              {
                g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                             _("The offset “%s” is not a number of mm from −%g to %g."),
                             options->offset[i], XS_BASE_PROFILE_MAX_OFFSET, XS_BASE_PROFILE_MAX_OFFSET);
                return FALSE;
              }
          }
      xs_base_profile_set_offset (profile, offset[0], offset[1]);
    }
  return TRUE;
}

static int
base_set (const XsCliGlobals *globals,
          int                 argc,
          char              **argv)
{
  g_auto(SetOptions) options = { 0 };
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsBaseProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &options.name, N_("The base’s name, as certificates and packages show it"), N_("TEXT") },
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &options.issuer, N_("A second issuing body (empty for none)"), N_("TEXT") },
    { "seal", 0, 0, G_OPTION_ARG_FILENAME, &options.seal, N_("The seal image, a PNG, stored in the database"), N_("FILE") },
    { "no-seal", 0, 0, G_OPTION_ARG_NONE, &options.no_seal, N_("Print certificates without a seal"), NULL },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &options.landscape, N_("Print certificates sideways"), NULL },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &options.portrait, N_("Print certificates upright"), NULL },
    { "full-id-number", 0, 0, G_OPTION_ARG_NONE, &options.full_id_number, N_("Print identity numbers whole"), NULL },
    { "masked-id-number", 0, 0, G_OPTION_ARG_NONE, &options.masked_id_number, N_("Print identity numbers masked"), NULL },
    { "language", 0, 0, G_OPTION_ARG_STRING, &options.language, N_("The language certificates are printed in: zh (Chinese) or en (English)"), N_("LANGUAGE") },
    { "annual-template", 0, 0, G_OPTION_ARG_STRING, &options.kind_template[0], N_("The template of annual certificates (“standard” for the built-in design; see “templates list”)"), N_("NAME") },
    { "completion-template", 0, 0, G_OPTION_ARG_STRING, &options.kind_template[1], N_("The template of completion certificates (“standard” for the built-in design)"), N_("NAME") },
    { "offset-x", 0, 0, G_OPTION_ARG_STRING, &options.offset[0], N_("Move everything printed this many mm right (negative: left), to correct the printer"), N_("MM") },
    { "offset-y", 0, 0, G_OPTION_ARG_STRING, &options.offset[1], N_("Move everything printed this many mm down (negative: up)"), N_("MM") },
    { NULL }
  };

  if (!xs_cli_parse ("base set", "", _(BASE_SET_SUMMARY),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc > 1)
    return xs_cli_usage_error ("base set", _("Unexpected “%s”."), argv[1]);
  if (options.landscape && options.portrait)
    return xs_cli_usage_error ("base set", _("Give --landscape or --portrait, not both."));
  if (options.full_id_number && options.masked_id_number)
    return xs_cli_usage_error ("base set", _("Give --full-id-number or --masked-id-number, not both."));
  if (options.seal != NULL && options.no_seal)
    return xs_cli_usage_error ("base set", _("Give --seal FILE.png or --no-seal, not both."));
  if (options.name == NULL && options.issuer == NULL && options.seal == NULL && !options.no_seal
      && !options.landscape && !options.portrait && !options.full_id_number && !options.masked_id_number
      && options.language == NULL
      && options.kind_template[0] == NULL && options.kind_template[1] == NULL
      && options.offset[0] == NULL && options.offset[1] == NULL)
    return xs_cli_usage_error ("base set", _("Give what to change, for instance --name TEXT."));

  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if ((profile = xs_base_profile_load (db, &error)) == NULL
      || !apply_options (db, profile, &options, &error)
      || !xs_base_profile_save (profile, db, &error))
    return xs_cli_refuse (error);
  printf ("%s\n", _("The base’s profile is saved."));
  return XS_CLI_OK;
}

int
xs_cli_base (const XsCliGlobals *globals,
             int                 argc,
             char              **argv)
{
  static const XsCliSubcommand subcommands[] = {
    { "show", NULL, base_show, BASE_SHOW_SUMMARY },
    { "set", NULL, base_set, BASE_SET_SUMMARY },
  };

  return xs_cli_run_subcommand (globals, "base", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
