/* xs-claim-editor-private.h: what the claim editor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-claim-editor.h"
#include "xs-rules.h"

G_BEGIN_DECLS

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
  GtkWidget           *withdraw_button;
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

/* xs-claim-editor.c: the window, loading and saving */

void     _xs_claim_editor_show_error                  (XsClaimEditor  *self,
                                                       const char     *message);

/* xs-claim-editor-fields.c: the fields and their live checks */

/* Fills @claim from the fields. The date comes last: when its text is not a
 * date, the rest is filled in and the parse error returned. @date_given
 * tells whether the date field holds anything. */
gboolean _xs_claim_editor_read_fields                 (XsClaimEditor  *self,
                                                       XsClaim        *claim,
                                                       gboolean       *date_given,
                                                       GError        **error);
void     _xs_claim_editor_update_visibility           (XsClaimEditor  *self);
void     _xs_claim_editor_update_check                (XsClaimEditor  *self);
/* Fills the variant combo for the selected kind and selects @variant, or
 * the kind's default when NULL. */
void     _xs_claim_editor_fill_variants               (XsClaimEditor  *self,
                                                       const char     *variant);
/* Binds the fields' callbacks of the template. */
void     _xs_claim_editor_class_bind_field_callbacks  (GtkWidgetClass *widget_class);

/* xs-claim-editor-materials.c: the material rows and submitting */

void     _xs_claim_editor_reload_evidence             (XsClaimEditor  *self);
void     _xs_claim_editor_update_materials            (XsClaimEditor  *self);
void     _xs_claim_editor_update_submit               (XsClaimEditor  *self);
/* Reads the evidence again and updates the rows. */
void     _xs_claim_editor_on_material_changed         (XsClaimEditor  *self);

G_END_DECLS
