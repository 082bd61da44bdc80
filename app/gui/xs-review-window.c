/* xs-review-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The package is opened (and checked) in a worker; the claims become
 * XsPackageClaimItems that carry the reviewer's decisions until they are
 * written to a decisions file. The base's database is never opened here.
 */
#define G_LOG_DOMAIN "xs-review-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-job.h"
#include "xs-application.h"
#include "xs-date.h"
#include "xs-evidence-viewer.h"
#include "xs-package-claim-item.h"
#include "xs-review-window-private.h"
#include "xs-rules.h"

G_DEFINE_FINAL_TYPE (XsReviewWindow, xs_review_window, ADW_TYPE_APPLICATION_WINDOW)

const char *
xs_review_window_get_page (XsReviewWindow *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

XsPackage *
xs_review_window_get_package (XsReviewWindow *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_WINDOW (self), NULL);
  return self->package;
}

GListModel *
xs_review_window_get_claims (XsReviewWindow *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_WINDOW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

void
xs_review_window_select (XsReviewWindow *self,
                         guint           position)
{
  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));
  gtk_single_selection_set_selected (self->selection, position);
}

gboolean
xs_review_window_get_modified (XsReviewWindow *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_WINDOW (self), FALSE);
  return self->modified;
}

void
_xs_review_window_show_toast (XsReviewWindow *self,
                              const char     *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* The list and its filter */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  XsReviewWindow *self = user_data;
  XsPackageClaimItem *claim = item;

  if (gtk_toggle_button_get_active (self->undecided_button)
      && (!xs_package_claim_item_get_decidable (claim)
          || xs_package_claim_item_get_decision (claim) != XS_STATUS_SUBMITTED))
    return FALSE;
  return xs_package_claim_item_matches (claim, self->search);
}

static void
update_count (XsReviewWindow *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint decided = _xs_review_window_count_decisions (self);
  g_autofree char *text = NULL;

  /* Translators: claims shown, claims in the package, claims decided here */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u claim shown · %u decided",
                                       "%u of %u claims shown · %u decided", total),
                          shown, total, decided);
  gtk_label_set_label (self->count_label, text);
}

static void
on_filter_changed (XsReviewWindow *self)
{
  g_autofree char *search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  g_free (self->search);
  self->search = g_strstrip (g_steal_pointer (&search));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_claim_activated (XsReviewWindow *self,
                    guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_pane));
}

/* The chosen claim */

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : "—");
}

static void
show_evidence (XsReviewWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->evidence_dropdown);
  const XsPackageClaim *claim;
  const XsPackageEvidence *evidence;
  const char *path;

  if (self->current == NULL)
    return;
  claim = xs_package_claim_item_get_claim (self->current);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= claim->n_evidence)
    {
      gtk_stack_set_visible_child_name (self->evidence_stack, "none");
      return;
    }
  evidence = &claim->evidence[selected];
  path = xs_package_get_evidence_path (self->package, evidence->sha256);
  if (path == NULL)
    {
      gtk_stack_set_visible_child_name (self->evidence_stack, "none");
      return;
    }
  gtk_stack_set_visible_child_name (self->evidence_stack, "viewer");
  xs_evidence_viewer_load_file (self->viewer, path, evidence->original_name);
}

static void
on_evidence_selected (XsReviewWindow *self)
{
  show_evidence (self);
}

static void
show_claim (XsReviewWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const XsPackageClaim *claim;

  if (self->current == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      adw_window_title_set_title (self->claim_title, "");
      adw_window_title_set_subtitle (self->claim_title, "");
      _xs_review_window_update_actions (self);
      return;
    }

  claim = xs_package_claim_item_get_claim (self->current);
  adw_window_title_set_title (self->claim_title, claim->name ? claim->name : "");
  adw_window_title_set_subtitle (self->claim_title, claim->ref ? claim->ref : "");
  set_row (self->name_row, claim->name);
  set_row (self->id_row, xs_package_claim_item_get_masked_id (self->current));
  set_row (self->employer_row, claim->employer);
  set_row (self->what_row, xs_package_claim_item_get_what (self->current));
  set_row (self->title_row, claim->title);
  set_row (self->hours_row, xs_package_claim_item_get_hours_text (self->current));
  set_row (self->date_row, claim->date);
  set_row (self->ref_row, claim->ref);

  for (guint i = 0; i < claim->n_evidence; i++)
    {
      const XsPackageEvidence *evidence = &claim->evidence[i];
      const char *material = evidence->material;
      g_autofree char *label = NULL;

      if (self->rules != NULL && material != NULL)
        material = xs_rule_set_get_material_name (self->rules, material);
      /* Translators: an evidence file: the material it proves, then the file's name */
      label = g_strdup_printf (_("%s — %s"), material ? material : "",
                               evidence->original_name ? evidence->original_name : evidence->sha256);
      gtk_string_list_append (names, label);
    }
  g_signal_handlers_block_by_func (self->evidence_dropdown, on_evidence_selected, self);
  gtk_drop_down_set_model (self->evidence_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->evidence_dropdown, claim->n_evidence > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->evidence_dropdown, on_evidence_selected, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_dropdown), claim->n_evidence > 1);
  show_evidence (self);

  gtk_stack_set_visible_child_name (self->detail_stack, "claim");
  _xs_review_window_update_actions (self);
}

static void
on_decision_changed (XsReviewWindow *self)
{
  if (gtk_toggle_button_get_active (self->undecided_button))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);
  update_count (self);
  _xs_review_window_update_actions (self);
}

static void
on_selected_item_changed (XsReviewWindow *self)
{
  XsPackageClaimItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item == self->current)
    return;
  if (self->current != NULL)
    g_signal_handlers_disconnect_by_func (self->current, on_decision_changed, self);
  g_set_object (&self->current, item);
  if (self->current != NULL)
    g_signal_connect_object (self->current, "notify::decision-label", G_CALLBACK (on_decision_changed),
                             self, G_CONNECT_SWAPPED);
  show_claim (self);
}

XsPackageClaimItem *
_xs_review_window_get_current (XsReviewWindow *self)
{
  return self->current;
}

/* Opening the package */

typedef struct
{
  XsPackage *package;
  XsRuleSet *rules;
  GPtrArray *items;
  XsPackageTrust trust;
  char      *trusted_name;
} Opened;

static void
opened_free (Opened *opened)
{
  g_clear_object (&opened->package);
  g_clear_object (&opened->rules);
  g_clear_pointer (&opened->items, g_ptr_array_unref);
  g_free (opened->trusted_name);
  g_free (opened);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Opened, opened_free)

typedef struct
{
  char *path;
  char *reviewer_dir;
} OpenInput;

static void
open_input_free (OpenInput *input)
{
  g_free (input->path);
  g_free (input->reviewer_dir);
  g_free (input);
}

static gboolean
open_package (XsJob         *job,
              XsDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  OpenInput *input = data;
  g_autoptr(Opened) opened = g_new0 (Opened, 1);
  guint n;

  /* a package changed after the base signed it is refused here */
  opened->package = xs_package_open (input->path, cancellable, error);
  if (opened->package == NULL)
    return FALSE;
  opened->trust = xs_trust_check_package (input->reviewer_dir, opened->package, &opened->trusted_name);
  /* Without the year's rules, kinds are named by number. */
  opened->rules = xs_rule_set_for_year (xs_package_get_year (opened->package), NULL);
  n = xs_package_get_n_claims (opened->package);
  opened->items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (opened->items, xs_package_claim_item_new (opened->package, i, opened->rules));
  xs_job_set_result (job, g_steal_pointer (&opened), (GDestroyNotify) opened_free);
  return TRUE;
}

static char *
describe_rule_set (const char *id)
{
  g_autoptr(GListModel) sets = xs_rule_set_list_all (NULL);

  for (guint i = 0; sets != NULL && i < g_list_model_get_n_items (sets); i++)
    {
      g_autoptr(XsRuleSet) set = g_list_model_get_item (sets, i);

      if (g_strcmp0 (xs_rule_set_get_id (set), id) == 0)
        return g_strdup (xs_rule_set_get_source (set));
    }
  return g_strdup (id);
}

static void
on_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XsReviewWindow) self = user_data;
  g_autoptr(Opened) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rule_set = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  const char *base_name;

  gtk_spinner_stop (self->spinner);
  if (xs_job_run_finish (XS_JOB (object), result, &error))
    opened = xs_job_steal_result (XS_JOB (object));
  if (opened == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->package = g_steal_pointer (&opened->package);
  self->rules = g_steal_pointer (&opened->rules);
  self->trust = opened->trust;
  self->trusted_name = g_steal_pointer (&opened->trusted_name);
  _xs_review_window_show_trust (self);
  g_list_store_splice (self->claims, 0, 0, opened->items->pdata, opened->items->len);

  base_name = xs_package_get_base_name (self->package);
  if (base_name == NULL || *base_name == '\0')
    base_name = _("Unnamed base");
  rule_set = describe_rule_set (xs_package_get_rule_set (self->package));
  /* Translators: the package's year, then its rule set (the notice) */
  subtitle = g_strdup_printf (_("%d · %s"), xs_package_get_year (self->package), rule_set ? rule_set : "");
  adw_window_title_set_title (self->package_title, base_name);
  adw_window_title_set_subtitle (self->package_title, subtitle);
  /* Translators: the window's title: the base whose package is reviewed */
  title = g_strdup_printf (_("Review: %s"), base_name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  gtk_stack_set_visible_child_name (self->stack, "package");
  update_count (self);
  on_selected_item_changed (self);
}

static void
start_open (XsReviewWindow *self,
            const char     *path)
{
  OpenInput *input = g_new0 (OpenInput, 1);
  g_autoptr(XsJob) job = NULL;

  input->path = g_strdup (path);
  input->reviewer_dir = g_strdup (self->reviewer_dir);
  job = xs_job_new (NULL, open_package, input, (GDestroyNotify) open_input_free);

  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  xs_job_run_async (job, self->cancellable, on_opened, g_object_ref (self));
}

XsReviewWindow *
xs_review_window_new (GtkApplication *application,
                      const char     *path)
{
  XsReviewWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (XS_TYPE_REVIEW_WINDOW, "application", application, NULL);
  if (application != NULL && XS_IS_APPLICATION (application))
    self->settings = g_object_ref (xs_application_get_settings (XS_APPLICATION (application)));
  else
    self->settings = g_settings_new (APP_ID);
  _xs_review_window_load_reviewer (self);
  /* in the application's data folder (--data-dir, else $XUESHI_DATA_DIR) */
  self->reviewer_dir = xs_reviewer_dir_resolve (application != NULL && XS_IS_APPLICATION (application)
                                                ? xs_application_get_data_dir (XS_APPLICATION (application))
                                                : NULL);
  start_open (self, path);
  return self;
}

/* The class */

static void
xs_review_window_dispose (GObject *object)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->current != NULL)
    g_signal_handlers_disconnect_by_func (self->current, on_decision_changed, self);
  g_clear_object (&self->current);

  G_OBJECT_CLASS (xs_review_window_parent_class)->dispose (object);
}

static void
xs_review_window_finalize (GObject *object)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->claims);
  g_clear_object (&self->package);
  g_clear_object (&self->rules);
  g_clear_object (&self->settings);
  g_free (self->search);
  g_free (self->reviewer);
  g_free (self->reviewer_dir);
  g_free (self->trusted_name);
  g_free (self->pending_path);

  G_OBJECT_CLASS (xs_review_window_parent_class)->finalize (object);
}

static void
xs_review_window_class_init (XsReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xs_review_window_dispose;
  object_class->finalize = xs_review_window_finalize;
  window_class->close_request = _xs_review_window_close_request;

  g_type_ensure (XS_TYPE_EVIDENCE_VIEWER);
  g_type_ensure (XS_TYPE_PACKAGE_CLAIM_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, trust_revealer);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, trust_bar);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, trust_icon);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, trust_label);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, trust_button);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, package_title);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, claim_title);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, undecided_button);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, claims_view);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, reviewer_content);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, id_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, employer_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, what_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, hours_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, ref_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, decision_label);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, approve_button);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, reject_button);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, evidence_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, evidence_stack);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, viewer);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_claim_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_selected);

  _xs_review_window_class_install_actions (widget_class);
  _xs_review_window_class_install_trust (widget_class);
}

static void
xs_review_window_init (XsReviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->claims = g_list_store_new (XS_TYPE_PACKAGE_CLAIM_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->selection = gtk_single_selection_new (
    G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->claims)),
                                             GTK_FILTER (self->filter))));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item_changed), self);
  gtk_list_view_set_model (self->claims_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_single_click_activate (self->claims_view, TRUE);

  _xs_review_window_update_actions (self);
}
