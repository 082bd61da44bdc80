/* xs-gui-test-util.h: running the real window in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include <adwaita.h>

#include "xs-application.h"
#include "xs-claim-editor.h"
#include "xs-job.h"
#include "xs-material-row.h"
#include "xs-window.h"

G_BEGIN_DECLS

/* gtk_test_init() with a fresh XUESHI_DATA_DIR, English messages and the
 * application's resources registered. */
void      xs_gui_test_init            (int        *argc,
                                       char     ***argv);
/* g_test_run(), then waits for every job's worker to end: the process must
 * not exit (and libraries free their caches) under one still drawing. */
int       xs_gui_test_run             (void);
/* How many times longer every wait may take: XS_TEST_TIME_SCALE (1 to 100),
 * set for sanitizer builds. */
guint     xs_gui_test_time_scale      (void);
/* Runs the main loop until @check returns TRUE or @timeout_ms (times the
 * time scale) passes;
 * returns the last result of @check. */
gboolean  xs_gui_test_wait_until      (gboolean  (*check) (gpointer user_data),
                                       gpointer    user_data,
                                       guint       timeout_ms);
/* Runs the main loop until @widget has been drawn at least once. */
void      xs_gui_test_wait_for_draw   (GtkWidget  *widget);
/* A GAsyncReadyCallback that keeps @result in *(GAsyncResult **) user_data. */
void      xs_gui_test_store_result    (GObject      *object,
                                       GAsyncResult *result,
                                       gpointer      user_data);
/* Runs @job to its end (30 seconds at most) and gives its result, taken
 * from the job, or NULL with @error set. */
gpointer  xs_gui_test_run_job         (XsJob       *job,
                                       GError     **error);
/* Runs the main loop until the weak pointer *@weak is cleared (asserted,
 * @timeout_ms at most): a window's workers, cancelled when it closed, hold
 * it until they stop. */
void      xs_gui_test_wait_gone       (gpointer    weak,
                                       guint       timeout_ms);
/* Runs pending main-loop work for @ms milliseconds. */
void      xs_gui_test_iterate         (guint       ms);
/* Drops the caller's reference to @object and checks that it is
 * finalized within @timeout_ms: a job it started and cancelled on dispose
 * still holds it until the job's worker has stopped. */
void      xs_gui_test_finalize        (gpointer    object,
                                       guint       timeout_ms);
/* Fails when two labels shown under @root (buttons' included) answer the
 * same mnemonic: Alt and that letter would reach only one of them. */
void      xs_gui_test_assert_unique_mnemonics (GtkWidget *root);
/* Fails when two items of the menus of the menu buttons shown under @root
 * (each menu with its sections) answer the same Alt+letter. */
void      xs_gui_test_assert_menu_mnemonics (GtkWidget *root);
/* Fails when a control shown under @root that says nothing in words (an
 * icon-only button, a switch, an entry, a drop-down) has no accessible
 * label nor a label that names it: a screen reader would say only its role. */
void      xs_gui_test_assert_controls_named (GtkWidget *root);
/* Fails when a label shown under @root is cut so that its first words are
 * hidden ("…cted" for "3 selected"): what a label says first (a count, a
 * name) must stay readable in a narrow window. */
void      xs_gui_test_assert_labels_show_start (GtkWidget *root);
/* The first descendant of @root of @type whose accessible label, label text
 * or button label contains @text (NULL: any of the type). */
GtkWidget *xs_gui_test_find           (GtkWidget  *root,
                                       GType       type,
                                       const char *text);

/* The application of a test program: it owns the database, and its own
 * first window is closed so that each test makes its own. */
XsApplication *xs_gui_test_start_app  (void);
void           xs_gui_test_stop_app   (XsApplication *app);
/* A window of its own (no application) on @db and @profile, opening on
 * @year, or (0) on the latest year with data, else this year; shown and
 * drawn; *@window is cleared (weak pointer) when it is finalized. */
void           xs_gui_test_open_window (XsDb          *db,
                                        XsBaseProfile *profile,
                                        int            year,
                                        XsWindow     **window);

/* What a part of the window reported through the window's actions: the
 * last win.show-saved-toast (text and path), the last win.show-toast, and
 * how many win.reload. */
typedef struct
{
  char  *saved_text;
  char  *saved_path;
  char  *toast_text;
  guint  n_reloads;
} XsGuiTestReports;

/* A window of no kind of its own with only the actions a window of Xueshi
 * has (win.show-saved-toast, win.show-toast, win.reload), recording what
 * they are given in @reports, which must outlive it. */
GtkWindow     *xs_gui_test_parent_new    (XsGuiTestReports *reports);
/* Forgets the texts reported. */
void           xs_gui_test_reports_clear (XsGuiTestReports *reports);
/* For xs_gui_test_wait_until() on an XsGuiTestReports: whether a toast
 * was reported. */
gboolean       xs_gui_test_reported      (gpointer          reports);
/* The window shown now titled @title (a file chooser's), or NULL. */
GtkWindow        *xs_gui_test_find_toplevel       (const char *title);
/* Waits (@timeout_ms at most) until no window titled @title is shown: an
 * answered chooser or dialog hides when the main loop gets to it. */
gboolean          xs_gui_test_wait_toplevel_gone  (const char *title,
                                                   guint       timeout_ms);
/* The message dialog shown now headed @heading (NULL: any), or NULL. */
AdwMessageDialog *xs_gui_test_find_dialog_headed  (const char *heading);
/* The message dialog shown now, or NULL. */
AdwMessageDialog *xs_gui_test_find_message_dialog (void);
/* For xs_gui_test_wait_until(): whether a message dialog is shown. */
gboolean       xs_gui_test_shows_message_dialog (gpointer unused);
/* Chooses the claim kind numbered @number in the "Kind" row below @root. */
void           xs_gui_test_select_kind (GtkWidget  *root,
                                        int         number);
/* The material row below @root named @name; there must be one. */
XsMaterialRow *xs_gui_test_material_row (GtkWidget  *root,
                                         const char *name);
/* Waits (10 seconds at most) until @editor is not busy. */
void           xs_gui_test_wait_editor_idle (XsClaimEditor *editor);

/* A claim editor's test: a database holding one trainee and a shown
 * window to be the editor's parent. */
typedef struct
{
  XsDb          *db;
  GtkWindow     *parent;
  gint64         trainee_id;
} XsGuiTestClaimFixture;

/* Opens the database, stores trainee @n (xs_test_id_number()) as @name
 * and shows the parent window. */
void           xs_gui_test_claim_fixture_set_up    (XsGuiTestClaimFixture *fixture,
                                                    guint                  n,
                                                    const char            *name);
/* Closes the window and checks that it and the database are finalized. */
void           xs_gui_test_claim_fixture_tear_down (XsGuiTestClaimFixture *fixture);

/* With $XUESHI_SHOTS set, saves a picture of @widget, once drawn, as
 * @name (a PNG file's name) in that folder, for a person to look at. */
void      xs_gui_test_maybe_shoot     (GtkWidget  *widget,
                                       const char *name);

G_END_DECLS
