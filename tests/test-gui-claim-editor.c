/* test-gui-claim-editor.c: a claim, its materials and the rules' refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "xs-claim-editor.h"
#include "xs-claim-store.h"
#include "xs-gui-test-util.h"
#include "xs-material-row.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

typedef XsGuiTestClaimFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xs_gui_test_claim_fixture_set_up (fixture, 1, "李华");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xs_gui_test_claim_fixture_tear_down (fixture);
}

/* Helpers ------------------------------------------------------------------ */

static char *
make_scan (const char *name)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 24, 24);
  cairo_t *cr = cairo_create (surface);

  /* a different picture for each name, so each is stored on its own */
  cairo_set_source_rgb (cr, (g_str_hash (name) % 256) / 255.0, 0.4, 0.6);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static gboolean
has_result (gpointer result)
{
  return *(GAsyncResult **) result != NULL;
}

/* Until the editor's jobs (load, save, the materials) are done. */
static XsClaimEditor *
open_editor (Fixture *fixture,
             gint64   claim_id)
{
  XsClaimEditor *editor = xs_claim_editor_new (fixture->parent, fixture->db, fixture->trainee_id,
                                               2018, claim_id);

  /* the test's own reference, given back by g_assert_finalize_object() */
  g_object_ref (editor);
  gtk_window_present (GTK_WINDOW (editor));
  xs_gui_test_wait_for_draw (GTK_WIDGET (editor));
  xs_gui_test_wait_editor_idle (editor);
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (editor));
  xs_gui_test_assert_controls_named (GTK_WIDGET (editor));
  return editor;
}

static void
save (XsClaimEditor *editor)
{
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  xs_gui_test_wait_editor_idle (editor);
}

static gboolean
withdraw (XsClaimEditor  *editor,
          const char     *reason,
          GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  xs_claim_editor_withdraw_async (editor, reason, NULL, xs_gui_test_store_result, &result);
  /* the window waits meanwhile */
  g_assert_true (xs_claim_editor_get_busy (editor));
  g_assert_true (xs_gui_test_wait_until (has_result, &result, 10000));
  return xs_claim_editor_withdraw_finish (editor, result, error);
}

static gboolean
editor_hidden (gpointer editor)
{
  return !gtk_widget_get_visible (editor);
}

static void
submit (XsClaimEditor *editor)
{
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.submit", NULL);
  g_assert_true (xs_gui_test_wait_until (editor_hidden, editor, 10000));
}

static void
close_editor (XsClaimEditor *editor)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  xs_gui_test_finalize (editor, 10000);
}

/* Like xs_gui_test_find(), among the widgets shown only. */
static GtkWidget *
find_shown (GtkWidget  *root,
            GType       type,
            const char *text)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      GtkWidget *found = xs_gui_test_find (root, type, text);

      if (found == root)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_row (XsClaimEditor *editor,
          GType          type,
          const char    *title)
{
  GtkWidget *row = find_shown (GTK_WIDGET (editor), type, title);

  g_assert_nonnull (row);
  return row;
}

static AdwPreferencesGroup *
find_group (GtkWidget  *root,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (root)
      && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)), title) == 0)
    return ADW_PREFERENCES_GROUP (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesGroup *found = find_group (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
materials_text (XsClaimEditor *editor)
{
  AdwPreferencesGroup *group = find_group (GTK_WIDGET (editor), "Materials");

  g_assert_nonnull (group);
  return adw_preferences_group_get_description (group);
}

static GtkWidget *
submit_button (XsClaimEditor *editor)
{
  GtkWidget *button = xs_gui_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "bmit");

  g_assert_nonnull (button);
  return button;
}

static GtkWidget *
find_error_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "error"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The inline message below the claim's fields, or NULL when none is shown. */
static const char *
shown_error (XsClaimEditor *editor)
{
  AdwPreferencesGroup *group = find_group (GTK_WIDGET (editor), "Claim");
  GtkWidget *label;

  g_assert_nonnull (group);
  label = find_error_label (GTK_WIDGET (group));
  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static void
set_text (XsClaimEditor *editor,
          const char    *title,
          const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, title)), text);
}

static void
set_spin (XsClaimEditor *editor,
          const char    *title,
          double         value)
{
  GtkWidget *spin = xs_gui_test_find (find_row (editor, ADW_TYPE_ACTION_ROW, title), GTK_TYPE_SPIN_BUTTON, NULL);

  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
}

static void
select_kind (XsClaimEditor *editor,
             int            number)
{
  AdwComboRow *kinds = ADW_COMBO_ROW (find_row (editor, ADW_TYPE_COMBO_ROW, "Kind"));
  GListModel *model = adw_combo_row_get_model (kinds);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(XsClaimKind) kind = g_list_model_get_item (model, i);

      if (xs_claim_kind_get_number (kind) == number)
        {
          adw_combo_row_set_selected (kinds, i);
          return;
        }
    }
  g_assert_not_reached ();
}

typedef struct
{
  XsMaterialRow *row;
  guint          n_files;
} RowWait;

static gboolean
row_has_files (gpointer user_data)
{
  RowWait *wait = user_data;

  return !xs_material_row_get_busy (wait->row) && xs_material_row_get_n_files (wait->row) == wait->n_files;
}

static void
attach (XsClaimEditor *editor,
        const char    *material,
        const char    *file_name,
        guint          expect_files)
{
  g_autofree char *path = make_scan (file_name);
  const char *paths[] = { path, NULL };
  RowWait wait = { xs_gui_test_material_row (GTK_WIDGET (editor), material), expect_files };

  g_assert_true (xs_material_row_get_editable (wait.row));
  xs_material_row_attach_paths (wait.row, paths);
  /* stored by a job; for a claim not saved yet, kept at once */
  g_assert_true (xs_material_row_get_busy (wait.row) == (xs_claim_editor_get_claim_id (editor) > 0));
  g_assert_true (xs_gui_test_wait_until (row_has_files, &wait, 10000));
  xs_gui_test_wait_editor_idle (editor);
}

/* Files dropped from a file manager: what the row's drop target receives
 * when the drag ends over it. */
static void
drop (XsClaimEditor *editor,
      const char    *material,
      const char    *file_name,
      guint          expect_files)
{
  g_autofree char *path = make_scan (file_name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  RowWait wait = { xs_gui_test_material_row (GTK_WIDGET (editor), material), expect_files };
  GtkDropTarget *target = NULL;
  GSList *files = g_slist_prepend (NULL, file);
  gboolean accepted = FALSE;

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (wait.row));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_assert_true (xs_gui_test_wait_until (row_has_files, &wait, 10000));
  xs_gui_test_wait_editor_idle (editor);
}

/* Tests -------------------------------------------------------------------- */

static gboolean
undo_toast_shown (gpointer editor)
{
  return xs_gui_test_find (editor, GTK_TYPE_BUTTON, "_Undo") != NULL;
}

static void
test_new_claim_and_materials (Fixture       *fixture,
                              gconstpointer  data)
{
  XsClaimEditor *editor = open_editor (fixture, 0);
  g_autoptr(XsClaim) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  XsMaterialRow *notice;
  GVariant *target;
  gint64 id;

  g_assert_cmpint (xs_claim_editor_get_claim_id (editor), ==, 0);
  g_assert_nonnull (find_shown (find_row (editor, ADW_TYPE_ENTRY_ROW, "Date"), GTK_TYPE_MENU_BUTTON, NULL));
  g_assert_nonnull (find_shown (find_row (editor, ADW_TYPE_ENTRY_ROW, "Title"), GTK_TYPE_IMAGE, NULL));
  g_assert_nonnull (find_shown (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Cancel"));
  select_kind (editor, 4);
  /* kind 4 has a form (attended / presented), no plan reference */
  find_row (editor, ADW_TYPE_COMBO_ROW, "Form");
  g_assert_null (find_shown (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Training Plan"));
  set_text (editor, "Title", "河南省医学会年会");
  set_text (editor, "Date", "2018年5月20日");
  set_spin (editor, "Hours", 8);
  g_assert_null (shown_error (editor));

  /* Before saving: what is needed, and that files attached now wait for
   * the claim to be saved. */
  g_assert_nonnull (strstr (materials_text (editor), "Meeting notice"));
  g_assert_nonnull (strstr (materials_text (editor), "stored with the claim when it is saved"));
  g_assert_false (gtk_widget_get_sensitive (submit_button (editor)));
  g_assert_true (xs_material_row_get_editable (xs_gui_test_material_row (GTK_WIDGET (editor), "Meeting notice")));

  save (editor);
  g_assert_null (shown_error (editor));
  id = xs_claim_editor_get_claim_id (editor);
  g_assert_cmpint (id, >, 0);
  stored = xs_claim_store_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->status, ==, XS_STATUS_DRAFT);
  g_assert_cmpint (stored->source, ==, XS_SOURCE_INDIVIDUAL);
  g_assert_cmpint (stored->kind, ==, 4);
  g_assert_cmpstr (stored->variant, ==, "attended");
  g_assert_cmpint (stored->hours, ==, 80);
  g_assert_cmpstr (stored->title, ==, "河南省医学会年会");
  g_assert_cmpint (g_date_get_day (&stored->date), ==, 20);

  /* Saved: both materials are listed as missing, Submit says why it waits. */
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (editor)));
  g_assert_nonnull (strstr (materials_text (editor), "Missing: Meeting notice, Employer’s proof"));
  g_assert_false (gtk_widget_get_sensitive (submit_button (editor)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (submit_button (editor)), "Employer’s proof"));
  notice = xs_gui_test_material_row (GTK_WIDGET (editor), "Meeting notice");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (notice)), ==, "Missing");

  /* Attaching in the row's worker, one material after the other. */
  attach (editor, "Meeting notice", "会议通知.png", 1);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (notice)), ==, "1 file");
  g_assert_nonnull (strstr (materials_text (editor), "Missing: Employer’s proof"));
  g_assert_false (gtk_widget_get_sensitive (submit_button (editor)));
  drop (editor, "Employer’s proof", "单位证明.png", 1);
  g_assert_nonnull (strstr (materials_text (editor), "Every material has a file"));
  g_assert_true (gtk_widget_get_sensitive (submit_button (editor)));

  /* The file's row names it; removing it makes the material missing again. */
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (notice), ADW_TYPE_ACTION_ROW, "会议通知.png"));
  evidence = xs_claim_store_list_evidence (fixture->db, id, &error);
  for (guint i = 0; i < evidence->len; i++)
    {
      XsEvidence *item = g_ptr_array_index (evidence, i);

      if (g_str_equal (item->material, "meeting_notice"))
        {
          target = g_variant_new_int64 (item->id);
          gtk_widget_activate_action_variant (GTK_WIDGET (notice), "material.remove", target);
        }
    }
  xs_gui_test_wait_editor_idle (editor);
  g_assert_cmpuint (xs_material_row_get_n_files (notice), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (submit_button (editor)));
  g_assert_nonnull (strstr (materials_text (editor), "Missing: Meeting notice"));

  /* The toast's Undo attaches the file again; removing it again holds. */
  {
    GtkWidget *undo;

    /* the toast follows the one saying the claim was saved */
    g_assert_true (xs_gui_test_wait_until (undo_toast_shown, editor, 3000));
    undo = xs_gui_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Undo");
    g_signal_emit_by_name (undo, "clicked");
    xs_gui_test_wait_editor_idle (editor);
    g_assert_cmpuint (xs_material_row_get_n_files (notice), ==, 1);
    g_assert_true (gtk_widget_get_sensitive (submit_button (editor)));
    for (guint i = 0; i < evidence->len; i++)
      {
        XsEvidence *item = g_ptr_array_index (evidence, i);

        if (g_str_equal (item->material, "meeting_notice"))
          gtk_widget_activate_action_variant (GTK_WIDGET (notice), "material.remove",
                                              g_variant_new_int64 (item->id));
      }
    xs_gui_test_wait_editor_idle (editor);
    g_assert_cmpuint (xs_material_row_get_n_files (notice), ==, 0);
  }
  attach (editor, "Meeting notice", "会议通知（第二页）.png", 1);
  g_assert_true (gtk_widget_get_sensitive (submit_button (editor)));

  /* A file that is not a scan is refused on the row, in the core's words. */
  {
    g_autofree char *text = xs_test_write_file ("说明.txt", "not a scan", -1);
    const char *paths[] = { text, NULL };
    RowWait wait = { notice, 1 };
    GtkWidget *message;

    xs_material_row_attach_paths (notice, paths);
    g_assert_true (xs_gui_test_wait_until (row_has_files, &wait, 10000));
    xs_gui_test_wait_editor_idle (editor);
    message = xs_gui_test_find (GTK_WIDGET (notice), GTK_TYPE_LABEL, "说明.txt");
    g_assert_nonnull (message);
    g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (message)));
  }

  /* Attach… opens a file chooser named after the material. */
  gtk_widget_activate_action (GTK_WIDGET (notice), "material.attach", NULL);
  {
    GtkWindow *chooser = xs_gui_test_find_toplevel ("Attach Meeting notice");

    g_assert_nonnull (chooser);
    gtk_window_close (chooser);
    g_assert_true (xs_gui_test_wait_toplevel_gone ("Attach Meeting notice", 10000));
    g_assert_cmpuint (xs_material_row_get_n_files (notice), ==, 1);
  }

  /* Submitting stores the claim as submitted and closes the editor. */
  submit (editor);
  g_clear_pointer (&stored, xs_claim_free);
  stored = xs_claim_store_get (fixture->db, id, &error);
  g_assert_cmpint (stored->status, ==, XS_STATUS_SUBMITTED);
  xs_gui_test_finalize (editor, 10000);

  /* Opened again, it is locked: no Save or Submit, the fields insensitive,
   * the files still there to preview. */
  editor = open_editor (fixture, id);
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (editor), GTK_TYPE_LABEL, "Submitted claims are locked"));
  g_assert_false (gtk_widget_get_visible (submit_button (editor)));
  g_assert_false (gtk_widget_is_sensitive (find_row (editor, ADW_TYPE_ENTRY_ROW, "Title")));
  /* nothing to cancel: the button says Close, and no edit icons show */
  g_assert_nonnull (find_shown (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Close"));
  g_assert_null (find_shown (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Cancel"));
  g_assert_null (find_shown (find_row (editor, ADW_TYPE_ENTRY_ROW, "Date"), GTK_TYPE_MENU_BUTTON, NULL));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, "Title"))));
  g_assert_null (find_shown (find_row (editor, ADW_TYPE_ENTRY_ROW, "Title"), GTK_TYPE_IMAGE, NULL));
  g_assert_null (find_shown (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Attach"));
  notice = xs_gui_test_material_row (GTK_WIDGET (editor), "Meeting notice");
  g_assert_false (xs_material_row_get_editable (notice));
  g_assert_cmpuint (xs_material_row_get_n_files (notice), ==, 1);

  /* Withdraw… takes it back to draft; a reason is required and recorded. */
  g_assert_true (gtk_widget_get_visible (xs_gui_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Withdraw…")));
  g_assert_false (withdraw (editor, "  ", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (withdraw (editor, "会议通知盖章不清", &error));
  g_assert_no_error (error);
  xs_gui_test_wait_editor_idle (editor);
  g_clear_pointer (&stored, xs_claim_free);
  stored = xs_claim_store_get (fixture->db, id, &error);
  g_assert_cmpint (stored->status, ==, XS_STATUS_DRAFT);
  g_assert_true (gtk_widget_is_sensitive (find_row (editor, ADW_TYPE_ENTRY_ROW, "Title")));
  g_assert_true (gtk_widget_get_visible (submit_button (editor)));
  g_assert_true (xs_material_row_get_editable (xs_gui_test_material_row (GTK_WIDGET (editor), "Meeting notice")));
  close_editor (editor);
}

static void
test_absence_hours (Fixture       *fixture,
                    gconstpointer  data)
{
  XsClaimEditor *editor = open_editor (fixture, 0);
  AdwComboRow *absence;
  GtkWidget *computed;
  g_autoptr(XsClaim) stored = NULL;
  g_autoptr(GError) error = NULL;

  select_kind (editor, 15);
  /* hours are computed, not typed */
  g_assert_null (find_shown (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "_Hours"));
  absence = ADW_COMBO_ROW (find_row (editor, ADW_TYPE_COMBO_ROW, "Absence"));
  adw_combo_row_set_selected (absence, 2);   /* maternity */
  set_spin (editor, "Months", 6);
  computed = find_row (editor, ADW_TYPE_ACTION_ROW, "Hours");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (computed)), "Computed"));
  g_assert_nonnull (xs_gui_test_find (computed, GTK_TYPE_LABEL, "30"));
  g_assert_null (shown_error (editor));

  /* six months of sick leave is not enough: the core says so, inline */
  adw_combo_row_set_selected (absence, 1);   /* sick leave */
  g_assert_nonnull (strstr (shown_error (editor), "more than 6 months"));
  g_assert_null (xs_gui_test_find (computed, GTK_TYPE_LABEL, "30"));
  g_assert_nonnull (strstr (materials_text (editor), "Hospital proof"));
  set_spin (editor, "Months", 9);
  g_assert_null (shown_error (editor));
  g_assert_nonnull (xs_gui_test_find (computed, GTK_TYPE_LABEL, "45"));

  adw_combo_row_set_selected (absence, 2);
  set_spin (editor, "Months", 6);
  set_text (editor, "Title", "产假");
  set_text (editor, "Date", "2018-03-01");
  save (editor);
  g_assert_null (shown_error (editor));
  stored = xs_claim_store_get (fixture->db, xs_claim_editor_get_claim_id (editor), &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->hours, ==, 300);
  g_assert_cmpint (stored->absence, ==, XS_ABSENCE_MATERNITY);
  g_assert_cmpint (stored->absence_months, ==, 6);
  close_editor (editor);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  XsClaimEditor *editor = open_editor (fixture, 0);
  gint64 first;

  select_kind (editor, 9);
  set_text (editor, "Title", "通过全国中级资格考试");
  set_spin (editor, "Hours", 10);

  /* A half-typed date is not reported while typing… */
  set_text (editor, "Date", "2018-0");
  g_assert_null (shown_error (editor));
  /* …but a date outside the year is, before saving. */
  set_text (editor, "Date", "2019-01-02");
  g_assert_nonnull (strstr (shown_error (editor), "Hours for 2018 must be dated in 2018"));
  g_assert_false (gtk_widget_get_sensitive (submit_button (editor)));
  save (editor);
  g_assert_cmpint (xs_claim_editor_get_claim_id (editor), ==, 0);
  g_assert_nonnull (strstr (shown_error (editor), "must be dated in 2018"));

  set_text (editor, "Date", "2018-09-15");
  g_assert_null (shown_error (editor));
  save (editor);
  first = xs_claim_editor_get_claim_id (editor);
  g_assert_cmpint (first, >, 0);
  close_editor (editor);

  /* The same title and date again is a duplicate. */
  editor = open_editor (fixture, 0);
  select_kind (editor, 9);
  set_text (editor, "Title", "通过全国中级资格考试");
  set_text (editor, "Date", "2018-09-15");
  set_spin (editor, "Hours", 10);
  save (editor);
  g_assert_cmpint (xs_claim_editor_get_claim_id (editor), ==, 0);
  g_assert_nonnull (strstr (shown_error (editor), "already has"));

  /* Kinds 13 and 14 ask for the filed plan. */
  select_kind (editor, 14);
  find_row (editor, ADW_TYPE_ENTRY_ROW, "Training Plan");
  set_text (editor, "Title", "医院内部培训");
  g_assert_nonnull (strstr (shown_error (editor), "plan"));
  set_text (editor, "Training Plan", "漯卫〔2018〕12号");
  g_assert_null (shown_error (editor));
  close_editor (editor);
}

static void
test_public_claim (Fixture       *fixture,
                   gconstpointer  data)
{
  XsClaimEditor *editor = open_editor (fixture, 0);
  GtkWidget *compulsory;
  g_autoptr(XsClaim) stored = NULL;
  g_autoptr(GError) error = NULL;

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (editor, ADW_TYPE_COMBO_ROW, "Subject")), 0);
  g_assert_null (find_shown (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Kind"));
  compulsory = xs_gui_test_find (find_row (editor, ADW_TYPE_ACTION_ROW, "Compulsory"), GTK_TYPE_SWITCH, NULL);
  gtk_switch_set_active (GTK_SWITCH (compulsory), TRUE);
  set_text (editor, "Title", "专业技术人员职业道德");
  set_spin (editor, "Hours", 12);
  /* without a date, Submit waits and says why */
  g_assert_false (gtk_widget_get_sensitive (submit_button (editor)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (submit_button (editor)), "date"));
  set_text (editor, "Date", "2019-06-01");
  g_assert_nonnull (strstr (shown_error (editor), "must be dated in 2018"));
  g_assert_false (gtk_widget_get_sensitive (submit_button (editor)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (submit_button (editor)), ==, shown_error (editor));
  set_text (editor, "Date", "2018-06-01");
  g_assert_null (shown_error (editor));
  g_assert_nonnull (strstr (materials_text (editor), "needs no evidence"));
  g_assert_true (gtk_widget_get_sensitive (submit_button (editor)));

  save (editor);
  stored = xs_claim_store_get (fixture->db, xs_claim_editor_get_claim_id (editor), &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->category, ==, XS_CATEGORY_PUBLIC);
  g_assert_true (stored->compulsory);
  g_assert_cmpint (stored->hours, ==, 120);
  close_editor (editor);

  /* Opened again, it shows what was saved. */
  editor = open_editor (fixture, stored->id);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (xs_gui_test_find (find_row (editor, ADW_TYPE_ACTION_ROW, "Compulsory"),
                                                                         GTK_TYPE_SWITCH, NULL))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, "Date"))),
                   ==, "2018-06-01");
  close_editor (editor);
}

/* Files attached before the claim is saved wait on their rows and are
 * stored with it, in the same save. */
static void
test_pending_files (Fixture       *fixture,
                    gconstpointer  data)
{
  XsClaimEditor *editor = open_editor (fixture, 0);
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  XsMaterialRow *notice;
  gint64 id;

  select_kind (editor, 4);
  set_text (editor, "Title", "全国护理学术年会");
  set_text (editor, "Date", "2018-10-12");
  set_spin (editor, "Hours", 6);
  xs_gui_test_wait_editor_idle (editor);
  attach (editor, "Meeting notice", "年会通知 𠮷.png", 1);
  notice = xs_gui_test_material_row (GTK_WIDGET (editor), "Meeting notice");
  g_assert_cmpuint (g_strv_length ((char **) xs_material_row_get_pending (notice)), ==, 1);
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (notice), ADW_TYPE_ACTION_ROW, "年会通知 𠮷.png"));
  /* the notice is no longer missing; the proof still is */
  g_assert_nonnull (strstr (materials_text (editor), "Missing: Employer’s proof"));
  g_assert_cmpint (xs_claim_editor_get_claim_id (editor), ==, 0);

  /* a pending file can be taken back before saving */
  drop (editor, "Employer’s proof", "单位证明.png", 1);
  g_assert_nonnull (strstr (materials_text (editor), "Every material has a file"));
  gtk_widget_activate_action_variant (GTK_WIDGET (xs_gui_test_material_row (GTK_WIDGET (editor), "Employer’s proof")),
                                      "material.remove-pending",
                                      g_variant_new_string (xs_material_row_get_pending (xs_gui_test_material_row (GTK_WIDGET (editor), "Employer’s proof"))[0]));
  xs_gui_test_wait_editor_idle (editor);
  g_assert_cmpuint (xs_material_row_get_n_files (xs_gui_test_material_row (GTK_WIDGET (editor), "Employer’s proof")), ==, 0);

  save (editor);
  id = xs_claim_editor_get_claim_id (editor);
  g_assert_cmpint (id, >, 0);
  evidence = xs_claim_store_list_evidence (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpstr (((XsEvidence *) g_ptr_array_index (evidence, 0))->material, ==, "meeting_notice");
  g_assert_cmpstr (((XsEvidence *) g_ptr_array_index (evidence, 0))->original_name, ==, "年会通知 𠮷.png");
  /* stored now, no longer pending */
  g_assert_cmpuint (g_strv_length ((char **) xs_material_row_get_pending (notice)), ==, 0);
  g_assert_cmpuint (xs_material_row_get_n_files (notice), ==, 1);
  g_assert_nonnull (strstr (materials_text (editor), "Missing: Employer’s proof"));
  close_editor (editor);
}

/* Escape on a half-filled claim asks first; an untouched one just closes.
 * The first focus is on the first field, not on Cancel. */
static void
test_discard (Fixture       *fixture,
              gconstpointer  data)
{
  XsClaimEditor *editor = open_editor (fixture, 0);
  AdwPreferencesGroup *claim_group = find_group (GTK_WIDGET (editor), "Claim");
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (editor));
  AdwMessageDialog *dialog;

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (claim_group)));

  /* untouched: closes at once */
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  xs_gui_test_iterate (50);
  g_assert_null (xs_gui_test_find_message_dialog ());
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_finalize_object (editor);

  editor = open_editor (fixture, 0);
  set_text (editor, "Title", "半填的申报");
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  xs_gui_test_iterate (50);
  dialog = xs_gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  /* Keep Editing: nothing lost */
  adw_message_dialog_response (dialog, "keep");
  xs_gui_test_iterate (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, "Title"))),
                   ==, "半填的申报");
  /* Discard: closed, nothing stored */
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  xs_gui_test_iterate (50);
  dialog = xs_gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  xs_gui_test_iterate (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpint (xs_claim_editor_get_claim_id (editor), ==, 0);
  g_assert_finalize_object (editor);
}

typedef struct
{
  XsClaimEditor *editor;
  guint          ticks;
  gboolean       saving_seen;
} TickData;

static gboolean
tick (gpointer user_data)
{
  TickData *data = user_data;

  data->ticks++;
  if (xs_claim_editor_get_busy (data->editor))
    data->saving_seen = TRUE;
  return G_SOURCE_CONTINUE;
}

/* Saving waits for a write of another desk without holding up the window:
 * the main loop runs (a timeout fires) and the controls wait meanwhile. */
static void
test_save_waits (Fixture       *fixture,
                 gconstpointer  data)
{
  XsClaimEditor *editor = open_editor (fixture, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) other = xs_db_open (xs_db_get_data_dir (fixture->db), &error);
  TickData ticks = { editor, 0, FALSE };
  guint source;
  gint64 before;

  g_assert_no_error (error);
  select_kind (editor, 9);
  set_text (editor, "Title", "通过全国中级资格考试");
  set_text (editor, "Date", "2018-09-15");
  set_spin (editor, "Hours", 10);
  xs_gui_test_wait_editor_idle (editor);

  g_assert_true (xs_db_begin (other, &error));
  g_assert_no_error (error);
  source = g_timeout_add (20, tick, &ticks);
  before = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  /* the save is under way: the fields and Save wait */
  g_assert_true (xs_claim_editor_get_busy (editor));
  g_assert_false (gtk_widget_is_sensitive (find_row (editor, ADW_TYPE_ENTRY_ROW, "Title")));
  g_assert_false (gtk_widget_get_sensitive (xs_gui_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Save Draft")));
  xs_gui_test_iterate (600);
  g_assert_cmpint (xs_claim_editor_get_claim_id (editor), ==, 0);
  g_assert_true (ticks.saving_seen);
  /* about 30 ticks in 600 ms: the loop was not blocked */
  g_assert_cmpuint (ticks.ticks, >=, 10);
  g_assert_cmpint (g_get_monotonic_time () - before, <, 5 * G_USEC_PER_SEC);

  xs_db_rollback (other);
  xs_gui_test_wait_editor_idle (editor);
  g_source_remove (source);
  g_assert_cmpint (xs_claim_editor_get_claim_id (editor), >, 0);
  g_assert_true (gtk_widget_is_sensitive (find_row (editor, ADW_TYPE_ENTRY_ROW, "Title")));
  close_editor (editor);
  g_clear_object (&other);
}

/* At 360 px the header's title is not cut short: the claim's buttons are
 * below the form, the header holds Cancel and the title. */
static void
test_narrow_title (Fixture       *fixture,
                   gconstpointer  data)
{
  XsClaimEditor *editor = open_editor (fixture, 0);
  GtkWidget *title;
  GtkWidget *subtitle;

  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 720);
  xs_gui_test_iterate (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), <=, 400);
  title = find_shown (GTK_WIDGET (editor), GTK_TYPE_LABEL, "New Claim");
  g_assert_nonnull (title);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))));
  subtitle = find_shown (gtk_widget_get_parent (title), GTK_TYPE_LABEL, "李华");
  g_assert_nonnull (subtitle);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (subtitle))));
  g_assert_true (gtk_widget_get_visible (find_shown (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "Su_bmit")));
  close_editor (editor);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add ("/claim-editor/new-claim-and-materials", Fixture, NULL,
              fixture_set_up, test_new_claim_and_materials, fixture_tear_down);
  g_test_add ("/claim-editor/absence-hours", Fixture, NULL,
              fixture_set_up, test_absence_hours, fixture_tear_down);
  g_test_add ("/claim-editor/refusals", Fixture, NULL,
              fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/claim-editor/public-claim", Fixture, NULL,
              fixture_set_up, test_public_claim, fixture_tear_down);
  g_test_add ("/claim-editor/pending-files", Fixture, NULL,
              fixture_set_up, test_pending_files, fixture_tear_down);
  g_test_add ("/claim-editor/discard", Fixture, NULL,
              fixture_set_up, test_discard, fixture_tear_down);
  g_test_add ("/claim-editor/narrow-title", Fixture, NULL,
              fixture_set_up, test_narrow_title, fixture_tear_down);
  g_test_add ("/claim-editor/save-waits", Fixture, NULL,
              fixture_set_up, test_save_waits, fixture_tear_down);

  return xs_gui_test_run ();
}
