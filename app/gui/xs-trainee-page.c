/* xs-trainee-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-trainee-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xs-claim-item.h"
#include "xs-claim-row.h"
#include "xs-claim-store.h"
#include "xs-history-dialog.h"
#include "xs-duplicates.h"
#include "xs-evidence-text.h"
#include "xs-hours-bar.h"
#include "xs-job.h"
#include "xs-progress.h"
#include "xs-trainee-page.h"
#include "xs-trainee-store.h"

struct _XsTraineePage
{
  GtkWidget        parent_instance;

  char            *data_dir;   /* for the History's own connection */
  gint64           trainee_id;
  char            *name;
  char            *id_number;
  char            *masked_id;

  /* template children */
  GtkLabel        *name_label;
  GtkLabel        *employer_label;
  GtkLabel        *id_label;
  GtkToggleButton *reveal_button;
  XsHoursBar      *public_bar;
  XsHoursBar      *compulsory_bar;
  XsHoursBar      *professional_bar;
  XsHoursBar      *total_bar;
  AdwPreferencesGroup *claims_group;
  GtkListBox      *claims_list;     /* bound to claims */
  GtkWidget       *no_claims_row;   /* its placeholder */

  GListStore      *claims;          /* XsClaimItem */
};

G_DEFINE_FINAL_TYPE (XsTraineePage, xs_trainee_page, GTK_TYPE_WIDGET)

enum {
  CLAIM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_reveal_toggled (XsTraineePage   *self,
                   GtkToggleButton *button)
{
  gboolean reveal = gtk_toggle_button_get_active (button);

  gtk_label_set_label (self->id_label, reveal ? self->id_number : self->masked_id);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button),
                               reveal ? _("Hide the identity number") : _("Show the whole identity number"));
}

static void
on_row_activated (XsTraineePage *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  if (XS_IS_CLAIM_ROW (row))
    g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, xs_claim_row_get_claim_id (XS_CLAIM_ROW (row)));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XsTraineePage *self = XS_TRAINEE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->data_dir == NULL || self->trainee_id == 0)
    return;
  dialog = xs_history_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->data_dir, self->trainee_id, self->name);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
xs_trainee_page_dispose (GObject *object)
{
  XsTraineePage *self = XS_TRAINEE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_TRAINEE_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->id_number, g_free);
  g_clear_pointer (&self->masked_id, g_free);
  g_clear_object (&self->claims);

  G_OBJECT_CLASS (xs_trainee_page_parent_class)->dispose (object);
}

static void
xs_trainee_page_class_init (XsTraineePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_trainee_page_dispose;

  signals[CLAIM_ACTIVATED] = g_signal_new ("claim-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (XS_TYPE_HOURS_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-trainee-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XsTraineePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, XsTraineePage, employer_label);
  gtk_widget_class_bind_template_child (widget_class, XsTraineePage, id_label);
  gtk_widget_class_bind_template_child (widget_class, XsTraineePage, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, XsTraineePage, public_bar);
  gtk_widget_class_bind_template_child (widget_class, XsTraineePage, compulsory_bar);
  gtk_widget_class_bind_template_child (widget_class, XsTraineePage, professional_bar);
  gtk_widget_class_bind_template_child (widget_class, XsTraineePage, total_bar);
  gtk_widget_class_bind_template_child (widget_class, XsTraineePage, claims_group);
  gtk_widget_class_bind_template_child (widget_class, XsTraineePage, claims_list);
  gtk_widget_class_bind_template_child (widget_class, XsTraineePage, no_claims_row);
  gtk_widget_class_bind_template_callback (widget_class, on_reveal_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "trainee.history", NULL, history_action);
}

static void
xs_trainee_page_init (XsTraineePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->claims = g_list_store_new (XS_TYPE_CLAIM_ITEM);
  gtk_list_box_bind_model (self->claims_list, G_LIST_MODEL (self->claims), xs_claim_item_create_row, NULL, NULL);
}

/* What the page shows, read in a job. */
typedef struct
{
  char        *data_dir;
  int          year;
  XsTrainee   *trainee;
  XsProgress  *progress;
  GPtrArray   *claims;   /* XsClaim */
  GPtrArray   *shared;   /* XsSharedScan */
  GPtrArray   *problems; /* XsScanProblem */
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_free (loaded->data_dir);
  g_clear_pointer (&loaded->trainee, xs_trainee_free);
  g_clear_object (&loaded->progress);
  g_clear_pointer (&loaded->claims, g_ptr_array_unref);
  g_clear_pointer (&loaded->shared, g_ptr_array_unref);
  g_clear_pointer (&loaded->problems, g_ptr_array_unref);
  g_free (loaded);
}

typedef struct
{
  gint64 trainee_id;
  int    year;
} LoadInput;

static gboolean
read_trainee (XsJob         *job,
              XsDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  LoadInput *input = data;
  Loaded *loaded = g_new0 (Loaded, 1);

  xs_job_set_result (job, loaded, (GDestroyNotify) loaded_free);
  loaded->data_dir = g_strdup (xs_db_get_data_dir (db));
  loaded->year = input->year;
  return (loaded->trainee = xs_trainee_store_get (db, input->trainee_id, error)) != NULL
         && (loaded->progress = xs_progress_compute (db, input->year, loaded->trainee->id_number, error)) != NULL
         && (loaded->claims = xs_claim_store_list_for_trainee (db, input->trainee_id, input->year, error)) != NULL
         && (loaded->shared = xs_duplicates_for_trainee (db, input->trainee_id, input->year, error)) != NULL
         && (loaded->problems = xs_evidence_text_problems (db, input->year, input->trainee_id, error)) != NULL;
}

static void
show_loaded (XsTraineePage *self,
             Loaded        *loaded)
{
  g_autoptr(GHashTable) shared_text = NULL;
  g_autofree char *group_title = NULL;
  XsTrainee *trainee = loaded->trainee;
  GPtrArray *claims = loaded->claims;
  GPtrArray *shared = loaded->shared;
  const XsProgressRow *row;
  XsRuleSet *rules;

  g_free (self->data_dir);
  self->data_dir = g_strdup (loaded->data_dir);
  self->trainee_id = trainee->id;
  g_free (self->name);
  self->name = g_strdup (trainee->name);
  g_free (self->id_number);
  self->id_number = g_strdup (trainee->id_number);
  g_free (self->masked_id);
  self->masked_id = xs_id_number_mask (trainee->id_number);

  gtk_label_set_label (self->name_label, trainee->name);
  gtk_label_set_label (self->employer_label, trainee->employer);
  gtk_toggle_button_set_active (self->reveal_button, FALSE);
  on_reveal_toggled (self, self->reveal_button);

  rules = xs_progress_get_rule_set (loaded->progress);
  row = xs_progress_get_row (loaded->progress, 0);
  xs_hours_bar_set (self->public_bar, _("Public subjects"), row->public_hours, row->pending_public,
                    xs_rule_set_get_required_public (rules));
  xs_hours_bar_set (self->compulsory_bar, _("Compulsory"), row->compulsory, row->pending_compulsory,
                    xs_rule_set_get_required_compulsory (rules));
  xs_hours_bar_set (self->professional_bar, _("Professional subjects"), row->professional,
                    row->pending_professional, xs_rule_set_get_required_professional (rules));
  xs_hours_bar_set (self->total_bar, _("Total"), row->total, row->pending_total,
                    xs_rule_set_get_required_total (rules));

  group_title = g_strdup_printf (_("Claims of %d"), loaded->year);
  adw_preferences_group_set_title (self->claims_group, group_title);
  g_list_store_remove_all (self->claims);
  /* One line per other trainee's claim holding one of the claim's scans. */
  shared_text = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_free);
  for (guint i = 0; i < shared->len; i++)
    {
      XsSharedScan *scan = g_ptr_array_index (shared, i);
      char *before = g_hash_table_lookup (shared_text, &scan->claim_id);
      g_autofree char *line = NULL;

      /* Translators: the other trainee's name and masked identity number */
      line = g_strdup_printf (_("The same scan is attached to a claim of %s (%s)"), scan->name, scan->masked_id);
      if (before != NULL && strstr (before, line) != NULL)
        continue;
      g_hash_table_insert (shared_text, &scan->claim_id,
                           before ? g_strconcat (before, "\n", line, NULL) : g_steal_pointer (&line));
    }
  /* and what the claim's scans say that does not fit it */
  for (guint i = 0; i < loaded->problems->len; i++)
    {
      XsScanProblem *problem = g_ptr_array_index (loaded->problems, i);
      char *before = g_hash_table_lookup (shared_text, &problem->claim_id);
      g_autofree char *line = NULL;

      if (problem->kind == XS_SCAN_PROBLEM_OTHER_PERSON)
        /* Translators: a scan's file name */
        line = g_strdup_printf (_("The scan “%s” names another person"), problem->file);
      else
        /* Translators: a scan's file name, the claim's year */
        line = g_strdup_printf (_("The scan “%s” bears no date in %d"), problem->file, problem->year);
      g_hash_table_insert (shared_text, &problem->claim_id,
                           before ? g_strconcat (before, "\n", line, NULL) : g_steal_pointer (&line));
    }
  for (guint i = 0; i < claims->len; i++)
    {
      XsClaim *claim = g_ptr_array_index (claims, i);
      g_autoptr(XsClaimItem) item = xs_claim_item_new (claim, rules, g_hash_table_lookup (shared_text, &claim->id));

      g_list_store_append (self->claims, item);
    }
}

void
xs_trainee_page_load_async (XsTraineePage       *self,
                            XsDb                *db,
                            gint64               trainee_id,
                            int                  year,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(XsJob) job = NULL;
  g_autoptr(GTask) task = NULL;
  LoadInput *input;

  g_return_if_fail (XS_IS_TRAINEE_PAGE (self));
  g_return_if_fail (XS_IS_DB (db));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xs_trainee_page_load_async);
  input = g_new0 (LoadInput, 1);
  input->trainee_id = trainee_id;
  input->year = year;
  job = xs_job_new (xs_db_get_data_dir (db), read_trainee, input, g_free);
  xs_job_run_for_task (job, task);
}

gboolean
xs_trainee_page_load_finish (XsTraineePage  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  Loaded *loaded;

  g_return_val_if_fail (XS_IS_TRAINEE_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;
  show_loaded (self, loaded);
  loaded_free (loaded);
  return TRUE;
}

gint64
xs_trainee_page_get_trainee_id (XsTraineePage *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_PAGE (self), 0);
  return self->trainee_id;
}
