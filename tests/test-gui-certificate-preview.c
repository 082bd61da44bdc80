/* test-gui-certificate-preview.c: one trainee's certificate, drawn in a job
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-base-profile.h"
#include "xs-certificate-preview.h"
#include "xs-demo.h"
#include "xs-gui-test-util.h"
#include "xs-progress.h"
#include "xs-test-util.h"

#define YEAR 2018

static gboolean
has_paintable (gpointer user_data)
{
  return gtk_picture_get_paintable (user_data) != NULL;
}

static gboolean
alternative_is (gpointer user_data)
{
  gpointer *args = user_data;

  return g_strcmp0 (gtk_picture_get_alternative_text (args[0]), args[1]) == 0;
}

static gboolean
page_is (gpointer user_data)
{
  gpointer *args = user_data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (args[0]), args[1]) == 0;
}

/* The first two qualified trainees of the year and one not qualified. */
static void
find_trainees (XsProgress           *progress,
               const XsProgressRow **qualified,
               const XsProgressRow **unqualified)
{
  guint n_qualified = 0;

  *unqualified = NULL;
  for (guint i = 0; i < xs_progress_get_n_rows (progress); i++)
    {
      const XsProgressRow *row = xs_progress_get_row (progress, i);

      if (row->qualified && n_qualified < 2)
        qualified[n_qualified++] = row;
      else if (!row->qualified && *unqualified == NULL)
        *unqualified = row;
    }
  g_assert_cmpuint (n_qualified, ==, 2);
  g_assert_nonnull (*unqualified);
}

static void
test_draws (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(XsBaseProfile) profile = NULL;
  g_autoptr(XsProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  const XsProgressRow *qualified[2] = { NULL, NULL };
  const XsProgressRow *unqualified = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GtkWidget *window = gtk_window_new ();
  XsCertificatePreview *preview;
  GtkWidget *picture;
  GtkStack *stack;

  g_assert_true (xs_demo_populate (db, 40, YEAR, NULL, &error));
  g_assert_no_error (error);
  profile = xs_base_profile_load (db, &error);
  g_assert_no_error (error);
  progress = xs_progress_compute (db, YEAR, NULL, &error);
  g_assert_no_error (error);
  find_trainees (progress, qualified, &unqualified);
  first = g_strdup_printf ("Certificate of %s", qualified[0]->name);
  second = g_strdup_printf ("Certificate of %s", qualified[1]->name);

  preview = g_object_new (XS_TYPE_CERTIFICATE_PREVIEW, "db", db, "profile", profile, NULL);
  g_object_ref (preview);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  gtk_window_present (GTK_WINDOW (window));
  picture = xs_gui_test_find (GTK_WIDGET (preview), GTK_TYPE_PICTURE, NULL);
  stack = GTK_STACK (xs_gui_test_find (GTK_WIDGET (preview), GTK_TYPE_STACK, NULL));
  g_assert_nonnull (picture);
  g_assert_nonnull (stack);

  /* nobody to show */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (preview), ADW_TYPE_STATUS_PAGE, "No Trainee Selected"));

  /* a draft: drawn in a job, with its caption and its description */
  xs_certificate_preview_show (preview, YEAR, NULL, qualified[0]->trainee_id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  g_assert_true (xs_gui_test_wait_until (has_paintable, picture, 20000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "preview");
  g_assert_cmpstr (gtk_picture_get_alternative_text (GTK_PICTURE (picture)), ==, first);
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (preview), GTK_TYPE_LABEL, "Draft: the certificate gets its number"));
  g_assert_cmpint (xs_certificate_preview_get_trainee_id (preview), ==, qualified[0]->trainee_id);

  /* another trainee: the last picture stays until the new one is drawn */
  g_object_set (preview, "trainee-id", qualified[1]->trainee_id, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "preview");
  g_assert_nonnull (gtk_picture_get_paintable (GTK_PICTURE (picture)));
  g_assert_true (xs_gui_test_wait_until (alternative_is, (gpointer[]) { picture, second }, 20000));

  /* one who cannot have a certificate: why, in words, and no picture */
  xs_certificate_preview_show (preview, YEAR, NULL, unqualified->trainee_id);
  g_assert_true (xs_gui_test_wait_until (page_is, (gpointer[]) { stack, (gpointer) "error" }, 20000));
  g_assert_null (gtk_picture_get_paintable (GTK_PICTURE (picture)));

  /* drawn again on request */
  xs_certificate_preview_show (preview, YEAR, NULL, qualified[0]->trainee_id);
  g_assert_true (xs_gui_test_wait_until (alternative_is, (gpointer[]) { picture, first }, 20000));
  gtk_picture_set_paintable (GTK_PICTURE (picture), NULL);
  xs_certificate_preview_redraw (preview);
  g_assert_true (xs_gui_test_wait_until (has_paintable, picture, 20000));

  /* nobody again */
  xs_certificate_preview_show (preview, YEAR, NULL, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (gtk_picture_get_paintable (GTK_PICTURE (picture)));

  /* closed while drawing: the job is cancelled and lets go of it */
  xs_certificate_preview_show (preview, YEAR, NULL, qualified[1]->trainee_id);
  gtk_window_destroy (GTK_WINDOW (window));
  xs_gui_test_finalize (preview, 10000);
}

int
main (int   argc,
      char *argv[])
{
  xs_gui_test_init (&argc, &argv);
  g_test_add_func ("/certificate-preview/draws", test_draws);
  return xs_gui_test_run ();
}
