/* test-gui-claim-parts.c: the claim editor's parts, each alone
 *
 * XsClaimFields (the fields and their checks), XsMaterialsList (the rows of
 * the materials), XsEvidenceAttacher (storing files) and XsEvidenceFileRow
 * (one file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "xs-claim-fields.h"
#include "xs-claim-store.h"
#include "xs-evidence-attacher.h"
#include "xs-evidence-file-row.h"
#include "xs-gui-test-util.h"
#include "xs-material-row.h"
#include "xs-materials-list.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

static char *
make_scan (const char *name)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 24, 24);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, (g_str_hash (name) % 256) / 255.0, 0.2, 0.7);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static GtkWidget *
find_entry (GtkWidget  *root,
            const char *title)
{
  GtkWidget *row = xs_gui_test_find (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static void
count (guint *counter)
{
  (*counter)++;
}

/* XsClaimFields --------------------------------------------------------------- */

static void
test_claim_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsRuleSet) rules = xs_rule_set_for_year (2018, &error);
  XsClaimFields *fields = XS_CLAIM_FIELDS (g_object_ref_sink (xs_claim_fields_new ()));
  g_auto(XsClaim) blank = { 0 };
  g_auto(XsClaim) read = { 0 };
  guint changed = 0, kind_changed = 0;
  gboolean date_given;

  g_assert_no_error (error);
  blank.trainee_id = 7;
  blank.year = 2018;
  g_date_clear (&blank.date, 1);
  xs_claim_fields_set_rules (fields, rules);
  xs_claim_fields_set_claim (fields, &blank);
  g_signal_connect_swapped (fields, "changed", G_CALLBACK (count), &changed);
  g_signal_connect_swapped (fields, "kind-changed", G_CALLBACK (count), &kind_changed);
  g_assert_false (xs_claim_fields_get_modified (fields));
  /* nothing filled in: not submittable, no message yet */
  g_assert_nonnull (xs_claim_fields_get_refusal (fields));

  xs_gui_test_select_kind (GTK_WIDGET (fields), 9);
  g_assert_cmpuint (kind_changed, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (fields), "Title")), "通过全国中级资格考试");
  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (fields), "Date")), "2019-01-02");
  g_assert_true (xs_claim_fields_get_modified (fields));
  g_assert_cmpuint (changed, >=, 3);
  g_assert_nonnull (strstr (xs_claim_fields_get_refusal (fields), "must be dated in 2018"));

  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (fields), "Date")), "2018年9月15日");
  g_assert_true (xs_claim_fields_read (fields, &read, &date_given, &error));
  g_assert_no_error (error);
  g_assert_true (date_given);
  g_assert_cmpint (read.trainee_id, ==, 7);
  g_assert_cmpint (read.year, ==, 2018);
  g_assert_cmpint (read.kind, ==, 9);
  g_assert_cmpstr (read.title, ==, "通过全国中级资格考试");
  g_assert_cmpint (g_date_get_month (&read.date), ==, 9);

  /* a date that is not one: the rest is read, the error returned */
  xs_claim_clear (&read);
  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (fields), "Date")), "九月");
  g_assert_false (xs_claim_fields_read (fields, &read, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (read.title, ==, "通过全国中级资格考试");

  /* a suggestion from a scan goes into its field */
  xs_claim_fields_suggest (fields, "date", "2018-03-04");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry (GTK_WIDGET (fields), "Date"))), ==, "2018-03-04");

  /* saved: no longer modified; locked: not editable, no refusal */
  xs_claim_fields_mark_saved (fields, &blank);
  g_assert_false (xs_claim_fields_get_modified (fields));
  xs_claim_fields_set_locked (fields, TRUE);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (fields)));
  g_assert_null (xs_claim_fields_get_refusal (fields));

  g_assert_finalize_object (fields);
}

/* XsMaterialsList ------------------------------------------------------------- */

static gboolean
list_idle (gpointer list)
{
  return !xs_materials_list_get_loading (list) && !xs_materials_list_get_busy (list);
}

static void
test_materials_list (void)
{
  XsDb *db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsRuleSet) rules = xs_rule_set_for_year (2018, &error);
  XsMaterialsList *list = XS_MATERIALS_LIST (g_object_ref_sink (xs_materials_list_new ()));
  g_autofree char *scan = make_scan ("会议通知.png");
  const char *paths[] = { scan, NULL };
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GHashTable) pending = NULL;
  g_autofree char *names = NULL;
  XsMaterialRow *row;
  guint changed = 0;

  claim.trainee_id = xs_test_add_trainee_full (db, 1, "欧阳䶮", NULL);
  claim.year = 2018;
  claim.category = XS_CATEGORY_PROFESSIONAL;
  claim.kind = 4;
  claim.variant = g_strdup ("attended");
  claim.hours = 80;
  claim.title = g_strdup ("河南省医学会年会");
  g_date_set_dmy (&claim.date, 20, G_DATE_MAY, 2018);

  xs_materials_list_set_db (list, db);
  xs_materials_list_set_rules (list, rules);
  g_signal_connect_swapped (list, "changed", G_CALLBACK (count), &changed);
  xs_materials_list_set_claim (list, &claim, NULL);
  g_assert_true (xs_materials_list_get_loading (list));
  g_assert_true (xs_gui_test_wait_until (list_idle, list, 10000));
  g_assert_cmpuint (changed, >=, 1);
  g_assert_cmpuint (g_strv_length ((char **) xs_materials_list_get_missing (list)), ==, 2);
  names = xs_materials_list_dup_missing_names (list);
  g_assert_cmpstr (names, ==, "Meeting notice, Employer’s proof");

  /* a file for a claim not saved yet is pending, and no longer missing */
  row = XS_MATERIAL_ROW (xs_gui_test_find (GTK_WIDGET (list), XS_TYPE_MATERIAL_ROW, "Meeting notice"));
  g_assert_nonnull (row);
  xs_material_row_attach_paths (row, paths);
  g_assert_true (xs_gui_test_wait_until (list_idle, list, 10000));
  g_assert_true (xs_materials_list_has_pending (list));
  g_assert_cmpuint (g_strv_length ((char **) xs_materials_list_get_missing (list)), ==, 1);
  pending = xs_materials_list_dup_pending (list);
  g_assert_cmpstr (((char **) g_hash_table_lookup (pending, "meeting_notice"))[0], ==, scan);

  /* stored with the claim: the list reads them as the claim's files */
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  g_assert_true (xs_claim_store_attach (db, claim.id, "meeting_notice", paths, &error));
  g_assert_no_error (error);
  xs_materials_list_set_claim (list, &claim, &claim);
  g_assert_true (xs_gui_test_wait_until (list_idle, list, 10000));
  g_assert_false (xs_materials_list_has_pending (list));
  g_assert_cmpuint (xs_material_row_get_n_files (row), ==, 1);
  g_assert_cmpuint (g_strv_length ((char **) xs_materials_list_get_missing (list)), ==, 1);

  /* a public subject asks for none */
  claim.category = XS_CATEGORY_PUBLIC;
  claim.kind = 0;
  g_clear_pointer (&claim.variant, g_free);
  xs_materials_list_set_claim (list, &claim, NULL);
  g_assert_true (xs_gui_test_wait_until (list_idle, list, 10000));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (list)),
                            "needs no evidence"));
  g_assert_null (xs_gui_test_find (GTK_WIDGET (list), XS_TYPE_MATERIAL_ROW, NULL));

  g_assert_finalize_object (list);
  g_assert_finalize_object (db);
}

/* XsEvidenceAttacher ---------------------------------------------------------- */

static void
on_finished (char      **message,
             const char *text)
{
  g_free (*message);
  *message = g_strdup (text != NULL ? text : "");
}

static void
on_detached (XsEvidenceAttacher *attacher,
             gint64              id,
             gint64             *detached)
{
  *detached = id;
}

static gboolean
has_message (gpointer message)
{
  return *(char **) message != NULL;
}

static void
test_evidence_attacher (void)
{
  XsDb *db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autofree char *scan = make_scan ("单位证明.png");
  g_autofree char *text = xs_test_write_file ("说明.txt", "not a scan", -1);
  const char *paths[] = { scan, NULL };
  const char *bad[] = { text, NULL };
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_auto(XsClaim) claim = { 0 };
  XsEvidenceAttacher *attacher;

  claim.trainee_id = xs_test_add_trainee_full (db, 1, "欧阳䶮", NULL);
  claim.year = 2018;
  claim.category = XS_CATEGORY_PROFESSIONAL;
  claim.kind = 4;
  claim.variant = g_strdup ("attended");
  claim.hours = 80;
  claim.title = g_strdup ("学术会议");
  g_date_set_dmy (&claim.date, 20, G_DATE_MAY, 2018);

  /* no claim yet: kept pending, each file once */
  attacher = xs_evidence_attacher_new (db, 0, "employer_proof");
  g_signal_connect_swapped (attacher, "finished", G_CALLBACK (on_finished), &message);
  xs_evidence_attacher_attach (attacher, paths);
  xs_evidence_attacher_attach (attacher, paths);
  g_assert_cmpstr (message, ==, "");
  g_assert_false (xs_evidence_attacher_get_busy (attacher));
  g_assert_cmpuint (g_strv_length ((char **) xs_evidence_attacher_get_pending (attacher)), ==, 1);
  xs_evidence_attacher_drop_pending (attacher, scan);
  g_assert_cmpuint (g_strv_length ((char **) xs_evidence_attacher_get_pending (attacher)), ==, 0);

  /* a saved claim: stored by a job */
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  xs_evidence_attacher_set_claim_id (attacher, claim.id);
  g_clear_pointer (&message, g_free);
  xs_evidence_attacher_attach (attacher, paths);
  g_assert_true (xs_evidence_attacher_get_busy (attacher));
  g_assert_true (xs_gui_test_wait_until (has_message, &message, 10000));
  g_assert_cmpstr (message, ==, "");
  evidence = xs_claim_store_list_evidence (db, claim.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 1);

  /* removed in a job, and linked again by the Undo */
  {
    gint64 detached = 0;
    gint64 id = ((XsEvidence *) g_ptr_array_index (evidence, 0))->id;

    g_signal_connect (attacher, "detached", G_CALLBACK (on_detached), &detached);
    g_clear_pointer (&message, g_free);
    xs_evidence_attacher_detach (attacher, id);
    g_assert_true (xs_evidence_attacher_get_busy (attacher));
    g_assert_true (xs_gui_test_wait_until (has_message, &message, 10000));
    g_assert_cmpint (detached, ==, id);
    g_clear_pointer (&evidence, g_ptr_array_unref);
    evidence = xs_claim_store_list_evidence (db, claim.id, &error);
    g_assert_cmpuint (evidence->len, ==, 0);
    g_clear_pointer (&message, g_free);
    xs_evidence_attacher_undo_detach (attacher, id);
    g_assert_true (xs_gui_test_wait_until (has_message, &message, 10000));
    g_assert_cmpstr (message, ==, "");
    g_clear_pointer (&evidence, g_ptr_array_unref);
    evidence = xs_claim_store_list_evidence (db, claim.id, &error);
    g_assert_cmpuint (evidence->len, ==, 1);
  }

  /* a file that is not a scan: refused in the user's words, nothing stored */
  g_clear_pointer (&message, g_free);
  xs_evidence_attacher_attach (attacher, bad);
  g_assert_true (xs_gui_test_wait_until (has_message, &message, 10000));
  g_assert_nonnull (strstr (message, "说明.txt"));
  g_clear_pointer (&evidence, g_ptr_array_unref);
  evidence = xs_claim_store_list_evidence (db, claim.id, &error);
  g_assert_cmpuint (evidence->len, ==, 1);

  g_assert_finalize_object (attacher);
  g_assert_finalize_object (db);
}

/* XsEvidenceFileRow ------------------------------------------------------------ */

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_evidence_file_row (void)
{
  XsEvidence evidence = { 0 };
  GtkWidget *row;
  GtkWidget *remove;

  evidence.id = 42;
  evidence.media_type = (char *) "application/pdf";
  evidence.pages = 3;
  evidence.size = 250000;
  evidence.original_name = (char *) "河南省继续医学教育学分证明（第一页至第三页，含单位公章及负责人签字）.pdf";

  row = g_object_ref_sink (xs_evidence_file_row_new (&evidence, NULL));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, evidence.original_name);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "3 pages"));
  g_assert_cmpint (xs_evidence_file_row_get_evidence_id (XS_EVIDENCE_FILE_ROW (row)), ==, 42);
  remove = find_action_button (row, "material.remove");
  g_assert_nonnull (remove);
  g_assert_nonnull (find_action_button (row, "material.preview"));
  /* Remove shows only while editable */
  g_assert_false (gtk_widget_get_visible (remove));
  xs_evidence_file_row_set_editable (XS_EVIDENCE_FILE_ROW (row), TRUE);
  g_assert_true (gtk_widget_get_visible (remove));
  g_assert_finalize_object (row);

  row = g_object_ref_sink (xs_evidence_file_row_new (NULL, "/tmp/扫描 𠮷.PDF"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "扫描 𠮷.PDF");
  g_assert_cmpstr (xs_evidence_file_row_get_pending_path (XS_EVIDENCE_FILE_ROW (row)), ==, "/tmp/扫描 𠮷.PDF");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "saved"));
  g_assert_nonnull (find_action_button (row, "material.remove-pending"));
  g_assert_nonnull (find_action_button (row, "material.preview-pending"));
  g_assert_finalize_object (row);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/claim-fields/fields", test_claim_fields);
  g_test_add_func ("/materials-list/list", test_materials_list);
  g_test_add_func ("/evidence-attacher/attach", test_evidence_attacher);
  g_test_add_func ("/evidence-file-row/row", test_evidence_file_row);

  return xs_gui_test_run ();
}
