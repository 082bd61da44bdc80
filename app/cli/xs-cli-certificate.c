/* xs-cli-certificate.c: certificates, reprint, revoke, verify, revocations, export-public-key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "xs-base-profile.h"
#include "xs-certificate-check.h"
#include "xs-certificate-payload.h"
#include "xs-certificate-sign.h"
#include "xs-certificate-pdf.h"
#include "xs-certificate-store.h"
#include "xs-certificate-templates.h"
#include "xs-cli.h"
#include "xs-data-dir.h"
#include "xs-date.h"
#include "xs-id-number.h"
#include "xs-output.h"
#include "xs-safe-text.h"
#include "xs-qr-reader.h"
#include "xs-revocation-list.h"

/* The options of one run, over the base's profile. */
typedef struct
{
  char     *base_name;
  char     *issuer;
  char     *seal;
  gboolean  landscape;
  gboolean  portrait;
  gboolean  full_id_number;
  gboolean  masked_id_number;
} SettingsOptions;

static void
settings_options_clear (SettingsOptions *options)
{
  g_free (options->base_name);
  g_free (options->issuer);
  g_free (options->seal);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SettingsOptions, settings_options_clear)

/* The profile's values, with the options given for this run instead; the
 * profile itself does not change. */
static void
fill_settings (const SettingsOptions *options,
               XsBaseProfile         *profile,
               XsCertificateSettings *settings)
{
  xs_base_profile_get_certificate_settings (profile, settings);
  if (options->base_name != NULL)
    settings->base_name = options->base_name;
  if (options->issuer != NULL)
    settings->issuer = options->issuer;
  if (options->seal != NULL)
    settings->seal_path = options->seal;
  if (options->landscape || options->portrait)
    settings->orientation = options->landscape ? XS_CERTIFICATE_LANDSCAPE : XS_CERTIFICATE_PORTRAIT;
  if (options->full_id_number || options->masked_id_number)
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
  g_autoptr(XsPdfKey) pdf_key = NULL;

  if (key == NULL)
    return FALSE;
  run->phase = _("Issuing");
  run->certificates = xs_certificates_issue (db, key, run->settings, run->query, progress_line, job,
                                             cancellable, &run->n_issued, &run->refused, error);
  if (run->certificates == NULL)
    return FALSE;
  if ((pdf_key = xs_certificate_open_pdf_key (db, error)) == NULL)
    return FALSE;
  run->phase = _("Writing");
  return xs_certificate_write_pdf (run->certificates, pdf_key, run->out, progress_line, job, cancellable, error);
}

/* The calibration page of the template the profile (and --landscape or
 * --portrait) gives certificates of that kind, with the profile's offset. */
static int
write_calibration (const XsCliGlobals    *globals,
                   const SettingsOptions *options,
                   gboolean               completion,
                   const char            *out)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsBaseProfile) profile = NULL;
  g_autoptr(XsCertificateTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  XsCertificateSettings settings = { 0 };

  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if ((profile = xs_base_profile_load (db, &error)) == NULL)
    return xs_cli_refuse (error);
  fill_settings (options, profile, &settings);
  template = xs_certificate_templates_lookup (db, completion ? settings.completion_template : settings.annual_template,
                                              settings.orientation, &error);
  if (template == NULL
      || !xs_certificate_write_calibration (template, settings.offset_x, settings.offset_y, out, &error))
    return xs_cli_refuse (error);
  /* read by scripts: untranslated */
  printf ("calibration page of template %s written to %s\n", xs_certificate_template_get_name (template), out);
  return XS_CLI_OK;
}

int
xs_cli_certificates (const XsCliGlobals *globals,
                     int                 argc,
                     char              **argv)
{
  g_auto(SettingsOptions) options = { 0 };
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsBaseProfile) profile = NULL;
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
  gboolean calibration = FALSE;
  gboolean ok;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year of the annual certificates"), "Y" },
    { "id-number", 0, 0, G_OPTION_ARG_STRING_ARRAY, &raw_ids, N_("Only this trainee (repeat for more)"), "N" },
    { "employer", 0, 0, G_OPTION_ARG_STRING, &employer, N_("Only this employer’s staff"), "E" },
    { "class", 0, 0, G_OPTION_ARG_STRING, &class_code, N_("Completion certificates of this class instead"), "CODE" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF to write"), N_("FILE") },
    { "calibration", 0, 0, G_OPTION_ARG_NONE, &calibration, N_("Write the calibration page of the template instead: crosses and rulers at known places, to set the printer’s offset"), NULL },
    { "base-name", 0, 0, G_OPTION_ARG_STRING, &options.base_name, N_("The issuing base for this run (default: the base’s profile)"), N_("TEXT") },
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &options.issuer, N_("A second issuing body for this run (default: the base’s profile)"), N_("TEXT") },
    { "seal", 0, 0, G_OPTION_ARG_FILENAME, &options.seal, N_("The seal image for this run, a PNG (default: the base’s profile)"), N_("FILE") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &options.landscape, N_("Print sideways"), NULL },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &options.portrait, N_("Print upright"), NULL },
    { "full-id-number", 0, 0, G_OPTION_ARG_NONE, &options.full_id_number, N_("Print identity numbers whole"), NULL },
    { "masked-id-number", 0, 0, G_OPTION_ARG_NONE, &options.masked_id_number, N_("Print identity numbers masked"), NULL },
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
  if (calibration)
    return write_calibration (globals, &options, class_code != NULL, out);
  if ((year_text == NULL) == (class_code == NULL))
    return xs_cli_usage_error ("certificates", _("Give either --year Y (annual certificates) or --class CODE (completion certificates)."));
  if (year_text != NULL && !xs_cli_parse_year (year_text, &query.year))
    return XS_CLI_USAGE;
  if (options.landscape && options.portrait)
    return xs_cli_usage_error ("certificates", _("Give --landscape or --portrait, not both."));
  if (options.full_id_number && options.masked_id_number)
    return xs_cli_usage_error ("certificates", _("Give --full-id-number or --masked-id-number, not both."));

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

  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if ((profile = xs_base_profile_load (db, &error)) == NULL)
    return xs_cli_refuse (error);
  fill_settings (&options, profile, &settings);

  run.settings = &settings;
  run.query = &query;
  run.out = out;
  job = xs_job_new (xs_db_get_data_dir (db), issue_and_write, &run, NULL);
  ok = xs_cli_run_job (job, NULL, &error);
  certificates = g_steal_pointer (&run.certificates);
  refused = g_steal_pointer (&run.refused);
  for (guint i = 0; refused != NULL && i < refused->len; i++)
    {
      g_autofree char *line = xs_cli_escape (g_ptr_array_index (refused, i));

      fprintf (stderr, "xueshi-cli: %s\n", line);
    }
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
      || !xs_output_write_file (out, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                XS_OUTPUT_PRIVATE, &error))
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

/* The public key of this data folder, when it has one, without making
 * one. */
static char *
own_public_key (const XsCliGlobals *globals)
{
  g_autofree char *data_dir = xs_data_dir_resolve (globals->data_dir);
  g_autofree char *path = NULL;
  g_autoptr(XsSigningKey) key = NULL;

  if (data_dir == NULL)
    return NULL;
  path = g_build_filename (data_dir, "signing-key", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR)
      || (key = xs_signing_key_open (data_dir, NULL)) == NULL)
    return NULL;
  return g_strdup (xs_signing_key_get_public_text (key));
}

/* The key among the base's current and retired ones that signed @text;
 * the current one when none did (its refusal is then printed). */
static const char *
pick_key (const char *text,
          GStrv       keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      XsCertificatePayload payload = { 0 };
      gboolean ok = xs_certificate_payload_verify (text, keys[i], &payload, NULL);

      xs_certificate_payload_clear (&payload);
      if (ok)
        return keys[i];
    }
  return keys[0];
}

/* Prints what one QR code says; returns its exit status. */
static int
verify_one (const char       *text,
            const char       *key_text,
            XsDb             *db,
            XsRevocationList *list,
            const char       *id_number,
            const char       *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pub = NULL, *compulsory = NULL, *pro = NULL, *total = NULL;
  XsCertificateCheck check = { 0 };
  int status = XS_CLI_OK;

  if (!xs_certificate_check (text, key_text, db, list, &check, &error))
    {
      printf ("%s\n", _("INVALID"));
      return xs_cli_refuse (error);
    }

  pub = xs_hours_format (check.payload.public_hours);
  compulsory = xs_hours_format (check.payload.compulsory);
  pro = xs_hours_format (check.payload.professional);
  total = xs_hours_format (check.payload.total);
  printf ("%s\n", check.status == XS_REVOCATION_REVOKED ? _("REVOKED") : _("VALID"));
  printf ("%s: %s\n", _("Certificate"), kind_label (check.payload.kind));
  printf ("%s: %s\n", _("Number"), check.payload.serial);
  printf ("%s: %d\n", _("Year"), check.payload.year);
  printf (_("Hours: public %s (compulsory %s), professional %s, total %s\n"), pub, compulsory, pro, total);
  if (check.payload.version >= 2)
    {
      g_autofree char *shown = xs_safe_text_for_terminal (check.payload.name);

      printf ("%s: %s\n", _("Name"), shown);
      printf ("%s: %s\n", _("Identity number"), check.payload.id_text);
      if (id_number == NULL)
        printf ("%s\n", _("Compare the name and the identity number with the holder’s ID card."));
    }

  switch (check.status)
    {
    case XS_REVOCATION_REVOKED:
      {
        g_autofree char *reason = xs_cli_escape (check.reason);

        printf ("%s: %s\n", _("Revoked on"), check.revoked_at);
        printf ("%s: %s\n", _("Reason"), reason);
        status = XS_CLI_REVOKED;
      }
      break;
    case XS_REVOCATION_NOT_REVOKED:
      break;
    case XS_REVOCATION_NOT_CHECKED:
    default:
      printf ("%s\n", _("Revocation not checked: give the issuing base’s list with --revocations FILE."));
      break;
    }
  if (check.status != XS_REVOCATION_NOT_CHECKED)
    {
      if (check.list_issued_at != NULL)
        printf (_("Revocation checked against the base’s list of %s\n"), check.list_issued_at);
      else
        printf ("%s\n", _("Revocation checked against this base’s register"));
    }

  if (id_number != NULL)
    {
      if (!xs_certificate_payload_check_holder (&check.payload, id_number, name))
        {
          printf ("%s\n", _("The certificate is genuine but is NOT this person’s."));
          status = XS_CLI_REFUSED;
        }
      else if (check.payload.version >= 2 && strchr (check.payload.id_text, '*') != NULL)
        printf ("%s\n", _("The name and the digits the certificate prints are this person’s (the hidden digits are not in the code: check the photo on the ID card)."));
      else
        printf ("%s\n", _("The certificate is this person’s."));
    }
  xs_certificate_check_clear (&check);
  return status;
}

int
xs_cli_verify (const XsCliGlobals *globals,
               int                 argc,
               char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsRevocationList) list = NULL;
  g_autoptr(GPtrArray) payloads = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *key_text = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *revocations = NULL;
  g_autofree char *image = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *name = NULL;
  gboolean any_revoked = FALSE;
  gboolean any_refused = FALSE;
  GOptionEntry entries[] = {
    { "public-key", 0, 0, G_OPTION_ARG_FILENAME, &key_file, N_("The issuing base’s public key (default: this installation’s)"), N_("FILE") },
    { "revocations", 0, 0, G_OPTION_ARG_FILENAME, &revocations, N_("The issuing base’s signed list of revoked certificates"), N_("FILE") },
    { "image", 0, 0, G_OPTION_ARG_FILENAME, &image, N_("Read the QR code from a photo, a scan (JPEG, PNG) or a PDF"), N_("FILE") },
    { "id-number", 0, 0, G_OPTION_ARG_STRING, &id_number, N_("With --name: check the certificate is this person’s"), "N" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The holder’s name"), N_("NAME") },
    { NULL }
  };

  if (!xs_cli_parse ("verify", _("PAYLOAD"), _("Check the text of a certificate’s QR code, offline."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (image != NULL ? argc != 1 : argc != 2)
    return xs_cli_usage_error ("verify", _("Give the scanned text of one QR code, or --image FILE."));
  if ((id_number == NULL) != (name == NULL))
    return xs_cli_usage_error ("verify", _("--id-number and --name go together."));

  if (key_file != NULL)
    {
      g_autofree char *own = NULL;

      /* the current key first, then any retired ones */
      if ((keys = xs_public_key_read_file (key_file, &error)) == NULL)
        return xs_cli_refuse (error);
      key_text = g_strdup (keys[0]);
      /* The issuing base's own data folder: its register says what was
       * revoked. */
      own = own_public_key (globals);
      if (own != NULL && g_str_equal (own, key_text) && (db = xs_cli_open_db (globals)) == NULL)
        return XS_CLI_REFUSED;
    }
  else
    {
      /* The key first: a base without its key is refused before anything
       * is opened or written. */
      g_autofree char *data_dir = xs_data_dir_resolve (globals->data_dir);
      g_autoptr(XsSigningKey) key = NULL;

      if ((key = xs_signing_key_open (data_dir, &error)) == NULL)
        return xs_cli_refuse (error);
      if ((db = xs_cli_open_db (globals)) == NULL)
        return XS_CLI_REFUSED;
      key_text = g_strdup (xs_signing_key_get_public_text (key));
      if ((keys = xs_signing_key_list_public_texts (data_dir, &error)) == NULL)
        return xs_cli_refuse (error);
    }

  if (revocations != NULL && (list = xs_revocation_list_load (revocations, key_text, &error)) == NULL)
    return xs_cli_refuse (error);

  if (image != NULL)
    {
      if ((payloads = xs_qr_reader_read_file (image, NULL, &error)) == NULL)
        return xs_cli_refuse (error);
    }
  else
    {
      payloads = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (payloads, g_strdup (argv[1]));
    }

  for (guint i = 0; i < payloads->len; i++)
    {
      int status;

      if (i > 0)
        printf ("\n");
      status = verify_one (g_ptr_array_index (payloads, i),
                           pick_key (g_ptr_array_index (payloads, i), keys), db, list, id_number, name);
      any_revoked |= status == XS_CLI_REVOKED;
      any_refused |= status == XS_CLI_REFUSED;
    }
  return any_refused ? XS_CLI_REFUSED : any_revoked ? XS_CLI_REVOKED : XS_CLI_OK;
}

int
xs_cli_revocations (const XsCliGlobals *globals,
                    int                 argc,
                    char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  guint n_revoked = 0;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write"), N_("FILE") },
    { NULL }
  };

  if (!xs_cli_parse ("revocations", "", _("Write the list of revoked certificates, signed with this base’s key, for those who check its certificates."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 1)
    return xs_cli_usage_error ("revocations", _("Unexpected “%s”."), argv[1]);
  if (out == NULL)
    return xs_cli_usage_error ("revocations", _("Give the file to write with --out FILE."));
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if ((key = xs_signing_key_open (xs_db_get_data_dir (db), &error)) == NULL
      || !xs_revocation_list_write (db, key, out, &n_revoked, &error))
    return xs_cli_refuse (error);
  /* read by scripts: untranslated */
  printf ("%u revoked certificates written to %s\n", n_revoked, out);
  return XS_CLI_OK;
}

int
xs_cli_export_public_key (const XsCliGlobals *globals,
                          int                 argc,
                          char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *joined = NULL;
  g_auto(GStrv) keys = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write it to FILE instead of the terminal"), N_("FILE") },
    { NULL }
  };

  if (!xs_cli_parse ("export-public-key", "", _("Write the keys reviewers need to check this base’s certificates and packages: the current key first, then any earlier ones."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 1)
    return xs_cli_usage_error ("export-public-key", _("Unexpected “%s”."), argv[1]);
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if ((keys = xs_signing_key_list_public_texts (xs_db_get_data_dir (db), &error)) == NULL)
    return xs_cli_refuse (error);

  /* the current key first, then the retired ones: what they signed still verifies */
  joined = g_strjoinv ("\n", keys);
  text = g_strconcat (joined, "\n", NULL);
  if (out == NULL)
    fputs (text, stdout);
  else if (!xs_output_write_file (out, text, strlen (text), XS_OUTPUT_PUBLIC, &error))
    return xs_cli_refuse (error);
  return XS_CLI_OK;
}
