/* xs-claim-fields.c
 *
 * The claim's fields: read into an XsClaim, shown as the kind asks, and
 * checked against the year's rules as the clerk types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-claim-fields"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "xs-claim-fields.h"
#include "xs-date.h"
#include "xs-date-row.h"

/* Rows of the category combo, in XsCategory order */
#define CATEGORY_PUBLIC        0
#define CATEGORY_PROFESSIONAL  1

struct _XsClaimFields
{
  AdwPreferencesGroup  parent_instance;

  XsRuleSet           *rules;
  XsClaim             *base;            /* what the fields were filled from */
  gboolean             locked;
  gboolean             loading;         /* filling the fields: no checks */
  gboolean             modified;
  char                *refusal;         /* why the fields cannot be submitted as they are */

  /* template children */
  AdwComboRow         *category_row;
  AdwActionRow        *compulsory_row;
  GtkSwitch           *compulsory_switch;
  AdwComboRow         *kind_row;
  AdwComboRow         *variant_row;
  AdwEntryRow         *title_row;
  XsDateRow           *date_row;
  AdwActionRow        *hours_row;
  GtkSpinButton       *hours_spin;
  AdwActionRow        *months_row;
  GtkSpinButton       *months_spin;
  AdwActionRow        *computed_row;
  GtkLabel            *computed_label;
  AdwEntryRow         *plan_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (XsClaimFields, xs_claim_fields, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_RULES,
  PROP_LOCKED,
  PROP_REFUSAL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  KIND_CHANGED,
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Fields ------------------------------------------------------------------- */

static XsClaimKind *
selected_kind (XsClaimFields *self)
{
  return adw_combo_row_get_selected_item (self->kind_row);   /* transfer none */
}

static gboolean
is_professional (XsClaimFields *self)
{
  return adw_combo_row_get_selected (self->category_row) == CATEGORY_PROFESSIONAL;
}

static const char *
selected_variant (XsClaimFields *self)
{
  XsClaimKind *kind = selected_kind (self);
  const char * const *variants = kind != NULL ? xs_claim_kind_get_variants (kind) : NULL;
  guint selected = adw_combo_row_get_selected (self->variant_row);

  if (variants == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) variants))
    return NULL;
  return variants[selected];
}

gboolean
xs_claim_fields_read (XsClaimFields  *self,
                      XsClaim        *claim,
                      gboolean       *date_given,
                      GError        **error)
{
  g_autofree char *date_text = NULL;
  gboolean given;

  g_return_val_if_fail (XS_IS_CLAIM_FIELDS (self), FALSE);
  g_return_val_if_fail (claim != NULL, FALSE);

  memset (claim, 0, sizeof *claim);
  g_date_clear (&claim->date, 1);
  if (self->base != NULL)
    {
      claim->id = self->base->id;
      claim->trainee_id = self->base->trainee_id;
      claim->year = self->base->year;
      claim->source = self->base->source;
      claim->status = self->base->status;
      claim->class_id = self->base->class_id;
    }

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
  given = *date_text != '\0';
  if (date_given != NULL)
    *date_given = given;
  if (given && !xs_date_parse (date_text, &claim->date, error))
    {
      g_date_clear (&claim->date, 1);
      return FALSE;
    }
  return TRUE;
}

void
xs_claim_fields_show_error (XsClaimFields *self,
                            const char    *message)
{
  g_return_if_fail (XS_IS_CLAIM_FIELDS (self));

  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

void
xs_claim_fields_mark_date (XsClaimFields *self)
{
  g_return_if_fail (XS_IS_CLAIM_FIELDS (self));
  xs_date_row_mark_error (self->date_row);
}

/* Live checks -------------------------------------------------------------- */

static void
update_visibility (XsClaimFields *self)
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

static void
set_refusal (XsClaimFields *self,
             const char    *refusal)
{
  if (g_strcmp0 (self->refusal, refusal) == 0)
    return;
  g_free (self->refusal);
  self->refusal = g_strdup (refusal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSAL]);
}

/* Runs the year's rules on the fields as they are, so that a refusal shows
 * before saving and kind 15's hours are computed as the clerk types. Fields
 * not filled in yet are not reported. */
static void
update_check (XsClaimFields *self)
{
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;
  XsClaimKind *kind = is_professional (self) ? selected_kind (self) : NULL;
  gboolean computed = kind != NULL && xs_claim_kind_get_computed_hours (kind);
  gboolean date_given;
  gboolean ok;

  if (self->loading || self->locked || self->rules == NULL)
    return;

  if (!xs_claim_fields_read (self, &claim, &date_given, &error))
    {
      /* half-typed dates are not errors yet */
      xs_claim_fields_show_error (self, xs_date_row_get_touched (self->date_row) ? error->message : NULL);
      gtk_label_set_label (self->computed_label, "—");
      set_refusal (self, error->message);
      return;
    }

  /* without a date, check the rest as if it were mid-year */
  if (!date_given)
    g_date_set_dmy (&claim.date, 1, G_DATE_JULY, claim.year);

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

      xs_claim_fields_show_error (self, warning);
    }
  else if (ok
      || (!date_given && g_error_matches (error, XS_RULES_ERROR, XS_RULES_ERROR_DATE))
      || (!computed && claim.hours <= 0 && g_error_matches (error, XS_RULES_ERROR, XS_RULES_ERROR_HOURS)))
    xs_claim_fields_show_error (self, NULL);
  else
    xs_claim_fields_show_error (self, error->message);

  if (!ok)
    set_refusal (self, error->message);
  else if (!date_given || *claim.title == '\0')
    set_refusal (self, _("Fill in the title and the date first."));
  else
    set_refusal (self, NULL);
}

static void
edited (XsClaimFields *self)
{
  if (!self->modified)
    {
      self->modified = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  update_check (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_field_changed (XsClaimFields *self)
{
  if (self->loading)
    return;
  edited (self);
}

/* A half-typed date is shown as wrong once the clerk has left it. */
static void
on_date_touched (XsClaimFields *self)
{
  if (self->loading || self->locked)
    return;
  update_check (self);
}

static void
on_kind_fields_changed (XsClaimFields *self)
{
  if (self->loading)
    return;
  update_visibility (self);
  edited (self);
  g_signal_emit (self, signals[KIND_CHANGED], 0);
}

/* Fills the variant combo for the selected kind and selects @variant, or
 * the kind's default when NULL. */
static void
fill_variants (XsClaimFields *self,
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
on_kind_changed (XsClaimFields *self)
{
  gboolean loading = self->loading;

  self->loading = TRUE;
  fill_variants (self, NULL);
  self->loading = loading;
  on_kind_fields_changed (self);
}

static void
on_entry_activated (XsClaimFields *self)
{
  g_signal_emit (self, signals[ACTIVATE], 0);
}

/* AdwEntryRow (libadwaita 1.2) shows its pencil whether or not the text
 * can be edited. */
static void
show_edit_icons (GtkWidget *widget,
                 gboolean   shown)
{
  if (gtk_widget_has_css_class (widget, "edit-icon"))
    gtk_widget_set_visible (widget, shown);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    show_edit_icons (child, shown);
}

/* Filling ------------------------------------------------------------------ */

static guint
kind_position (XsClaimFields *self,
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

/* The kind's number and name, “4 · 学术会议” */
static char *
kind_label (XsClaimKind *kind)
{
  if (kind == NULL)
    return NULL;
  /* Translators: a claim kind’s number and name, “4 · 学术会议” */
  return g_strdup_printf (_("%d · %s"), xs_claim_kind_get_number (kind), xs_claim_kind_get_name (kind));
}

void
xs_claim_fields_set_rules (XsClaimFields *self,
                           XsRuleSet     *rules)
{
  g_autofree char *compulsory = NULL;
  g_autofree char *public = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (XS_IS_CLAIM_FIELDS (self));
  g_return_if_fail (rules == NULL || XS_IS_RULE_SET (rules));

  if (!g_set_object (&self->rules, rules))
    return;
  self->loading = TRUE;
  adw_combo_row_set_model (self->kind_row, rules != NULL ? xs_rule_set_get_kinds (rules) : NULL);
  self->loading = FALSE;
  if (rules != NULL)
    {
      compulsory = xs_hours_format (xs_rule_set_get_required_compulsory (rules));
      public = xs_hours_format (xs_rule_set_get_required_public (rules));
      /* Translators: “At least 24 of the 30 public hours must be compulsory” */
      subtitle = g_strdup_printf (_("At least %s of the %s public hours must be compulsory"), compulsory, public);
    }
  adw_action_row_set_subtitle (self->compulsory_row, subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULES]);
}

void
xs_claim_fields_set_claim (XsClaimFields *self,
                           const XsClaim *claim)
{
  g_return_if_fail (XS_IS_CLAIM_FIELDS (self));
  g_return_if_fail (claim != NULL);
  g_return_if_fail (self->rules != NULL);

  g_clear_pointer (&self->base, xs_claim_free);
  self->base = xs_claim_copy (claim);
  /* the calendar opens on the claim's year until a date is typed */
  if (claim->year > 0)
    xs_date_row_set_year (self->date_row, claim->year);

  self->loading = TRUE;
  if (claim->id == 0)
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
      xs_date_row_set_touched (self->date_row, TRUE);
    }
  self->loading = FALSE;

  update_visibility (self);
  if (self->locked)
    {
      g_autofree char *hours = xs_hours_format (claim->hours);

      /* the rows show their pencils again as their text is set */
      show_edit_icons (GTK_WIDGET (self->title_row), FALSE);
      show_edit_icons (GTK_WIDGET (self->date_row), FALSE);
      show_edit_icons (GTK_WIDGET (self->plan_row), FALSE);

      gtk_label_set_label (self->computed_label, hours);
    }
  if (self->modified)
    {
      self->modified = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  update_check (self);
}

void
xs_claim_fields_set_kind (XsClaimFields *self,
                          const XsClaim *claim)
{
  g_return_if_fail (XS_IS_CLAIM_FIELDS (self));
  g_return_if_fail (claim != NULL);
  g_return_if_fail (self->rules != NULL);

  self->loading = TRUE;
  adw_combo_row_set_selected (self->category_row, claim->category == XS_CATEGORY_PROFESSIONAL
                                                  ? CATEGORY_PROFESSIONAL : CATEGORY_PUBLIC);
  if (claim->category == XS_CATEGORY_PROFESSIONAL)
    adw_combo_row_set_selected (self->kind_row, kind_position (self, claim->kind));
  fill_variants (self, claim->variant);
  self->loading = FALSE;

  update_visibility (self);
  edited (self);
}

void
xs_claim_fields_mark_saved (XsClaimFields *self,
                            const XsClaim *claim)
{
  g_return_if_fail (XS_IS_CLAIM_FIELDS (self));
  g_return_if_fail (claim != NULL);

  g_clear_pointer (&self->base, xs_claim_free);
  self->base = xs_claim_copy (claim);
  /* the calendar opens on the claim's year until a date is typed */
  if (claim->year > 0)
    xs_date_row_set_year (self->date_row, claim->year);
  if (self->modified)
    {
      self->modified = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

void
xs_claim_fields_suggest (XsClaimFields *self,
                         const char    *field,
                         const char    *value)
{
  g_return_if_fail (XS_IS_CLAIM_FIELDS (self));

  if (self->locked || value == NULL)
    return;
  if (g_strcmp0 (field, "title") == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), value);
  else if (g_strcmp0 (field, "date") == 0)
    {
      xs_date_row_set_touched (self->date_row, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), value);
    }
  else if (g_strcmp0 (field, "hours") == 0)
    gtk_spin_button_set_value (self->hours_spin, g_ascii_strtod (value, NULL) / 10.0);
}

gboolean
xs_claim_fields_focus_first (XsClaimFields *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_FIELDS (self), FALSE);
  return gtk_widget_grab_focus (GTK_WIDGET (self->category_row));
}

XsRuleSet *
xs_claim_fields_get_rules (XsClaimFields *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_FIELDS (self), NULL);
  return self->rules;
}

const char *
xs_claim_fields_get_refusal (XsClaimFields *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_FIELDS (self), NULL);
  return self->refusal;
}

gboolean
xs_claim_fields_get_modified (XsClaimFields *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_FIELDS (self), FALSE);
  return self->modified;
}

gboolean
xs_claim_fields_get_locked (XsClaimFields *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_FIELDS (self), FALSE);
  return self->locked;
}

void
xs_claim_fields_set_locked (XsClaimFields *self,
                            gboolean       locked)
{
  g_return_if_fail (XS_IS_CLAIM_FIELDS (self));

  locked = !!locked;
  if (self->locked == locked)
    return;
  self->locked = locked;
  /* no edit icons on a locked claim: the entries' pencils and the date's
   * calendar (hidden by the row while it cannot be edited) */
  gtk_editable_set_editable (GTK_EDITABLE (self->title_row), !locked);
  gtk_editable_set_editable (GTK_EDITABLE (self->date_row), !locked);
  gtk_editable_set_editable (GTK_EDITABLE (self->plan_row), !locked);
  show_edit_icons (GTK_WIDGET (self->title_row), !locked);
  show_edit_icons (GTK_WIDGET (self->date_row), !locked);
  show_edit_icons (GTK_WIDGET (self->plan_row), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self), !locked);
  if (locked)
    set_refusal (self, NULL);
  else
    update_check (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

/* GObject ------------------------------------------------------------------- */

GtkWidget *
xs_claim_fields_new (void)
{
  return g_object_new (XS_TYPE_CLAIM_FIELDS, NULL);
}

static void
xs_claim_fields_dispose (GObject *object)
{
  XsClaimFields *self = XS_CLAIM_FIELDS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_CLAIM_FIELDS);
  g_clear_object (&self->rules);

  G_OBJECT_CLASS (xs_claim_fields_parent_class)->dispose (object);
}

static void
xs_claim_fields_finalize (GObject *object)
{
  XsClaimFields *self = XS_CLAIM_FIELDS (object);

  g_clear_pointer (&self->base, xs_claim_free);
  g_free (self->refusal);

  G_OBJECT_CLASS (xs_claim_fields_parent_class)->finalize (object);
}

static void
xs_claim_fields_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XsClaimFields *self = XS_CLAIM_FIELDS (object);

  switch (prop_id)
    {
    case PROP_RULES:
      g_value_set_object (value, self->rules);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    case PROP_REFUSAL:
      g_value_set_string (value, self->refusal);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_claim_fields_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XsClaimFields *self = XS_CLAIM_FIELDS (object);

  switch (prop_id)
    {
    case PROP_RULES:
      xs_claim_fields_set_rules (self, g_value_get_object (value));
      break;
    case PROP_LOCKED:
      xs_claim_fields_set_locked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_claim_fields_class_init (XsClaimFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_claim_fields_dispose;
  object_class->finalize = xs_claim_fields_finalize;
  object_class->get_property = xs_claim_fields_get_property;
  object_class->set_property = xs_claim_fields_set_property;

  properties[PROP_RULES] =
    g_param_spec_object ("rules", NULL, NULL, XS_TYPE_RULE_SET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REFUSAL] =
    g_param_spec_string ("refusal", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XsClaimFields::changed:
   *
   * The clerk edited a field.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * XsClaimFields::kind-changed:
   *
   * The subject, kind or form changed: the claim may ask for other
   * materials.
   */
  signals[KIND_CHANGED] =
    g_signal_new ("kind-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * XsClaimFields::activate:
   *
   * Enter in an entry: the owner saves.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (XS_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-claim-fields.ui");
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, category_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, compulsory_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, compulsory_switch);
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, variant_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, title_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, date_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, hours_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, months_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, months_spin);
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, computed_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, computed_label);
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, plan_row);
  gtk_widget_class_bind_template_child (widget_class, XsClaimFields, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_touched);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_fields_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
}

static void
xs_claim_fields_init (XsClaimFields *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Same order as XsCategory */
  gtk_string_list_append (categories, _("Public subjects (公需科目)"));
  gtk_string_list_append (categories, _("Professional subjects (专业科目)"));
  self->loading = TRUE;
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (kind_label), NULL, NULL);
  adw_combo_row_set_expression (self->kind_row, expression);
  self->loading = FALSE;
}
