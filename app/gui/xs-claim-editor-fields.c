/* xs-claim-editor-fields.c
 *
 * The claim's fields: read into an XsClaim, shown as the kind asks, and
 * checked against the year's rules as the clerk types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-claim-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "xs-claim-editor-private.h"
#include "xs-date.h"

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
gboolean
_xs_claim_editor_read_fields (XsClaimEditor  *self,
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
          claim->absence_months = gtk_spin_button_get_value (self->months_spin);
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

/* Live checks -------------------------------------------------------------- */

void
_xs_claim_editor_update_visibility (XsClaimEditor *self)
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
void
_xs_claim_editor_update_check (XsClaimEditor *self)
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
  if (!_xs_claim_editor_read_fields (self, &claim, &date_given, &error))
    {
      /* half-typed dates are not errors yet */
      _xs_claim_editor_show_error (self, self->date_touched ? error->message : NULL);
      gtk_label_set_label (self->computed_label, "—");
      self->refusal = g_strdup (error->message);
      _xs_claim_editor_update_submit (self);
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

  if (ok && date_given)
    {
      /* a claim the rules accept with a warning (public_study "warn") */
      g_autofree char *warning = xs_rule_set_warn_claim (self->rules, &claim);

      _xs_claim_editor_show_error (self, warning);
    }
  else if (ok
      || (!date_given && g_error_matches (error, XS_RULES_ERROR, XS_RULES_ERROR_DATE))
      || (!computed && claim.hours <= 0 && g_error_matches (error, XS_RULES_ERROR, XS_RULES_ERROR_HOURS)))
    _xs_claim_editor_show_error (self, NULL);
  else
    _xs_claim_editor_show_error (self, error->message);

  if (!ok)
    self->refusal = g_strdup (error->message);
  else if (!date_given || *claim.title == '\0')
    self->refusal = g_strdup (_("Fill in the title and the date first."));
  _xs_claim_editor_update_submit (self);
}

static void
on_field_changed (XsClaimEditor *self)
{
  if (self->loading)
    return;
  _xs_claim_editor_update_check (self);
}

static void
on_date_changed (XsClaimEditor *self)
{
  if (self->loading)
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  _xs_claim_editor_update_check (self);
}

static void
on_date_left (XsClaimEditor *self)
{
  if (self->loading || self->locked)
    return;
  self->date_touched = *gtk_editable_get_text (GTK_EDITABLE (self->date_row)) != '\0';
  _xs_claim_editor_update_check (self);
}

static void
on_kind_fields_changed (XsClaimEditor *self)
{
  if (self->loading)
    return;
  _xs_claim_editor_update_visibility (self);
  _xs_claim_editor_update_check (self);
  _xs_claim_editor_update_materials (self);
}

void
_xs_claim_editor_fill_variants (XsClaimEditor *self,
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
  _xs_claim_editor_fill_variants (self, NULL);
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

void
_xs_claim_editor_class_bind_field_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_left);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_fields_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
}
