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
#include "xs-package-claim-item.h"
#include "xs-report.h"
#include "xs-review-autosave.h"
#include "xs-review-claim-detail.h"
#include "xs-review-claim-list.h"
#include "xs-review-claims-view.h"
#include "xs-review-close-guard.h"
#include "xs-review-decision-actions.h"
#include "xs-review-decisions.h"
#include "xs-review-evidence.h"
#include "xs-review-files.h"
#include "xs-review-open-job.h"
#include "xs-review-package-title.h"
#include "xs-review-reviewer.h"
#include "xs-review-reviewer-button.h"
#include "xs-review-saver.h"
#include "xs-review-trust-bar.h"
#include "xs-review-window.h"
#include "xs-rules.h"
#include "xs-trust.h"

struct _XsReviewWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  char                 *data_dir;     /* as given, or NULL */
  char                 *path;         /* the package file */
  GCancellable         *cancellable;
  XsPackage            *package;
  XsRuleSet            *rules;
  XsReviewAutosave     *autosave;     /* once the package is open */
  XsReviewClaimList    *list;         /* the claims, those shown, the chosen one */
  XsReviewDecisions    *decisions;    /* made, undone, read back */
  XsReviewDecisionActions *decision_actions; /* what review.approve, …reject, …clear, …undo run */
  XsReviewSaver        *saver;
  XsReviewFiles        *files;        /* the choosers, a decisions file read */
  XsReviewCloseGuard   *close_guard;  /* asks before unsaved decisions are closed */

  char                 *reviewer_dir; /* the reviewer's own folder: key, trusted bases */
  XsReviewReviewer     *reviewer;     /* name and side, from the settings */
  gboolean              closing;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  XsReviewTrustBar     *trust_bar;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  GtkWidget            *detail_pane;
  GtkPaned             *claim_paned;
  XsReviewPackageTitle *package_title;
  AdwWindowTitle       *claim_title;
  XsReviewClaimsView   *claims_view;
  XsReviewReviewerButton *reviewer_button;
  GtkStack             *detail_stack;
  XsReviewClaimDetail  *claim_detail;
  XsReviewEvidence     *evidence;
};

G_DEFINE_FINAL_TYPE (XsReviewWindow, xs_review_window, ADW_TYPE_APPLICATION_WINDOW)

/* A toast saying @text. */
static void
show_toast (XsReviewWindow *self,
            const char     *text)
{
  xs_report_show_toast (self->toast_overlay, adw_toast_new (text));
}

static void
on_undo_toast_clicked (XsReviewWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "review.undo", NULL);
}

static void
show_undo_toast (XsReviewWindow *self,
                 const char     *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_toast_clicked), self, G_CONNECT_SWAPPED);
  xs_report_show_toast (self->toast_overlay, toast);
}

static void
update_actions (XsReviewWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save",
                                 self->package != NULL && !xs_review_saver_get_saving (self->saver));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.open-decisions", self->package != NULL);
}

/* After decisions or the side changed: the list, its count and the actions. */
static void
refilter (XsReviewWindow *self)
{
  xs_review_claim_list_refilter (self->list);
  update_actions (self);
}

/* The reviewer */

/* The side's to-do list and what it may decide */
static void
show_side (XsReviewWindow *self)
{
  xs_review_claim_list_set_side (self->list, xs_review_reviewer_get_side (self->reviewer));
  xs_review_claim_detail_set_side (self->claim_detail, xs_review_reviewer_get_side (self->reviewer));
  if (self->package != NULL)
    refilter (self);
  update_actions (self);
}

void
xs_review_window_set_reviewer (XsReviewWindow *self,
                               const char     *name,
                               XsReviewSide    side)
{
  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (side == XS_REVIEW_SIDE_HR || side == XS_REVIEW_SIDE_INDUSTRY);

  xs_review_reviewer_set (self->reviewer, name, side);
}

static void
ask_reviewer (XsReviewWindow *self,
              const char     *then)
{
  xs_review_reviewer_button_ask (self->reviewer_button, then);
}

static void
set_reviewer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ask_reviewer (XS_REVIEW_WINDOW (widget), NULL);
}

/* Deciding: review.approve, …reject, …clear and …undo run those of
 * XsReviewDecisionActions, and are enabled as they are. */

static const char *const decision_names[] = { "approve", "reject", "clear", "undo" };

static void
decision_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (widget);

  g_action_group_activate_action (G_ACTION_GROUP (self->decision_actions), strchr (action_name, '.') + 1, NULL);
}

static void
on_decision_enabled (XsReviewWindow *self,
                     const char     *name,
                     gboolean        enabled)
{
  g_autofree char *action_name = g_strconcat ("review.", name, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), action_name, enabled);
}

static void
on_ask_reviewer (XsReviewWindow *self,
                 const char     *name)
{
  g_autofree char *then = g_strconcat ("review.", name, NULL);

  ask_reviewer (self, then);
}

void
xs_review_window_reject (XsReviewWindow *self,
                         const char     *reason)
{
  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));
  xs_review_decision_actions_reject (self->decision_actions, reason);
}

/* Open Decisions… */

static void
on_files_read (XsReviewWindow *self,
               GPtrArray      *decisions)
{
  g_autofree char *text = NULL;

  xs_review_decisions_apply (self->decisions, decisions);
  update_actions (self);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision loaded", "%u decisions loaded",
                                       decisions->len),
                          decisions->len);
  show_undo_toast (self, text);
}

void
xs_review_window_load_decisions (XsReviewWindow *self,
                                 const char     *path)
{
  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->package != NULL);

  xs_review_files_read (self->files, path);
}

static void
open_decisions_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  xs_review_files_open (XS_REVIEW_WINDOW (widget)->files, GTK_WINDOW (widget));
}

/* Saving */

/* Without a key of their own, the saver asks the reviewer to make one. */
void
xs_review_window_save_to (XsReviewWindow *self,
                          const char     *path)
{
  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->package != NULL);

  xs_review_saver_save (self->saver, GTK_WINDOW (self), self->package, xs_review_claim_list_get_claims (self->list),
                        xs_review_decisions_get_generation (self->decisions), path, FALSE);
}

/* Saving: a toast (and closing, when that was asked for: XsReviewCloseGuard) */

static void
on_saved (XsReviewWindow *self,
          const char     *path,
          guint           n,
          guint           generation)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *text = NULL;

  xs_review_decisions_saved (self->decisions, generation);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision saved to “%s”",
                                       "%u decisions saved to “%s”", n),
                          n, name);
  show_toast (self, text);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (widget);

  if (self->package != NULL && !xs_review_saver_get_saving (self->saver))
    xs_review_files_ask_save (self->files, GTK_WINDOW (self));
}

/* Exporting the reviewer's public key, for the bases to register */

void
xs_review_window_export_key_to (XsReviewWindow *self,
                                const char     *path)
{
  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));
  g_return_if_fail (path != NULL);

  xs_review_saver_export_key (self->saver, path);
}

static void
export_key_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  xs_review_files_ask_key (XS_REVIEW_WINDOW (widget)->files, GTK_WINDOW (widget));
}

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
  return G_LIST_MODEL (xs_review_claim_list_get_selection (self->list));
}

void
xs_review_window_select (XsReviewWindow *self,
                         guint           position)
{
  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));
  gtk_single_selection_set_selected (xs_review_claim_list_get_selection (self->list), position);
}

gboolean
xs_review_window_get_autosaved (XsReviewWindow *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_WINDOW (self), FALSE);
  return self->autosave == NULL || xs_review_autosave_get_kept (self->autosave);
}

gboolean
xs_review_window_get_modified (XsReviewWindow *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_WINDOW (self), FALSE);
  return xs_review_decisions_get_modified (self->decisions);
}

/* The signer of the package, at the top */

XsPackageTrust
xs_review_window_get_trust (XsReviewWindow *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_WINDOW (self), XS_PACKAGE_TRUST_UNSIGNED);
  return xs_review_trust_bar_get_trust (self->trust_bar);
}

const char *
xs_review_window_get_trust_text (XsReviewWindow *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_WINDOW (self), NULL);
  return xs_review_trust_bar_get_text (self->trust_bar);
}

static void
trust_base_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  xs_review_trust_bar_ask (XS_REVIEW_WINDOW (widget)->trust_bar);
}

/* The list (XsReviewClaimsView shows it, with its search and counts) */

static void
on_claim_activated (XsReviewWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_pane));
}

/* The chosen claim */

static void
show_claim (XsReviewWindow *self)
{
  XsPackageClaimItem *current = xs_review_claim_list_get_current (self->list);
  const XsPackageClaim *claim = current != NULL ? xs_package_claim_item_get_claim (current) : NULL;

  xs_review_claim_detail_set_item (self->claim_detail, current);
  xs_review_evidence_set_claim (self->evidence, current);
  adw_window_title_set_title (self->claim_title, claim != NULL && claim->name ? claim->name : "");
  adw_window_title_set_subtitle (self->claim_title, claim != NULL && claim->ref ? claim->ref : "");
  gtk_stack_set_visible_child_name (self->detail_stack, current != NULL ? "claim" : "none");
  update_actions (self);
}

static void
previous_scan_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  xs_review_evidence_select_previous (XS_REVIEW_WINDOW (widget)->evidence);
}

static void
next_scan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  xs_review_evidence_select_next (XS_REVIEW_WINDOW (widget)->evidence);
}

/* A narrow window (folded) puts the scans under the claim's details, not
 * beside them. Unfolded, the panes keep their widths whatever the texts in
 * them or in the header. */
static void
on_folded_changed (XsReviewWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->claim_paned),
                                  folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (self->claim_paned, folded ? 360 : 380);
  /* beside the claim the list is 340 px whatever its texts; alone, it
   * takes the window's width */
  adw_clamp_set_maximum_size (ADW_CLAMP (self->list_pane), folded ? G_MAXINT / 2 : 340);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (self->list_pane), folded ? G_MAXINT / 2 : 340);
}

/* Opening the package */

static void
on_autosave_failed (XsReviewWindow *self,
                    const char     *message)
{
  /* a kept review written after the window closed says nothing */
  if (!self->closing)
    show_toast (self, message);
}

static void
on_continue (XsReviewWindow *self,
             GPtrArray      *decisions)
{
  xs_review_decisions_continue (self->decisions, decisions);
  update_actions (self);
}

static void
on_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XsReviewWindow) self = user_data;
  g_autoptr(XsReviewOpened) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

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
  xs_review_evidence_set_package (self->evidence, self->package, self->rules);
  xs_review_files_set_package (self->files, self->package);
  xs_review_trust_bar_show (self->trust_bar, self->package, opened->trust, opened->trusted_name);
  xs_review_claim_list_add (self->list, (XsPackageClaimItem *const *) opened->items->pdata, opened->items->len);

  xs_review_package_title_set_package (self->package_title, self->package);
  /* Translators: the window's title: the base whose package is reviewed */
  title = g_strdup_printf (_("Review: %s"), xs_review_package_title_get_base_name (self->package_title));
  gtk_window_set_title (GTK_WINDOW (self), title);

  gtk_stack_set_visible_child_name (self->stack, "package");
  show_claim (self);
  self->autosave = xs_review_autosave_new (self->package);
  xs_review_decisions_set_autosave (self->decisions, self->autosave);
  g_signal_connect_object (self->autosave, "failed", G_CALLBACK (on_autosave_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "continue", G_CALLBACK (on_continue), self, G_CONNECT_SWAPPED);
  xs_review_autosave_offer_continue (self->autosave, GTK_WINDOW (self), opened->saved, opened->saved_at);
}

static void
start_open (XsReviewWindow *self,
            const char     *path)
{
  g_autoptr(XsJob) job = xs_review_open_job_new (path, self->reviewer_dir);

  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  xs_job_run_async (job, self->cancellable, on_opened, g_object_ref (self));
}

/* Navigation */

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  xs_review_claims_view_focus_search (self->claims_view);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

XsReviewWindow *
xs_review_window_new (GtkApplication *application,
                      const char     *path)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (XS_TYPE_REVIEW_WINDOW, "application", application, "path", path, NULL);
}

XsReviewWindow *
xs_review_window_new_for (GSettings  *settings,
                          const char *data_dir,
                          const char *path)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (XS_TYPE_REVIEW_WINDOW, "settings", settings, "data-dir", data_dir, "path", path, NULL);
}

/* The class */

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_DATA_DIR,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xs_review_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      break;
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Reads the reviewer from the settings and opens the package. */
static void
xs_review_window_constructed (GObject *object)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (object);

  G_OBJECT_CLASS (xs_review_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  self->reviewer = xs_review_reviewer_new (self->settings);
  xs_review_reviewer_button_set_reviewer (self->reviewer_button, self->reviewer);
  self->decisions = xs_review_decisions_new (self->list, self->reviewer);
  self->decision_actions = xs_review_decision_actions_new (GTK_WINDOW (self), self->decisions, self->list,
                                                           self->reviewer);
  g_object_bind_property (self->claim_detail, "can-decide", self->decision_actions, "can-decide",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->decision_actions, "ask-reviewer", G_CALLBACK (on_ask_reviewer), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decision_actions, "done", G_CALLBACK (show_undo_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decision_actions, "action-enabled-changed", G_CALLBACK (on_decision_enabled), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (decision_names); i++)
    on_decision_enabled (self, decision_names[i],
                         g_action_group_get_action_enabled (G_ACTION_GROUP (self->decision_actions),
                                                            decision_names[i]));
  self->close_guard = xs_review_close_guard_new (GTK_WINDOW (self), self->decisions, self->saver);
  g_signal_connect_object (self->reviewer, "notify::side", G_CALLBACK (show_side), self, G_CONNECT_SWAPPED);
  show_side (self);
  self->reviewer_dir = xs_reviewer_dir_resolve (self->data_dir);
  xs_review_trust_bar_set_reviewer_dir (self->trust_bar, self->reviewer_dir);
  xs_review_saver_set_reviewer_dir (self->saver, self->reviewer_dir);
  if (self->path != NULL)
    start_open (self, self->path);
}

static void
xs_review_window_dispose (GObject *object)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (object);

  /* a kept review still being written says nothing any more */
  self->closing = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->saver != NULL)
    xs_review_saver_cancel (self->saver);
  if (self->files != NULL)
    xs_review_files_cancel (self->files);
  G_OBJECT_CLASS (xs_review_window_parent_class)->dispose (object);
}

static void
xs_review_window_finalize (GObject *object)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->list);
  g_clear_object (&self->close_guard);
  g_clear_object (&self->decision_actions);
  g_clear_object (&self->decisions);
  g_clear_object (&self->saver);
  g_clear_object (&self->files);
  g_clear_object (&self->package);
  g_clear_object (&self->rules);
  g_clear_object (&self->autosave);
  g_clear_object (&self->settings);
  g_clear_object (&self->reviewer);
  g_free (self->reviewer_dir);
  g_free (self->data_dir);
  g_free (self->path);

  G_OBJECT_CLASS (xs_review_window_parent_class)->finalize (object);
}

static void
xs_review_window_class_init (XsReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_review_window_dispose;
  object_class->finalize = xs_review_window_finalize;
  object_class->constructed = xs_review_window_constructed;
  object_class->set_property = xs_review_window_set_property;
  object_class->get_property = xs_review_window_get_property;

  /* the reviewer's name and side ("reviewer-name", "review-side"); NULL:
   * the application's schema */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* where the trusted bases and the reviewer's key are; NULL:
   * $XUESHI_DATA_DIR, else the user's data folder */
  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* the package, opened once the window is made */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XS_TYPE_REVIEW_CLAIM_DETAIL);
  g_type_ensure (XS_TYPE_REVIEW_CLAIMS_VIEW);
  g_type_ensure (XS_TYPE_REVIEW_EVIDENCE);
  g_type_ensure (XS_TYPE_REVIEW_PACKAGE_TITLE);
  g_type_ensure (XS_TYPE_REVIEW_REVIEWER_BUTTON);
  g_type_ensure (XS_TYPE_REVIEW_TRUST_BAR);
  g_type_ensure (XS_TYPE_PACKAGE_CLAIM_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, trust_bar);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, claim_paned);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, package_title);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, claim_title);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, claims_view);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, reviewer_button);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, claim_detail);
  gtk_widget_class_bind_template_child (widget_class, XsReviewWindow, evidence);
  gtk_widget_class_bind_template_callback (widget_class, on_claim_activated);
  gtk_widget_class_bind_template_callback (widget_class, show_toast);

  gtk_widget_class_install_action (widget_class, "review.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "review.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "review.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "review.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "review.show-list", NULL);
  gtk_widget_class_install_action (widget_class, "review.approve", NULL, decision_action);
  gtk_widget_class_install_action (widget_class, "review.reject", NULL, decision_action);
  gtk_widget_class_install_action (widget_class, "review.clear", NULL, decision_action);
  gtk_widget_class_install_action (widget_class, "review.undo", NULL, decision_action);
  gtk_widget_class_install_action (widget_class, "review.open-decisions", NULL,
                                   open_decisions_action);
  gtk_widget_class_install_action (widget_class, "review.set-reviewer", NULL, set_reviewer_action);
  gtk_widget_class_install_action (widget_class, "review.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "review.export-key", NULL, export_key_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "review.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "review.open-decisions", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "review.undo", NULL);
  gtk_widget_class_install_action (widget_class, "review.previous-scan", NULL, previous_scan_action);
  gtk_widget_class_install_action (widget_class, "review.next-scan", NULL, next_scan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "review.previous-scan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "review.next-scan", NULL);
  gtk_widget_class_install_action (widget_class, "review.trust-base", NULL, trust_base_action);
}

static void
xs_review_window_init (XsReviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->list = xs_review_claim_list_new ();
  self->saver = xs_review_saver_new ();
  g_signal_connect_object (self->saver, "saved", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->saver, "message", G_CALLBACK (show_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->saver, "notify::saving", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  self->files = xs_review_files_new ();
  g_signal_connect_object (self->files, "read", G_CALLBACK (on_files_read), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->files, "save", G_CALLBACK (xs_review_window_save_to), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->files, "export-key", G_CALLBACK (xs_review_window_export_key_to), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->files, "message", G_CALLBACK (show_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::current", G_CALLBACK (show_claim), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::n-shown", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::n-decided", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  xs_review_claims_view_set_list (self->claims_view, self->list);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed), self, G_CONNECT_SWAPPED);
  on_folded_changed (self);

  update_actions (self);
}
