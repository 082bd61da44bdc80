/* xs-claim-editor-materials.c
 *
 * One XsMaterialRow per material the edited claim needs, what is still
 * missing, and whether the claim can be submitted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-claim-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-claim-editor-private.h"
#include "xs-claim-store.h"
#include "xs-material-row.h"

/* Materials ---------------------------------------------------------------- */

void
_xs_claim_editor_reload_evidence (XsClaimEditor *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *evidence = NULL;

  if (self->claim_id > 0)
    {
      evidence = xs_claim_store_list_evidence (self->db, self->claim_id, &error);
      if (evidence == NULL)
        _xs_claim_editor_show_error (self, error->message);
    }
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  self->evidence = evidence;
}

/* The clerk chose to use something read on a scan: it goes into the field,
 * where it can still be changed before saving. */
static void
on_suggestion (XsClaimEditor *self,
               const char    *field,
               const char    *value)
{
  if (self->locked)
    return;
  if (g_strcmp0 (field, "title") == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), value);
  else if (g_strcmp0 (field, "date") == 0)
    {
      self->date_touched = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), value);
    }
  else if (g_strcmp0 (field, "hours") == 0)
    gtk_spin_button_set_value (self->hours_spin, g_ascii_strtod (value, NULL) / 10.0);
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

      g_signal_connect_swapped (row, "changed", G_CALLBACK (_xs_claim_editor_on_material_changed), self);
      g_signal_connect_swapped (row, "notify::busy", G_CALLBACK (_xs_claim_editor_on_material_changed), self);
      g_signal_connect_swapped (row, "suggestion", G_CALLBACK (on_suggestion), self);
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
void
_xs_claim_editor_update_submit (XsClaimEditor *self)
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
void
_xs_claim_editor_update_materials (XsClaimEditor *self)
{
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  g_auto(GStrv) missing = NULL;
  const char * const *required;
  gboolean date_given;
  gboolean changed;
  gboolean editable;

  _xs_claim_editor_read_fields (self, &claim, &date_given, NULL);
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
      _xs_claim_editor_show_error (self, error->message);
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
  _xs_claim_editor_update_submit (self);
}

void
_xs_claim_editor_on_material_changed (XsClaimEditor *self)
{
  _xs_claim_editor_reload_evidence (self);
  _xs_claim_editor_update_materials (self);
}
