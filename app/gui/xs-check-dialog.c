/* xs-check-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's face of `xueshi-cli check`: SQLite's integrity checks and
 * every evidence file read again against its SHA-256, in a worker, with
 * Cancel while it runs and the findings in the user's words at the end,
 * each with links to the claims and the trainee it names: following one
 * asks the window (win.edit-claim, win.show-trainee) to open it, and the
 * dialog, not modal, stays beside it.
 */
#define G_LOG_DOMAIN "xs-check-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xs-check.h"
#include "xs-check-dialog.h"
#include "xs-check-problem-item.h"
#include "xs-job.h"
#include "xs-report.h"

/* Problems listed in the dialog; the rest are counted. */
#define MAX_LISTED 15

struct _XsCheckDialog
{
  AdwMessageDialog  parent_instance;

  GCancellable     *cancellable;
  GPtrArray        *problems;
  gboolean          finished;

  GListStore       *items;       /* XsCheckProblemItem: the listed problems, in order */

  /* template children */
  GtkSpinner       *spinner;
  GtkWidget        *problems_window;
  GtkListView      *problems_view;
};

G_DEFINE_FINAL_TYPE (XsCheckDialog, xs_check_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_FINISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
run_check (XsJob         *job,
           XsDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  GPtrArray *problems = xs_check_run_problems (db, cancellable, error);

  if (problems == NULL)
    return FALSE;
  xs_job_set_result (job, problems, (GDestroyNotify) g_ptr_array_unref);
  return TRUE;
}

/* "<a href="claim:12">Claim 12</a>  <a href="trainee:3">Trainee</a>" */
static char *
links_markup (const XsCheckProblem *problem)
{
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < problem->n_claims; i++)
    {
      g_autofree char *label = g_strdup_printf (_("Open Claim %lld"), (long long) problem->claim_ids[i]);
      g_autofree char *escaped = g_markup_escape_text (label, -1);

      g_string_append_printf (markup, "%s<a href=\"claim:%" G_GINT64_FORMAT "\">%s</a>",
                              markup->len > 0 ? "    " : "", problem->claim_ids[i], escaped);
    }
  if (problem->trainee_id > 0)
    {
      g_autofree char *escaped = g_markup_escape_text (_("Open the Trainee’s Page"), -1);

      g_string_append_printf (markup, "%s<a href=\"trainee:%" G_GINT64_FORMAT "\">%s</a>",
                              markup->len > 0 ? "    " : "", problem->trainee_id, escaped);
    }
  return g_string_free (markup, FALSE);
}

static void
show_problems (XsCheckDialog *self,
               GPtrArray     *problems)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  g_autoptr(GString) body = g_string_new (NULL);

  if (problems->len == 0)
    {
      adw_message_dialog_set_heading (dialog, _("No Problems Found"));
      adw_message_dialog_set_body (dialog, _("The database is sound and every evidence file is as it was attached."));
      return;
    }

  adw_message_dialog_set_heading (dialog, _("Problems Found"));
  for (guint i = 0; i < MIN (problems->len, MAX_LISTED); i++)
    {
      const XsCheckProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *links = links_markup (problem);
      g_autoptr(XsCheckProblemItem) item = xs_check_problem_item_new (problem->text, links);

      g_list_store_append (self->items, item);
    }
  gtk_widget_set_visible (self->problems_window, TRUE);

  if (problems->len > MAX_LISTED)
    {
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE, "…and %u more problem", "…and %u more problems",
                                           problems->len - MAX_LISTED),
                              problems->len - MAX_LISTED);
      g_string_append (body, "\n\n");
    }
  g_string_append (body, _("Restore missing or altered evidence files from a backup, or attach the documents again."));
  adw_message_dialog_set_body (dialog, body->str);
}

/* A problem in the list */

static gboolean
on_link_activated (GtkLabel   *label,
                   const char *uri,
                   gpointer    user_data)
{
  gint64 id = 0;
  const char *action = NULL;

  if (g_str_has_prefix (uri, "claim:"))
    action = "win.edit-claim";
  else if (g_str_has_prefix (uri, "trainee:"))
    action = "win.show-trainee";
  /* Only our own links: nothing is handed to a browser. */
  if (action != NULL && g_ascii_string_to_signed (strchr (uri, ':') + 1, 10, 1, G_MAXINT64, &id, NULL))
    xs_report_action (GTK_WIDGET (label), action, g_variant_new_int64 (id));
  return TRUE;
}

static void
on_checked (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(XsCheckDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = NULL;

  if (xs_job_run_finish (XS_JOB (object), result, &error))
    problems = xs_job_steal_result (XS_JOB (object));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->finished = TRUE;
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "close", _("_Close"));

  if (problems == NULL)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("The Check Could Not Run"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), error->message);
      self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_check_problem_free);
    }
  else
    {
      self->problems = problems;
      show_problems (self, problems);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
}

static void
xs_check_dialog_response (AdwMessageDialog *dialog,
                          const char       *response)
{
  XsCheckDialog *self = XS_CHECK_DIALOG (dialog);

  /* Closing while it runs stops it. */
  g_cancellable_cancel (self->cancellable);
  if (ADW_MESSAGE_DIALOG_CLASS (xs_check_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (xs_check_dialog_parent_class)->response (dialog, response);
}

static void
xs_check_dialog_dispose (GObject *object)
{
  XsCheckDialog *self = XS_CHECK_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_CHECK_DIALOG);
  G_OBJECT_CLASS (xs_check_dialog_parent_class)->dispose (object);
}

static void
xs_check_dialog_finalize (GObject *object)
{
  XsCheckDialog *self = XS_CHECK_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (xs_check_dialog_parent_class)->finalize (object);
}

static void
xs_check_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XsCheckDialog *self = XS_CHECK_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_check_dialog_class_init (XsCheckDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = xs_check_dialog_dispose;
  object_class->finalize = xs_check_dialog_finalize;
  object_class->get_property = xs_check_dialog_get_property;
  dialog_class->response = xs_check_dialog_response;

  properties[PROP_FINISHED] = g_param_spec_boolean ("finished", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-check-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XsCheckDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, XsCheckDialog, problems_window);
  gtk_widget_class_bind_template_child (widget_class, XsCheckDialog, problems_view);
  gtk_widget_class_bind_template_callback (widget_class, on_link_activated);
}

static void
xs_check_dialog_init (XsCheckDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  self->items = g_list_store_new (XS_TYPE_CHECK_PROBLEM_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_list_view_set_model (self->problems_view, GTK_SELECTION_MODEL (selection));
}

GtkWidget *
xs_check_dialog_new (GtkWindow  *parent,
                     const char *data_dir)
{
  XsCheckDialog *self;
  g_autoptr(XsJob) job = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (XS_TYPE_CHECK_DIALOG,
                       "transient-for", parent,
                       /* the claims and trainees it links to open beside it */
                       "modal", FALSE,
                       NULL);
  job = xs_job_new (data_dir, run_check, NULL, NULL);
  xs_job_run_async (job, self->cancellable, on_checked, g_object_ref (self));
  return GTK_WIDGET (self);
}

gboolean
xs_check_dialog_get_finished (XsCheckDialog *self)
{
  g_return_val_if_fail (XS_IS_CHECK_DIALOG (self), FALSE);
  return self->finished;
}

GPtrArray *
xs_check_dialog_get_problems (XsCheckDialog *self)
{
  g_return_val_if_fail (XS_IS_CHECK_DIALOG (self), NULL);
  return self->problems;
}
