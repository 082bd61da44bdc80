/* xs-claim-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-claim-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-claim-editor-private.h"
#include "xs-claim-store.h"
#include "xs-date.h"
#include "xs-trainee-store.h"
#include "xs-report.h"

G_DEFINE_FINAL_TYPE (XsClaimEditor, xs_claim_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLAIM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Messages ----------------------------------------------------------------- */

void
_xs_claim_editor_show_error (XsClaimEditor *self,
                             const char    *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_toast (XsClaimEditor *self,
            const char    *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
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
  g_autoptr(XsTrainee) trainee = xs_trainee_store_get (self->db, self->trainee_id, NULL);
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
  subtitle = g_strdup_printf (_("%s · %d"), trainee != NULL ? trainee->name : "", self->year);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* Saving ------------------------------------------------------------------- */

static gboolean
save (XsClaimEditor  *self,
      GError        **error)
{
  g_auto(XsClaim) claim = { 0 };
  gboolean date_given;
  gboolean is_new = self->claim_id == 0;
  gboolean ok;

  if (!_xs_claim_editor_read_fields (self, &claim, &date_given, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      return FALSE;
    }

  if (!xs_db_begin (self->db, error))
    return FALSE;
  ok = is_new ? xs_claim_store_add (self->db, &claim, error)
              : xs_claim_store_update (self->db, &claim, error);
  if (!ok)
    {
      xs_db_rollback (self->db);
      return FALSE;
    }
  if (!xs_db_commit (self->db, error))
    return FALSE;

  g_clear_pointer (&self->stored, xs_claim_free);
  self->stored = xs_claim_copy (&claim);
  if (is_new)
    {
      self->claim_id = claim.id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIM_ID]);
    }
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XsClaimEditor *self = XS_CLAIM_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gboolean was_new = self->claim_id == 0;

  if (self->locked)
    return;
  if (!save (self, &error))
    {
      _xs_claim_editor_show_error (self, error->message);
      return;
    }

  _xs_claim_editor_show_error (self, NULL);
  update_title (self);
  update_note (self);
  _xs_claim_editor_reload_evidence (self);
  _xs_claim_editor_update_materials (self);
  _xs_claim_editor_update_check (self);
  show_toast (self, was_new && self->row_materials != NULL && self->row_materials[0] != NULL
                    ? _("Draft saved; now attach the materials")
                    : _("Draft saved"));
  g_signal_emit (self, signals[SAVED], 0, self->claim_id);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsClaimEditor *self = XS_CLAIM_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->locked)
    return;
  if (!save (self, &error) || !xs_claim_store_submit (self->db, self->claim_id, &error))
    {
      _xs_claim_editor_show_error (self, error->message);
      _xs_claim_editor_on_material_changed (self);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->claim_id);
  if (parent != NULL)
    {
      /* Translators: a toast in the main window */
      title = g_strdup_printf (_("“%s” submitted for review"), self->stored->title);
      xs_report_action (GTK_WIDGET (parent), "win.show-toast", g_variant_new_string (title));
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Loading ------------------------------------------------------------------ */

static guint
kind_position (XsClaimEditor *self,
               int            number)
{
  GListModel *kinds = xs_rule_set_get_kinds (self->rules);

  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(XsClaimKind) kind = g_list_model_get_item (kinds, i);

      if (xs_claim_kind_get_number (kind) == number)
        return i;
    }
  return 0;
}

static void
fill_fields (XsClaimEditor *self)
{
  const XsClaim *claim = self->stored;

  self->loading = TRUE;
  if (claim == NULL)
    {
      adw_combo_row_set_selected (self->category_row, CATEGORY_PROFESSIONAL);
      adw_combo_row_set_selected (self->kind_row, 0);
      _xs_claim_editor_fill_variants (self, NULL);
      gtk_spin_button_set_value (self->months_spin, 6);
    }
  else
    {
      g_autofree char *date = xs_date_to_iso (&claim->date);

      adw_combo_row_set_selected (self->category_row, claim->category == XS_CATEGORY_PROFESSIONAL
                                                      ? CATEGORY_PROFESSIONAL : CATEGORY_PUBLIC);
      gtk_switch_set_active (self->compulsory_switch, claim->compulsory);
      if (claim->category == XS_CATEGORY_PROFESSIONAL)
        adw_combo_row_set_selected (self->kind_row, kind_position (self, claim->kind));
      _xs_claim_editor_fill_variants (self, claim->variant);
      gtk_spin_button_set_value (self->hours_spin, claim->hours / 10.0);
      gtk_spin_button_set_value (self->months_spin, claim->absence_months > 0 ? claim->absence_months : 6);
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), claim->title != NULL ? claim->title : "");
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
      gtk_editable_set_text (GTK_EDITABLE (self->plan_row), claim->plan_ref != NULL ? claim->plan_ref : "");
      self->date_touched = TRUE;
    }
  self->loading = FALSE;

  _xs_claim_editor_update_visibility (self);
  if (self->locked)
    {
      g_autofree char *hours = xs_hours_format (claim->hours);

      gtk_label_set_label (self->computed_label, hours);
    }
  _xs_claim_editor_update_check (self);
}

/* The kind’s number and name, “4 · 学术会议” */
static char *
kind_label (XsClaimKind *kind)
{
  if (kind == NULL)
    return NULL;
  /* Translators: a claim kind’s number and name, “4 · 学术会议” */
  return g_strdup_printf (_("%d · %s"), xs_claim_kind_get_number (kind), xs_claim_kind_get_name (kind));
}

static gboolean
load (XsClaimEditor  *self,
      GError        **error)
{
  g_autoptr(GtkExpression) expression = NULL;

  if (self->claim_id > 0)
    {
      self->stored = xs_claim_store_get (self->db, self->claim_id, error);
      if (self->stored == NULL)
        return FALSE;
      self->trainee_id = self->stored->trainee_id;
      self->year = self->stored->year;
      /* A batch claim is submitted with its import; once withdrawn to
       * draft it is corrected like any other. */
      self->locked = (self->stored->source == XS_SOURCE_BATCH && self->stored->status != XS_STATUS_DRAFT)
                     || self->stored->status == XS_STATUS_SUBMITTED
                     || self->stored->status == XS_STATUS_APPROVED;
    }

  self->rules = xs_rule_set_for_year (self->year, error);
  if (self->rules == NULL)
    return FALSE;

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (kind_label), NULL, NULL);
  adw_combo_row_set_expression (self->kind_row, expression);
  adw_combo_row_set_model (self->kind_row, xs_rule_set_get_kinds (self->rules));

  {
    g_autofree char *compulsory = xs_hours_format (xs_rule_set_get_required_compulsory (self->rules));
    g_autofree char *public = xs_hours_format (xs_rule_set_get_required_public (self->rules));
    /* Translators: “At least 24 of the 30 public hours must be compulsory” */
    g_autofree char *subtitle = g_strdup_printf (_("At least %s of the %s public hours must be compulsory"),
                                                 compulsory, public);

    adw_action_row_set_subtitle (self->compulsory_row, subtitle);
  }

  fill_fields (self);
  _xs_claim_editor_reload_evidence (self);
  update_title (self);
  update_note (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->claim_group), !self->locked);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), !self->locked);
  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), !self->locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !self->locked);

  _xs_claim_editor_update_materials (self);
  return TRUE;
}

/* Withdraw ------------------------------------------------------------------ */

gboolean
xs_claim_editor_withdraw (XsClaimEditor  *self,
                          const char     *reason,
                          GError        **error)
{
  g_return_val_if_fail (XS_IS_CLAIM_EDITOR (self), FALSE);

  if (!xs_claim_store_withdraw (self->db, self->claim_id, reason, error))
    return FALSE;
  g_clear_pointer (&self->stored, xs_claim_free);
  if (!load (self, error))
    return FALSE;
  g_signal_emit (self, signals[SAVED], 0, self->claim_id);
  show_toast (self, _("Withdrawn: correct the claim and submit it again"));
  return TRUE;
}

static void
on_withdraw_reason_changed (AdwMessageDialog *dialog,
                            GtkEditable      *entry)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "withdraw", *reason != '\0');
}

static void
on_withdraw_response (XsClaimEditor    *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "withdraw")
      && !xs_claim_editor_withdraw (self, gtk_editable_get_text (entry), &error))
    show_toast (self, error->message);
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
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (trainee_id > 0 || claim_id > 0, NULL);

  self = g_object_new (XS_TYPE_CLAIM_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->trainee_id = trainee_id;
  self->year = year;
  self->claim_id = claim_id;
  if (!load (self, &error))
    {
      _xs_claim_editor_show_error (self, error->message);
      self->locked = TRUE;
      gtk_widget_set_sensitive (GTK_WIDGET (self->claim_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->materials_group), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.submit", FALSE);
    }
  return self;
}

gint64
xs_claim_editor_get_claim_id (XsClaimEditor *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_EDITOR (self), 0);
  return self->claim_id;
}

static void
xs_claim_editor_dispose (GObject *object)
{
  XsClaimEditor *self = XS_CLAIM_EDITOR (object);

  if (self->material_rows != NULL)
    for (guint i = 0; i < self->material_rows->len; i++)
      g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->material_rows, i), self);
  g_clear_pointer (&self->material_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (xs_claim_editor_parent_class)->dispose (object);
}

static void
xs_claim_editor_finalize (GObject *object)
{
  XsClaimEditor *self = XS_CLAIM_EDITOR (object);

  g_clear_object (&self->db);
  g_clear_object (&self->rules);
  g_clear_pointer (&self->stored, xs_claim_free);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_strfreev (self->row_materials);
  g_strfreev (self->missing);
  g_free (self->refusal);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_claim_editor_class_init (XsClaimEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_claim_editor_dispose;
  object_class->finalize = xs_claim_editor_finalize;
  object_class->get_property = xs_claim_editor_get_property;

  properties[PROP_CLAIM_ID] =
    g_param_spec_int64 ("claim-id", NULL, NULL, 0, G_MAXINT64, 0,
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-claim-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, submit_button);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, note_group);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, note_icon);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, note_label);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, withdraw_button);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, claim_group);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, compulsory_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, compulsory_switch);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, variant_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, hours_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, months_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, months_spin);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, computed_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, computed_label);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, plan_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, XsClaimEditor, materials_group);
  _xs_claim_editor_class_bind_field_callbacks (widget_class);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "editor.withdraw", NULL, withdraw_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
xs_claim_editor_init (XsClaimEditor *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->material_rows = g_ptr_array_new ();

  /* Same order as XsCategory */
  gtk_string_list_append (categories, _("Public subjects (公需科目)"));
  gtk_string_list_append (categories, _("Professional subjects (专业科目)"));
  self->loading = TRUE;
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  self->loading = FALSE;
}
