/* xs-claim-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-claim-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "xs-claim-editor.h"
#include "xs-claim-store.h"
#include "xs-date.h"
#include "xs-material-row.h"
#include "xs-rules.h"
#include "xs-trainee-store.h"
#include "xs-window.h"

/* Rows of the category combo, in XsCategory order */
#define CATEGORY_PUBLIC        0
#define CATEGORY_PROFESSIONAL  1

struct _XsClaimEditor
{
  AdwWindow            parent_instance;

  XsDb                *db;
  XsRuleSet           *rules;
  gint64               trainee_id;
  int                  year;
  gint64               claim_id;
  XsClaim             *stored;          /* as last read from the database; NULL when new */
  gboolean             locked;
  gboolean             loading;         /* filling the fields: no checks */
  gboolean             date_touched;    /* the clerk left the date field */
  GPtrArray           *evidence;        /* XsEvidence of the stored claim */
  GPtrArray           *material_rows;   /* XsMaterialRow shown */
  GStrv                row_materials;   /* what they are for */
  GStrv                missing;         /* materials with no file yet */
  char                *refusal;         /* why the fields cannot be stored as they are */

  /* template children */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkButton           *submit_button;
  GtkWidget           *note_group;
  GtkImage            *note_icon;
  GtkLabel            *note_label;
  AdwPreferencesGroup *claim_group;
  AdwComboRow         *category_row;
  AdwActionRow        *compulsory_row;
  GtkSwitch           *compulsory_switch;
  AdwComboRow         *kind_row;
  AdwComboRow         *variant_row;
  AdwEntryRow         *title_row;
  AdwEntryRow         *date_row;
  GtkMenuButton       *date_button;
  GtkCalendar         *calendar;
  AdwActionRow        *hours_row;
  GtkSpinButton       *hours_spin;
  AdwActionRow        *months_row;
  GtkSpinButton       *months_spin;
  AdwActionRow        *computed_row;
  GtkLabel            *computed_label;
  AdwEntryRow         *plan_row;
  GtkLabel            *error_label;
  AdwPreferencesGroup *materials_group;
};

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

/* Fields ------------------------------------------------------------------- */

static XsClaimKind *
selected_kind (XsClaimEditor *self)
{
  return adw_combo_row_get_selected_item (self->kind_row);   /* transfer none */
}

static gboolean
is_professional (XsClaimEditor *self)
{
  return adw_combo_row_get_selected (self->category_row) == CATEGORY_PROFESSIONAL;
}

static const char *
selected_variant (XsClaimEditor *self)
{
  XsClaimKind *kind = selected_kind (self);
  const char * const *variants = kind != NULL ? xs_claim_kind_get_variants (kind) : NULL;
  guint selected = adw_combo_row_get_selected (self->variant_row);

  if (variants == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) variants))
    return NULL;
  return variants[selected];
}

/* Fills @claim from the fields. The date comes last: when its text is not a
 * date, the rest is filled in and the parse error returned. @date_given
 * tells whether the date field holds anything. */
static gboolean
read_fields (XsClaimEditor  *self,
             XsClaim        *claim,
             gboolean       *date_given,
             GError        **error)
{
  g_autofree char *date_text = NULL;

  memset (claim, 0, sizeof *claim);
  g_date_clear (&claim->date, 1);
  claim->id = self->claim_id;
  claim->trainee_id = self->trainee_id;
  claim->year = self->year;
  claim->source = self->stored != NULL ? self->stored->source : XS_SOURCE_INDIVIDUAL;
  claim->status = self->stored != NULL ? self->stored->status : XS_STATUS_DRAFT;
  claim->class_id = self->stored != NULL ? self->stored->class_id : 0;

  if (is_professional (self))
    {
      XsClaimKind *kind = selected_kind (self);

      claim->category = XS_CATEGORY_PROFESSIONAL;
      claim->kind = kind != NULL ? xs_claim_kind_get_number (kind) : 0;
      claim->variant = g_strdup (selected_variant (self));
      if (kind != NULL && xs_claim_kind_get_computed_hours (kind))
        {
          /* the variant of an absence kind is the absence itself */
          if (!xs_absence_from_string (claim->variant, &claim->absence))
            claim->absence = XS_ABSENCE_NONE;
          claim->absence_months = gtk_spin_button_get_value_as_int (self->months_spin);
        }
      else
        claim->hours = (int) lround (gtk_spin_button_get_value (self->hours_spin) * 10);
      if (kind != NULL && xs_claim_kind_get_requires_plan_ref (kind))
        {
          claim->plan_ref = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->plan_row))));
          if (*claim->plan_ref == '\0')
            g_clear_pointer (&claim->plan_ref, g_free);
        }
    }
  else
    {
      claim->category = XS_CATEGORY_PUBLIC;
      claim->compulsory = gtk_switch_get_active (self->compulsory_switch);
      claim->hours = (int) lround (gtk_spin_button_get_value (self->hours_spin) * 10);
    }

  claim->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  date_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  *date_given = *date_text != '\0';
  if (*date_given && !xs_date_parse (date_text, &claim->date, error))
    {
      g_date_clear (&claim->date, 1);
      return FALSE;
    }
  return TRUE;
}

/* Messages ----------------------------------------------------------------- */

static void
show_error (XsClaimEditor *self,
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
  else if (self->stored->source == XS_SOURCE_BATCH)
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

/* Materials ---------------------------------------------------------------- */

static void on_material_changed (XsClaimEditor *self);

static void
reload_evidence (XsClaimEditor *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *evidence = NULL;

  if (self->claim_id > 0)
    {
      evidence = xs_claim_store_list_evidence (self->db, self->claim_id, &error);
      if (evidence == NULL)
        show_error (self, error->message);
    }
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  self->evidence = evidence;
}

static gboolean
any_row_busy (XsClaimEditor *self)
{
  for (guint i = 0; i < self->material_rows->len; i++)
    if (xs_material_row_get_busy (g_ptr_array_index (self->material_rows, i)))
      return TRUE;
  return FALSE;
}

/* The edited fields ask for other materials than the stored claim does. */
static gboolean
materials_changed (XsClaimEditor *self,
                   const XsClaim *claim)
{
  return self->stored != NULL
         && (self->stored->category != claim->category
             || self->stored->kind != claim->kind
             || g_strcmp0 (self->stored->variant, claim->variant) != 0);
}

static void
rebuild_rows (XsClaimEditor      *self,
              const char * const *required)
{
  for (guint i = 0; i < self->material_rows->len; i++)
    adw_preferences_group_remove (self->materials_group, g_ptr_array_index (self->material_rows, i));
  g_ptr_array_set_size (self->material_rows, 0);

  for (guint i = 0; required[i] != NULL; i++)
    {
      GtkWidget *row = xs_material_row_new (self->db, self->claim_id, required[i],
                                            xs_rule_set_get_material_name (self->rules, required[i]));

      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_material_changed), self);
      g_signal_connect_swapped (row, "notify::busy", G_CALLBACK (on_material_changed), self);
      adw_preferences_group_add (self->materials_group, row);
      g_ptr_array_add (self->material_rows, row);
    }
  g_strfreev (self->row_materials);
  self->row_materials = g_strdupv ((char **) required);
}

/* "会议通知, 单位证明" */
static char *
material_names (XsClaimEditor      *self,
                const char * const *materials)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; materials[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (names, _(", "));
      g_string_append (names, xs_rule_set_get_material_name (self->rules, materials[i]));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Submit waits for every material, for the files being attached, and for
 * the fields to pass the rules; its tooltip says which. */
static void
update_submit (XsClaimEditor *self)
{
  gboolean busy = any_row_busy (self);
  gboolean missing = self->missing != NULL && self->missing[0] != NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.submit",
                                 !self->locked && !missing && !busy && self->refusal == NULL);
  if (self->locked)
    ;
  else if (busy)
    tooltip = g_strdup (_("Wait until the files are attached"));
  else if (missing)
    {
      g_autofree char *names = material_names (self, (const char * const *) self->missing);

      /* Translators: the names of the materials with no file yet */
      tooltip = g_strdup_printf (_("Attach every material before submitting; missing: %s"), names);
    }
  else if (self->refusal != NULL)
    tooltip = g_strdup (self->refusal);
  else
    tooltip = g_strdup (_("Save the claim and send it for review; it is locked afterwards"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->submit_button), tooltip);
}

/* Shows one row per material the edited claim needs, what is missing, and
 * whether it can be submitted. */
static void
update_materials (XsClaimEditor *self)
{
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  g_auto(GStrv) missing = NULL;
  const char * const *required;
  gboolean date_given;
  gboolean changed;
  gboolean editable;

  read_fields (self, &claim, &date_given, NULL);
  required = xs_rule_set_get_required_materials (self->rules, &claim);
  changed = materials_changed (self, &claim);

  if (self->row_materials == NULL
      || !g_strv_equal ((const char * const *) self->row_materials, required)
      || (self->material_rows->len > 0
          && xs_material_row_get_claim_id (g_ptr_array_index (self->material_rows, 0)) != self->claim_id))
    rebuild_rows (self, required);

  editable = !self->locked && self->claim_id > 0 && !changed;
  for (guint i = 0; i < self->material_rows->len; i++)
    {
      XsMaterialRow *row = g_ptr_array_index (self->material_rows, i);

      xs_material_row_set_editable (row, editable);
      xs_material_row_set_evidence (row, self->evidence);
    }

  missing = xs_claim_store_get_missing_materials (self->db, &claim, &error);
  if (missing == NULL)
    {
      show_error (self, error->message);
      missing = g_new0 (char *, 1);
    }

  if (required[0] == NULL)
    g_string_append (description, _("This claim needs no evidence."));
  else if (missing[0] == NULL)
    g_string_append (description, _("Every material has a file."));
  else
    {
      g_autofree char *names = material_names (self, (const char * const *) missing);

      /* Translators: the names of the materials with no file yet */
      g_string_append_printf (description, _("Missing: %s."), names);
    }
  if (!self->locked && required[0] != NULL && self->claim_id == 0)
    g_string_append_printf (description, "\n%s", _("Save the draft to attach files."));
  else if (!self->locked && required[0] != NULL && changed)
    g_string_append_printf (description, "\n%s", _("Save the draft to attach files for the changed kind."));
  else if (!self->locked && missing[0] != NULL)
    g_string_append_printf (description, "\n%s", _("Attach scans, or drop files from the file manager on a row."));
  adw_preferences_group_set_description (self->materials_group, description->str);

  g_strfreev (self->missing);
  self->missing = g_steal_pointer (&missing);
  update_submit (self);
}

static void
on_material_changed (XsClaimEditor *self)
{
  reload_evidence (self);
  update_materials (self);
}

/* Live checks -------------------------------------------------------------- */

static void
update_visibility (XsClaimEditor *self)
{
  gboolean professional = is_professional (self);
  XsClaimKind *kind = professional ? selected_kind (self) : NULL;
  gboolean computed = kind != NULL && xs_claim_kind_get_computed_hours (kind);

  gtk_widget_set_visible (GTK_WIDGET (self->compulsory_row), !professional);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_row), professional);
  gtk_widget_set_visible (GTK_WIDGET (self->variant_row),
                          kind != NULL && xs_claim_kind_get_variants (kind) != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->variant_row),
                                 computed ? _("Absence") : _("Form"));
  gtk_widget_set_visible (GTK_WIDGET (self->hours_row), !computed);
  gtk_widget_set_visible (GTK_WIDGET (self->months_row), computed);
  gtk_widget_set_visible (GTK_WIDGET (self->computed_row), computed);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_row),
                          kind != NULL && xs_claim_kind_get_requires_plan_ref (kind));
}

/* Runs the year's rules on the fields as they are, so that a refusal shows
 * before saving and kind 15's hours are computed as the clerk types. Fields
 * not filled in yet are not reported. */
static void
update_check (XsClaimEditor *self)
{
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;
  XsClaimKind *kind = is_professional (self) ? selected_kind (self) : NULL;
  gboolean computed = kind != NULL && xs_claim_kind_get_computed_hours (kind);
  gboolean date_given;
  gboolean ok;

  if (self->loading || self->locked)
    return;

  g_clear_pointer (&self->refusal, g_free);
  if (!read_fields (self, &claim, &date_given, &error))
    {
      /* half-typed dates are not errors yet */
      show_error (self, self->date_touched ? error->message : NULL);
      gtk_label_set_label (self->computed_label, "—");
      self->refusal = g_strdup (error->message);
      update_submit (self);
      return;
    }

  /* without a date, check the rest as if it were mid-year */
  if (!date_given)
    g_date_set_dmy (&claim.date, 1, G_DATE_JULY, self->year);

  ok = xs_rule_set_check_claim (self->rules, &claim, &error);
  if (computed)
    {
      g_autofree char *hours = ok ? xs_hours_format (claim.hours) : NULL;

      gtk_label_set_label (self->computed_label, hours != NULL ? hours : "—");
    }

  if (ok
      || (!date_given && g_error_matches (error, XS_RULES_ERROR, XS_RULES_ERROR_DATE))
      || (!computed && claim.hours <= 0 && g_error_matches (error, XS_RULES_ERROR, XS_RULES_ERROR_HOURS)))
    show_error (self, NULL);
  else
    show_error (self, error->message);

  if (!ok)
    self->refusal = g_strdup (error->message);
  else if (!date_given || *claim.title == '\0')
    self->refusal = g_strdup (_("Fill in the title and the date first."));
  update_submit (self);
}

static void
on_field_changed (XsClaimEditor *self)
{
  if (self->loading)
    return;
  update_check (self);
}

static void
on_date_changed (XsClaimEditor *self)
{
  if (self->loading)
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  update_check (self);
}

static void
on_date_left (XsClaimEditor *self)
{
  if (self->loading || self->locked)
    return;
  self->date_touched = *gtk_editable_get_text (GTK_EDITABLE (self->date_row)) != '\0';
  update_check (self);
}

static void
on_kind_fields_changed (XsClaimEditor *self)
{
  if (self->loading)
    return;
  update_visibility (self);
  update_check (self);
  update_materials (self);
}

static void
fill_variants (XsClaimEditor *self,
               const char    *variant)
{
  XsClaimKind *kind = selected_kind (self);
  const char * const *variants = kind != NULL ? xs_claim_kind_get_variants (kind) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  if (variant == NULL && kind != NULL)
    variant = xs_claim_kind_get_default_variant (kind);
  for (guint i = 0; variants != NULL && variants[i] != NULL; i++)
    {
      gtk_string_list_append (names, xs_claim_kind_get_variant_name (kind, variants[i]));
      if (g_strcmp0 (variants[i], variant) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->variant_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->variant_row, selected);
}

static void
on_kind_changed (XsClaimEditor *self)
{
  gboolean loading = self->loading;

  self->loading = TRUE;
  fill_variants (self, NULL);
  self->loading = loading;
  on_kind_fields_changed (self);
}

static void
on_entry_activated (XsClaimEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

/* The date's calendar ------------------------------------------------------ */

static void
on_calendar_shown (XsClaimEditor *self)
{
  GDate date;
  g_autoptr(GDateTime) when = NULL;

  g_date_clear (&date, 1);
  if (!xs_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date, NULL))
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, self->year);
  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                12, 0, 0);
  self->loading = TRUE;
  gtk_calendar_select_day (self->calendar, when);
  self->loading = FALSE;
}

static void
on_day_selected (XsClaimEditor *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;

  if (self->loading)
    return;
  text = g_date_time_format (when, "%Y-%m-%d");
  self->date_touched = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_menu_button_popdown (self->date_button);
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

  if (!read_fields (self, &claim, &date_given, error))
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
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  update_title (self);
  update_note (self);
  reload_evidence (self);
  update_materials (self);
  update_check (self);
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
      show_error (self, error->message);
      on_material_changed (self);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->claim_id);
  if (XS_IS_WINDOW (parent))
    {
      /* Translators: a toast in the main window */
      title = g_strdup_printf (_("“%s” submitted for review"), self->stored->title);
      xs_window_show_toast (XS_WINDOW (parent), title);
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
      fill_variants (self, NULL);
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
      fill_variants (self, claim->variant);
      gtk_spin_button_set_value (self->hours_spin, claim->hours / 10.0);
      gtk_spin_button_set_value (self->months_spin, claim->absence_months > 0 ? claim->absence_months : 6);
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), claim->title != NULL ? claim->title : "");
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
      gtk_editable_set_text (GTK_EDITABLE (self->plan_row), claim->plan_ref != NULL ? claim->plan_ref : "");
      self->date_touched = TRUE;
    }
  self->loading = FALSE;

  update_visibility (self);
  if (self->locked)
    {
      g_autofree char *hours = xs_hours_format (claim->hours);

      gtk_label_set_label (self->computed_label, hours);
    }
  update_check (self);
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
      self->locked = self->stored->source == XS_SOURCE_BATCH
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
  reload_evidence (self);
  update_title (self);
  update_note (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->claim_group), !self->locked);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), !self->locked);
  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), !self->locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !self->locked);

  update_materials (self);
  return TRUE;
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
      show_error (self, error->message);
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
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_left);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_fields_changed);
    gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.submit", NULL, submit_action);
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
