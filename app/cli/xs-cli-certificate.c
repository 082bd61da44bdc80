/* xs-cli-certificate.c: certificates, reprint, revoke, verify, export-public-key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "xs-certificate-payload.h"
#include "xs-certificate-store.h"
#include "xs-cli.h"
#include "xs-date.h"
#include "xs-id-number.h"

#define SCHEMA_ID "io.github.xueshi.Xueshi"

/* The window's preferences when they are installed, then the options. */
typedef struct
{
  char     *base_name;
  char     *issuer;
  char     *seal;
  gboolean  landscape;
  gboolean  portrait;
  gboolean  full_id_number;
} SettingsOptions;

static void
settings_options_clear (SettingsOptions *options)
{
  g_free (options->base_name);
  g_free (options->issuer);
  g_free (options->seal);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SettingsOptions, settings_options_clear)

static void
fill_settings (SettingsOptions       *options,
               XsCertificateSettings *settings)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE) : NULL;

  if (schema != NULL)
    {
      g_autoptr(GSettings) gsettings = g_settings_new (SCHEMA_ID);

      if (options->base_name == NULL)
        options->base_name = g_settings_get_string (gsettings, "base-name");
      if (options->issuer == NULL)
        options->issuer = g_settings_get_string (gsettings, "certificate-issuer");
      if (options->seal == NULL)
        options->seal = g_settings_get_string (gsettings, "seal-image");
      if (!options->landscape && !options->portrait)
        options->landscape = g_settings_get_enum (gsettings, "certificate-orientation") == XS_CERTIFICATE_LANDSCAPE;
      options->full_id_number |= g_settings_get_boolean (gsettings, "print-full-id-number");
    }
  settings->base_name = options->base_name;
  settings->issuer = options->issuer;
  settings->seal_path = options->seal;
  settings->orientation = options->landscape ? XS_CERTIFICATE_LANDSCAPE : XS_CERTIFICATE_PORTRAIT;
  settings->full_id_number = options->full_id_number;
}

/* What the certificates job reads (borrowed: the job is waited for) and
 * gives. */
typedef struct
{
  const XsCertificateSettings *settings;
  const XsCertificateQuery    *query;
  const char                  *out;
  const char                  *phase;      /* the progress line's words */
  GPtrArray                   *certificates;
  GPtrArray                   *refused;
  guint                        n_issued;
} CertificatesRun;

static void
progress_line (guint    done,
               guint    total,
               gpointer job)
{
  CertificatesRun *run = xs_job_get_data (job);

  if (total > 0)
    xs_job_set_progress (job, (double) done / total, run->phase);
}

static gboolean
issue_and_write (XsJob         *job,
                 XsDb          *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  CertificatesRun *run = data;
  g_autoptr(XsSigningKey) key = xs_signing_key_open (xs_job_get_data_dir (job), error);

  if (key == NULL)
    return FALSE;
  run->phase = _("Issuing");
  run->certificates = xs_certificates_issue (db, key, run->settings, run->query, progress_line, job,
                                             cancellable, &run->n_issued, &run->refused, error);
  if (run->certificates == NULL)
    return FALSE;
  run->phase = _("Writing");
  return xs_certificate_write_pdf (run->certificates, run->out, progress_line, job, cancellable, error);
}

int
xs_cli_certificates (const XsCliGlobals *globals,
                     int                 argc,
                     char              **argv)
{
  g_auto(SettingsOptions) options = { 0 };
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_auto(GStrv) raw_ids = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *year_text = NULL;
  g_autofree char *employer = NULL;
  g_autofree char *class_code = NULL;
  g_autofree char *out = NULL;
  XsCertificateSettings settings = { 0 };
  XsCertificateQuery query = { 0 };
  CertificatesRun run = { 0 };
  gboolean ok;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year of the annual certificates"), "Y" },
    { "id-number", 0, 0, G_OPTION_ARG_STRING_ARRAY, &raw_ids, N_("Only this trainee (repeat for more)"), "N" },
    { "employer", 0, 0, G_OPTION_ARG_STRING, &employer, N_("Only this employer’s staff"), "E" },
    { "class", 0, 0, G_OPTION_ARG_STRING, &class_code, N_("Completion certificates of this class instead"), "CODE" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF to write"), N_("FILE") },
    { "base-name", 0, 0, G_OPTION_ARG_STRING, &options.base_name, N_("The issuing base (default: Preferences)"), N_("TEXT") },
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &options.issuer, N_("A second issuing body (default: Preferences)"), N_("TEXT") },
    { "seal", 0, 0, G_OPTION_ARG_FILENAME, &options.seal, N_("The seal image, a PNG (default: Preferences)"), N_("FILE") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &options.landscape, N_("Print sideways"), NULL },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &options.portrait, N_("Print upright"), NULL },
    { "full-id-number", 0, 0, G_OPTION_ARG_NONE, &options.full_id_number, N_("Print identity numbers whole"), NULL },
    { NULL }
  };

  if (!xs_cli_parse ("certificates", "",
                     _("Issue the certificates not issued yet and write them, with the earlier ones, to one PDF."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc > 1)
    return xs_cli_usage_error ("certificates", _("Unexpected “%s”."), argv[1]);
  if (out == NULL)
    return xs_cli_usage_error ("certificates", _("Give the PDF to write with --out FILE.pdf."));
  if ((year_text == NULL) == (class_code == NULL))
    return xs_cli_usage_error ("certificates", _("Give either --year Y (annual certificates) or --class CODE (completion certificates)."));
  if (year_text != NULL && !xs_cli_parse_year (year_text, &query.year))
    return XS_CLI_USAGE;

  for (guint i = 0; raw_ids != NULL && raw_ids[i] != NULL; i++)
    {
      g_autoptr(GError) id_error = NULL;
      char *normalized = xs_id_number_normalize (raw_ids[i], &id_error);

      if (normalized == NULL)
        return xs_cli_usage_error ("certificates", "%s", id_error->message);
      g_ptr_array_add (ids, normalized);
    }
  g_ptr_array_add (ids, NULL);

  query.kind = class_code ? XS_CERTIFICATE_COMPLETION : XS_CERTIFICATE_ANNUAL;
  query.id_numbers = raw_ids ? (const char * const *) ids->pdata : NULL;
  query.employer = employer;
  query.class_code = class_code;
  fill_settings (&options, &settings);

  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;

  run.settings = &settings;
  run.query = &query;
  run.out = out;
  job = xs_job_new (xs_db_get_data_dir (db), issue_and_write, &run, NULL);
  ok = xs_cli_run_job (job, NULL, &error);
  certificates = g_steal_pointer (&run.certificates);
  refused = g_steal_pointer (&run.refused);
  for (guint i = 0; refused != NULL && i < refused->len; i++)
    fprintf (stderr, "xueshi-cli: %s\n", (const char *) g_ptr_array_index (refused, i));
  if (!ok)
    return xs_cli_refuse (error);

  /* read by scripts: untranslated */
  printf ("%u certificates (%u newly issued) written to %s\n", certificates->len, run.n_issued, out);
  return refused->len > 0 ? XS_CLI_REFUSED : XS_CLI_OK;
}

int
xs_cli_reprint (const XsCliGlobals *globals,
                int                 argc,
                char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF to write"), N_("FILE") },
    { NULL }
  };

  if (!xs_cli_parse ("reprint", _("SERIAL"), _("Write an issued certificate again, exactly as it was issued."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2 || out == NULL)
    return xs_cli_usage_error ("reprint", _("Give one certificate number and --out FILE.pdf."));
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if ((pdf = xs_certificate_store_get_pdf (db, argv[1], &error)) == NULL
      || !g_file_set_contents (out, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
    return xs_cli_refuse (error);
  return XS_CLI_OK;
}

int
xs_cli_revoke (const XsCliGlobals *globals,
               int                 argc,
               char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the certificate no longer stands (required)"), N_("TEXT") },
    { NULL }
  };

  if (!xs_cli_parse ("revoke", _("SERIAL"), _("Record that an issued certificate no longer stands."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2)
    return xs_cli_usage_error ("revoke", _("Give one certificate number."));
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if (!xs_certificate_store_revoke (db, argv[1], reason, &error))
    return xs_cli_refuse (error);
  return XS_CLI_OK;
}

static const char *
kind_label (XsCertificateKind kind)
{
  return kind == XS_CERTIFICATE_ANNUAL ? _("Continuing Education Certificate") : _("Certificate of Completion");
}

int
xs_cli_verify (const XsCliGlobals *globals,
               int                 argc,
               char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *key_text = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *name = NULL;
  g_autofree char *pub = NULL, *compulsory = NULL, *pro = NULL, *total = NULL;
  XsCertificatePayload payload = { 0 };
  GOptionEntry entries[] = {
    { "public-key", 0, 0, G_OPTION_ARG_FILENAME, &key_file, N_("The issuing base’s public key (default: this installation’s)"), N_("FILE") },
    { "id-number", 0, 0, G_OPTION_ARG_STRING, &id_number, N_("With --name: check the certificate is this person’s"), "N" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The holder’s name"), N_("NAME") },
    { NULL }
  };

  if (!xs_cli_parse ("verify", _("PAYLOAD"), _("Check the text of a certificate’s QR code, offline."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2)
    return xs_cli_usage_error ("verify", _("Give the scanned text of one QR code."));
  if ((id_number == NULL) != (name == NULL))
    return xs_cli_usage_error ("verify", _("--id-number and --name go together."));

  if (key_file != NULL)
    {
      if (!g_file_get_contents (key_file, &key_text, NULL, &error))
        return xs_cli_refuse (error);
      g_strstrip (key_text);
    }
  else
    {
      g_autoptr(XsDb) db = xs_cli_open_db (globals);
      g_autoptr(XsSigningKey) key = NULL;

      if (db == NULL)
        return XS_CLI_REFUSED;
      if ((key = xs_signing_key_open (xs_db_get_data_dir (db), &error)) == NULL)
        return xs_cli_refuse (error);
      key_text = g_strdup (xs_signing_key_get_public_text (key));
    }

  if (!xs_certificate_payload_verify (argv[1], key_text, &payload, &error))
    {
      printf ("%s\n", _("INVALID"));
      return xs_cli_refuse (error);
    }

  pub = xs_hours_format (payload.public_hours);
  compulsory = xs_hours_format (payload.compulsory);
  pro = xs_hours_format (payload.professional);
  total = xs_hours_format (payload.total);
  printf ("%s\n", _("VALID"));
  printf ("%s: %s\n", _("Certificate"), kind_label (payload.kind));
  printf ("%s: %s\n", _("Number"), payload.serial);
  printf ("%s: %d\n", _("Year"), payload.year);
  printf (_("Hours: public %s (compulsory %s), professional %s, total %s\n"), pub, compulsory, pro, total);

  if (id_number != NULL)
    {
      g_autofree char *normalized = xs_id_number_normalize (id_number, NULL);
      char digest[13];

      xs_certificate_holder_digest (normalized ? normalized : id_number, name, digest);
      if (strcmp (digest, payload.holder) != 0)
        {
          printf ("%s\n", _("The certificate is genuine but is NOT this person’s."));
          xs_certificate_payload_clear (&payload);
          return XS_CLI_REFUSED;
        }
      printf ("%s\n", _("The certificate is this person’s."));
    }
  xs_certificate_payload_clear (&payload);
  return XS_CLI_OK;
}

int
xs_cli_export_public_key (const XsCliGlobals *globals,
                          int                 argc,
                          char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write it to FILE instead of the terminal"), N_("FILE") },
    { NULL }
  };

  if (!xs_cli_parse ("export-public-key", "", _("Write the key reviewers need to check this base’s certificates."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 1)
    return xs_cli_usage_error ("export-public-key", _("Unexpected “%s”."), argv[1]);
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if ((key = xs_signing_key_open (xs_db_get_data_dir (db), &error)) == NULL)
    return xs_cli_refuse (error);

  text = g_strconcat (xs_signing_key_get_public_text (key), "\n", NULL);
  if (out == NULL)
    fputs (text, stdout);
  else if (!g_file_set_contents (out, text, -1, &error))
    return xs_cli_refuse (error);
  return XS_CLI_OK;
}
