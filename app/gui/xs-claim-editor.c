/* xs-claim-editor.c
 *
 * The editor window: an XsClaimFields for the claim, an XsMaterialsList for
 * its files, and an XsClaimSaver that loads, saves, submits and withdraws
 * it in jobs, so that the window answers while the database is busy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-claim-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-claim-editor.h"
#include "xs-claim-fields.h"
#include "xs-claim-saver.h"
#include "xs-materials-list.h"
#include "xs-report.h"
#include "xs-rules.h"

struct _XsClaimEditor
{
  AdwWindow            parent_instance;

  XsDb                *db;
  XsClaimSaver        *saver;
  XsRuleSet           *rules;
  gint64               trainee_id;
  int                  year;
  gint64               claim_id;
  XsClaim             *stored;          /* as last read from the database; NULL when new */
  XsClaim             *shown;           /* as the materials are shown for it */
  char                *trainee_name;
  gboolean             locked;
  gboolean             loading;
  gboolean             saving;
  gboolean             discard;         /* the clerk chose to drop the edits */
  GCancellable        *cancellable;     /* of the load or save under way */

  /* template children */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *close_button;
  GtkButton           *save_button;
  GtkButton           *submit_button;
  GtkWidget           *page;
  GtkWidget           *note_group;
  GtkImage            *note_icon;
  GtkLabel            *note_label;
  GtkWidget           *withdraw_button;
  XsClaimFields       *fields;
  XsMaterialsList     *materials;
};

G_DEFINE_FINAL_TYPE (XsClaimEditor, xs_claim_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLAIM_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Messages ----------------------------------------------------------------- */

static void
show_toast (XsClaimEditor *self,
            const char    *message)
{
  xs_report_show_toast (self->toast_overlay, adw_toast_new (message));
}

static void
update_note (XsClaimEditor *self)
{
  g_autofree char *text = NULL;
  const char *icon = "changes-prevent-symbolic";

  if (self->stored == NULL)
    ;
  else if (self->stored->source == XS_SOURCE_BATCH && self->stored->status != XS_STATUS_DRAFT)
    text = g_strdup (_("This claim came with the base’s batch submission (基地统一申报) and is locked."));
  else if (self->stored->status == XS_STATUS_SUBMITTED)
    text = g_strdup (_("Submitted claims are locked: they wait for review."));
  else if (self->stored->status == XS_STATUS_APPROVED)
    text = g_strdup (_("Approved claims are locked."));
  else if (self->stored->status == XS_STATUS_REJECTED && self->stored->reason != NULL)
    {
      icon = "dialog-warning-symbolic";
      /* Translators: the reviewer’s reason follows */
      text = g_strdup_printf (_("Rejected: %s Correct the claim and submit it again."), self->stored->reason);
    }
  else if (self->stored->status == XS_STATUS_REJECTED)
    {
      icon = "dialog-warning-symbolic";
      text = g_strdup (_("Rejected. Correct the claim and submit it again."));
    }

  /* Submitted and not decided: the only way back is an explicit withdraw. */
  gtk_widget_set_visible (self->withdraw_button,
                          self->stored != NULL && self->stored->status == XS_STATUS_SUBMITTED);
  gtk_widget_set_visible (self->note_group, text != NULL);
  gtk_label_set_label (self->note_label, text != NULL ? text : "");
  gtk_image_set_from_icon_name (self->note_icon, icon);
}

static void
update_title (XsClaimEditor *self)
{
  g_autofree char *subtitle = NULL;
  const char *title;

  if (self->locked)
    title = _("Claim");
  else if (self->claim_id == 0)
    title = _("New Claim");
  else
    title = _("Edit Claim");
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  /* Translators: the trainee’s name and the year, “张三 · 2018” */
  subtitle = g_strdup_printf (_("%s · %d"), self->trainee_name != NULL ? self->trainee_name : "", self->year);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static gboolean
is_busy (XsClaimEditor *self)
{
  return self->loading || self->saving || xs_materials_list_get_loading (self->materials)
         || xs_materials_list_get_busy (self->materials);
}

/* Save waits for the load and the save under way; Submit also for every
 * material, the files being attached, and the fields to pass the rules;
 * its tooltip says which. */
static void
update_actions (XsClaimEditor *self)
{
  const char * const *missing = xs_materials_list_get_missing (self->materials);
  const char *refusal = xs_claim_fields_get_refusal (self->fields);
  gboolean busy = xs_materials_list_get_busy (self->materials);
  gboolean waiting = self->loading || self->saving;
  gboolean any_missing = missing == NULL || missing[0] != NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !self->locked && !waiting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.submit",
                                 !self->locked && !waiting && !any_missing && !busy && refusal == NULL);
  gtk_widget_set_sensitive (self->page, !waiting);

  if (self->locked)
    ;
  else if (busy)
    tooltip = g_strdup (_("Wait until the files are attached"));
  else if (missing != NULL && missing[0] != NULL)
    {
      g_autofree char *names = xs_materials_list_dup_missing_names (self->materials);

      /* Translators: the names of the materials with no file yet */
      tooltip = g_strdup_printf (_("Attach every material before submitting; missing: %s"), names);
    }
  else if (refusal != NULL)
    tooltip = g_strdup (refusal);
  else
    tooltip = g_strdup (_("Save the claim and send it for review; it is locked afterwards"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->submit_button), tooltip);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The materials the claim as edited asks for. */
static void
update_materials (XsClaimEditor *self)
{
  g_auto(XsClaim) claim = { 0 };

  xs_claim_fields_read (self->fields, &claim, NULL, NULL);
  xs_materials_list_set_claim (self->materials, &claim, self->stored);
  g_clear_pointer (&self->shown, xs_claim_free);
  self->shown = xs_claim_copy (&claim);
  update_actions (self);
}

static void
on_fields_changed (XsClaimEditor *self)
{
  update_actions (self);
}

static void
on_kind_change_response (XsClaimEditor *self,
                         const char    *response)
{
  if (g_str_equal (response, "discard"))
    update_materials (self);
  else if (self->shown != NULL)
    xs_claim_fields_set_kind (self->fields, self->shown);
}

/* Files attached before the claim is saved to a material the new kind
 * does not ask for would go with their row: ask first. */
static void
on_kind_changed (XsClaimEditor *self)
{
  g_auto(XsClaim) claim = { 0 };
  g_autofree char *dropped = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  guint n_files = 0;

  xs_claim_fields_read (self->fields, &claim, NULL, NULL);
  dropped = xs_materials_list_dup_dropped (self->materials, &claim, &n_files);
  if (dropped == NULL || self->shown == NULL)
    {
      update_materials (self);
      return;
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Discard %u File?", "Discard %u Files?", n_files),
                             n_files);
  /* Translators: one line a material with its files follows */
  body = g_strdup_printf (_("The kind chosen does not ask for these materials; their files, not saved yet, "
                            "would be removed from the claim:\n%s"), dropped);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Kind"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_kind_change_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_fields_activate (XsClaimEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
on_materials_changed (XsClaimEditor *self)
{
  update_actions (self);
}

static void
on_suggestion (XsClaimEditor *self,
               const char    *field,
               const char    *value)
{
  xs_claim_fields_suggest (self->fields, field, value);
}

/* Loading ------------------------------------------------------------------ */

static void
set_locked (XsClaimEditor *self,
            gboolean       locked)
{
  self->locked = locked;
  xs_claim_fields_set_locked (self->fields, locked);
  xs_materials_list_set_locked (self->materials, locked);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), !locked);
  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), !locked);
  /* nothing to cancel on a claim that cannot be changed */
  gtk_button_set_label (self->close_button, locked ? _("_Close") : _("_Cancel"));
}

static void
show_load_error (XsClaimEditor *self,
                 const char    *message)
{
  set_locked (self, TRUE);
  xs_claim_fields_show_error (self->fields, message);
  gtk_widget_set_visible (GTK_WIDGET (self->materials), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields), FALSE);
}

/* Shows self->stored (or a new claim) as loaded. */
static gboolean
show_claim (XsClaimEditor  *self,
            GError        **error)
{
  g_auto(XsClaim) blank = { 0 };

  if (self->stored != NULL)
    {
      self->trainee_id = self->stored->trainee_id;
      self->year = self->stored->year;
    }
  /* A batch claim is submitted with its import; once withdrawn to draft it
   * is corrected like any other. */
  self->locked = self->stored != NULL
                 && ((self->stored->source == XS_SOURCE_BATCH && self->stored->status != XS_STATUS_DRAFT)
                     || self->stored->status == XS_STATUS_SUBMITTED
                     || self->stored->status == XS_STATUS_APPROVED);

  g_clear_object (&self->rules);
  self->rules = xs_rule_set_for_year (self->year, error);
  if (self->rules == NULL)
    return FALSE;

  blank.trainee_id = self->trainee_id;
  blank.year = self->year;
  g_date_clear (&blank.date, 1);
  xs_claim_fields_set_locked (self->fields, self->locked);
  xs_claim_fields_set_rules (self->fields, self->rules);
  xs_claim_fields_set_claim (self->fields, self->stored != NULL ? self->stored : &blank);
  xs_materials_list_set_db (self->materials, self->db);
  xs_materials_list_set_rules (self->materials, self->rules);
  set_locked (self, self->locked);
  update_title (self);
  update_note (self);
  update_materials (self);
  return TRUE;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XsClaimEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsClaim) claim = NULL;
  g_autofree char *trainee_name = NULL;

  if (!xs_claim_saver_load_finish (XS_CLAIM_SAVER (source), result, &claim, &trainee_name, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  self->loading = FALSE;

  if (error == NULL)
    {
      g_clear_pointer (&self->stored, xs_claim_free);
      self->stored = g_steal_pointer (&claim);
      g_free (self->trainee_name);
      self->trainee_name = g_steal_pointer (&trainee_name);
    }
  if (error != NULL || !show_claim (self, &error))
    {
      update_actions (self);
      show_load_error (self, error->message);
      return;
    }
  update_actions (self);
  /* the first field, not Cancel */
  if (!self->locked)
    xs_claim_fields_focus_first (self->fields);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
}

static void
start_load (XsClaimEditor *self)
{
  self->loading = TRUE;
  update_actions (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  xs_claim_saver_load_async (self->saver, self->claim_id, self->trainee_id, self->cancellable,
                             on_loaded, g_object_ref (self));
}

/* Saving ------------------------------------------------------------------- */

static void
set_saving (XsClaimEditor *self,
            gboolean       saving)
{
  self->saving = saving;
  update_actions (self);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(XsClaimEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsClaim) claim = xs_claim_saver_save_finish (XS_CLAIM_SAVER (source), result, &error);
  gboolean was_new = self->claim_id == 0;
  gboolean had_pending;
  GtkWindow *parent;

  if (claim == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  set_saving (self, FALSE);
  if (claim == NULL)
    {
      xs_claim_fields_show_error (self->fields, error->message);
      update_materials (self);
      return;
    }

  had_pending = xs_materials_list_has_pending (self->materials);
  g_clear_pointer (&self->stored, xs_claim_free);
  self->stored = g_steal_pointer (&claim);
  if (was_new)
    {
      self->claim_id = self->stored->id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIM_ID]);
    }
  xs_claim_fields_mark_saved (self->fields, self->stored);
  g_signal_emit (self, signals[SAVED], 0, self->claim_id);

  if (self->stored->status == XS_STATUS_SUBMITTED)
    {
      parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      if (parent != NULL)
        {
          /* Translators: a toast in the main window */
          g_autofree char *title = g_strdup_printf (_("“%s” submitted for review"), self->stored->title);

          xs_report_action (GTK_WIDGET (parent), "win.show-toast", g_variant_new_string (title));
        }
      self->discard = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  xs_claim_fields_show_error (self->fields, NULL);
  update_title (self);
  update_note (self);
  update_materials (self);
  show_toast (self, was_new && !had_pending
                    && xs_materials_list_get_missing (self->materials) != NULL
                    && xs_materials_list_get_missing (self->materials)[0] != NULL
                    ? _("Draft saved; now attach the materials")
                    : _("Draft saved"));
}

static void
start_save (XsClaimEditor *self,
            gboolean       submit)
{
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GHashTable) pending = NULL;
  g_autoptr(GHashTable) texts = NULL;

  if (self->locked || self->loading || self->saving)
    return;

  if (!xs_claim_fields_read (self->fields, &claim, NULL, &error))
    {
      xs_claim_fields_mark_date (self->fields);
      xs_claim_fields_show_error (self->fields, error->message);
      return;
    }
  pending = xs_materials_list_dup_pending (self->materials);
  texts = xs_materials_list_dup_pending_texts (self->materials);

  set_saving (self, TRUE);
  self->cancellable = g_cancellable_new ();
  xs_claim_saver_save_async (self->saver, &claim, pending, texts, submit, self->cancellable,
                             on_saved, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  start_save (XS_CLAIM_EDITOR (widget), FALSE);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  start_save (XS_CLAIM_EDITOR (widget), TRUE);
}

/* Closing ------------------------------------------------------------------ */

static void
on_discard_response (XsClaimEditor *self,
                     const char    *response)
{
  if (!g_str_equal (response, "discard"))
    return;
  self->discard = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Escape or Cancel on a half-filled claim asks first. */
static gboolean
xs_claim_editor_close_request (GtkWindow *window)
{
  XsClaimEditor *self = XS_CLAIM_EDITOR (window);
  AdwMessageDialog *dialog;

  if (self->discard || self->locked || self->loading
      || (!xs_claim_fields_get_modified (self->fields) && !xs_materials_list_has_pending (self->materials)))
    return GTK_WINDOW_CLASS (xs_claim_editor_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard the Changes?"),
                                                       self->claim_id == 0
                                                       ? _("The new claim and the files attached to it are not saved.")
                                                       : _("The changes to the claim are not saved.")));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Editing"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Withdraw ------------------------------------------------------------------ */

static void
on_withdrawn (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  XsClaimEditor *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  XsClaim *claim = xs_claim_saver_withdraw_finish (XS_CLAIM_SAVER (source), result, &error);

  set_saving (self, FALSE);
  if (claim == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_pointer (&self->stored, xs_claim_free);
  self->stored = claim;
  if (!show_claim (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  update_actions (self);
  g_signal_emit (self, signals[SAVED], 0, self->claim_id);
  show_toast (self, _("Withdrawn: correct the claim and submit it again"));
  g_task_return_boolean (task, TRUE);
}

void
xs_claim_editor_withdraw_async (XsClaimEditor       *self,
                                const char          *reason,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (XS_IS_CLAIM_EDITOR (self));
  g_return_if_fail (reason != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xs_claim_editor_withdraw_async);
  set_saving (self, TRUE);
  xs_claim_saver_withdraw_async (self->saver, self->claim_id, reason, cancellable, on_withdrawn, task);
}

gboolean
xs_claim_editor_withdraw_finish (XsClaimEditor  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_withdraw_reason_changed (AdwMessageDialog *dialog,
                            GtkEditable      *entry)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "withdraw", *reason != '\0');
}

static void
on_withdraw_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  XsClaimEditor *self = XS_CLAIM_EDITOR (source);
  g_autoptr(GError) error = NULL;

  if (!xs_claim_editor_withdraw_finish (self, result, &error))
    show_toast (self, error->message);
}

static void
on_withdraw_response (XsClaimEditor    *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "withdraw"))
    xs_claim_editor_withdraw_async (self, gtk_editable_get_text (entry), NULL, on_withdraw_done, NULL);
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  XsClaimEditor *self = XS_CLAIM_EDITOR (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Withdraw the Claim?"),
                                                       _("It goes back to draft so that it can be corrected, and must then be submitted again. The reason is recorded with the claim.")));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for withdrawing"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "withdraw", _("_Withdraw"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "withdraw", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "withdraw", FALSE);
  adw_message_dialog_set_default_response (dialog, "withdraw");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_withdraw_reason_changed), dialog);
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (on_withdraw_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject ------------------------------------------------------------------- */

XsClaimEditor *
xs_claim_editor_new (GtkWindow *parent,
                     XsDb      *db,
                     gint64     trainee_id,
                     int        year,
                     gint64     claim_id)
{
  XsClaimEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (trainee_id > 0 || claim_id > 0, NULL);

  self = g_object_new (XS_TYPE_CLAIM_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->saver = xs_claim_saver_new (db);
  self->trainee_id = trainee_id;
  self->year = year;
  self->claim_id = claim_id;
  update_title (self);
  start_load (self);
  return self;
}

gint64
xs_claim_editor_get_claim_id (XsClaimEditor *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_EDITOR (self), 0);
  return self->claim_id;
}

gboolean
xs_claim_editor_get_busy (XsClaimEditor *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_EDITOR (self), FALSE);
  return is_busy (self);
}

static void
xs_claim_editor_dispose (GObject *object)
{
  XsClaimEditor *self = XS_CLAIM_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xs_claim_editor_parent_class)->dispose (object);
}

static void
xs_claim_editor_finalize (GObject *object)
{
  XsClaimEditor *self = XS_CLAIM_EDITOR (object);

  g_clear_object (&self->db);
  g_clear_object (&self->saver);
  g_clear_object (&self->rules);
  g_clear_pointer (&self->stored, xs_claim_free);
  g_clear_pointer (&self->shown, xs_claim_free);
  g_free (self->trainee_name);

  G_OBJECT_CLASS (xs_claim_editor_parent_class)->finalize (object);
}

static void
xs_claim_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XsClaimEditor *self = XS_CLAIM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLAIM_ID:
      g_value_set_int64 (value, self->claim_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, is_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_claim_editor_class_init (XsClaimEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xs_claim_editor_dispose;
  object_class->finalize = xs_claim_editor_finalize;
  object_class->get_property = xs_claim_editor_get_property;
  window_class->close_request = xs_claim_editor_close_request;

  properties[PROP_CLAIM_ID] =
    g_param_spec_int64 ("claim-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XsClaimEditor::saved:
   * @claim_id: the claim's id
   *
   * The claim was stored (as a draft) or submitted.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (XS_TYPE_CLAIM_FIELDS);
  g_type_ensure (XS_TYPE_MATERIALS_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-claim-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, close_button);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, submit_button);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, page);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, note_group);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, note_icon);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, note_label);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, withdraw_button);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, fields);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, materials);
  gtk_widget_class_bind_template_callback (widget_class, on_fields_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_fields_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_materials_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "editor.withdraw", NULL, withdraw_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
xs_claim_editor_init (XsClaimEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->materials, "notify::busy", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->materials, "notify::loading", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fields, "notify::refusal", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
}
