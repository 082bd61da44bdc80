/* xs-cli-scan.c: claim scan, scanners
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "xs-claim-store.h"
#include "xs-evidence-text.h"
#include "xs-date.h"
#include "xs-id-number.h"
#include "xs-recognise.h"
#include "xs-trainee-store.h"
#include "xs-cli.h"
#include "xs-scan-pdf.h"
#include "xs-scanner.h"

typedef struct
{
  GMainLoop *loop;
  GPtrArray *pages;
  GError    *error;
  gboolean   terminal;
} ScanRun;

static void
on_progress (guint            page,
             double           fraction,
             cairo_surface_t *thumbnail,
             gpointer         user_data)
{
  ScanRun *run = user_data;

  if (run->terminal)
    {
      fprintf (stderr, "\r\033[K");
      fprintf (stderr, _("Page %u: %3d%%"), page, (int) (fraction * 100 + 0.5));
    }
  if (fraction >= 1.0)
    {
      if (run->terminal)
        fprintf (stderr, "\r\033[K");
      fprintf (stderr, _("Page %u scanned"), page);
      fputc ('\n', stderr);
    }
  fflush (stderr);
}

/* What was read, as suggestions: nothing is changed in the claim. */
void
xs_cli_print_findings (const XsRecognition *found,
                       const char          *trainee_id_number)
{
  for (guint i = 0; found->id_numbers[i] != NULL; i++)
    {
      g_autofree char *masked = xs_id_number_mask (found->id_numbers[i]);

      if (trainee_id_number != NULL && !g_str_equal (found->id_numbers[i], trainee_id_number))
        fprintf (stderr, _("Warning: this certificate names another person (%s)."), masked);
      else
        fprintf (stderr, _("Identity number: %s"), masked);
      fputc ('\n', stderr);
    }
  if (found->names[0] != NULL)
    fprintf (stderr, "%s: %s\n", _("Names"), found->names[0]);
  if (found->dates[0] != NULL)
    fprintf (stderr, "%s: %s\n", _("Dates"), found->dates[0]);
  if (found->n_hours > 0)
    {
      g_autofree char *hours = xs_hours_format (found->hours[0]);

      fprintf (stderr, "%s: %s\n", _("Hours"), hours);
    }
  if (found->title != NULL)
    fprintf (stderr, "%s: %s\n", _("Title"), found->title);
}

static void
on_scanned (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ScanRun *run = user_data;

  run->pages = xs_scanner_scan_finish (XS_SCANNER (source), result, &run->error);
  if (run->terminal)
    fprintf (stderr, "\r\033[K");
  g_main_loop_quit (run->loop);
}

static gboolean
on_interrupt (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

int
xs_cli_claim_scan (const XsCliGlobals *globals,
                   int                 argc,
                   char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsClaim) claim = NULL;
  g_autoptr(XsScanner) scanner = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *material = NULL;
  g_autofree char *device = NULL;
  g_autofree char *sha256 = NULL;
  gboolean grey = FALSE;
  gboolean no_recognise = FALSE;
  int resolution = XS_SCANNER_DEFAULT_RESOLUTION;
  int pages = 1;
  GOptionEntry entries[] = {
    { "material", 0, 0, G_OPTION_ARG_STRING, &material, N_("Which material the pages prove"), N_("CODE") },
    { "device", 0, 0, G_OPTION_ARG_STRING, &device, N_("The scanner to use (see “xueshi-cli scanners”); the first one found by default"), N_("NAME") },
    { "resolution", 0, 0, G_OPTION_ARG_INT, &resolution, N_("Dots per inch (200 by default)"), N_("N") },
    { "pages", 0, 0, G_OPTION_ARG_INT, &pages, N_("How many pages (1 by default; 0: all the feeder holds)"), N_("N") },
    { "grey", 0, 0, G_OPTION_ARG_NONE, &grey, N_("Scan in grey instead of colour"), NULL },
    { "no-recognise", 0, 0, G_OPTION_ARG_NONE, &no_recognise, N_("Do not read the text of the pages"), NULL },
    { NULL }
  };
  ScanRun run = { 0 };
  guint interrupt;
  gint64 id;

  if (!xs_cli_parse ("claim scan", _("ID"), _(XS_CLI_CLAIM_SCAN_SUMMARY),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2 || material == NULL)
    return xs_cli_usage_error ("claim scan", _("Give --material and the claim number."));
  if (!xs_cli_parse_id (argv[1], &id))
    return XS_CLI_USAGE;
  if (resolution < 50 || resolution > 1200)
    return xs_cli_usage_error ("claim scan", _("The resolution must be between 50 and 1200 dots per inch."));
  if (pages < 0 || pages > XS_SCANNER_MAX_PAGES)
    return xs_cli_usage_error ("claim scan", _("The number of pages must be between 0 and %d."),
                               XS_SCANNER_MAX_PAGES);
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  /* A claim that is not there is refused before the scanner moves. */
  claim = xs_claim_store_get (db, id, &error);
  if (claim == NULL)
    return xs_cli_refuse (error);

  scanner = xs_scanner_new (device);
  xs_scanner_set_mode (scanner, grey ? XS_SCAN_MODE_GREY : XS_SCAN_MODE_COLOUR);
  xs_scanner_set_resolution (scanner, resolution);
  xs_scanner_set_pages (scanner, pages);

  run.loop = g_main_loop_new (NULL, FALSE);
  run.terminal = isatty (STDERR_FILENO);
  interrupt = g_unix_signal_add (SIGINT, on_interrupt, cancellable);
  xs_scanner_scan_async (scanner, cancellable, on_progress, &run, NULL, on_scanned, &run);
  g_main_loop_run (run.loop);
  g_source_remove (interrupt);
  g_main_loop_unref (run.loop);
  if (run.pages == NULL)
    {
      int status = xs_cli_refuse (run.error);

      g_error_free (run.error);
      return status;
    }

  sha256 = xs_scan_attach (db, id, material, run.pages, &error);
  g_ptr_array_unref (run.pages);
  if (sha256 == NULL)
    return xs_cli_refuse (error);
  printf ("%s\n", sha256);

  /* What the pages say is read now, once, and kept with the scan. */
  if (xs_recognise_is_supported () && !no_recognise)
    {
      g_autoptr(XsTrainee) trainee = xs_trainee_store_get (db, claim->trainee_id, NULL);
      g_autoptr(XsRecognition) found = NULL;

      fprintf (stderr, "%s\n", _("Reading the text of the pages…"));
      found = xs_evidence_recognise (db, sha256, trainee ? trainee->name : NULL, cancellable, &error);
      if (found == NULL)
        {
          /* The scan is stored; only the reading failed. */
          fprintf (stderr, "xueshi-cli: %s\n", error->message);
          return XS_CLI_OK;
        }
      xs_cli_print_findings (found, trainee ? trainee->id_number : NULL);
    }
  return XS_CLI_OK;
}

int
xs_cli_scanners (const XsCliGlobals *globals,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!xs_cli_parse ("scanners", NULL, _("List the scanners this computer can use."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  devices = xs_scanner_list_devices (&error);
  if (devices == NULL)
    return xs_cli_refuse (error);
  if (devices->len == 0)
    {
      fprintf (stderr, "%s\n", _("No scanner was found. Check that it is switched on and connected "
                                 "to this computer, then try again."));
      return XS_CLI_REFUSED;
    }
  for (guint i = 0; i < devices->len; i++)
    {
      XsScanDevice *device = devices->pdata[i];

      printf ("%s\t%s %s\n", device->name, device->vendor ? device->vendor : "",
              device->model ? device->model : "");
    }
  return XS_CLI_OK;
}
