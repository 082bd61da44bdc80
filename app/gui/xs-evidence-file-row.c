/* xs-evidence-file-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-evidence-file-row"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-evidence-file-row.h"

struct _XsEvidenceFileRow
{
  AdwActionRow  parent_instance;

  gint64        evidence_id;
  char         *pending_path;
  gboolean      editable;

  /* template children */
  GtkImage     *icon;
  GtkButton    *preview_button;
  GtkButton    *remove_button;
};

G_DEFINE_FINAL_TYPE (XsEvidenceFileRow, xs_evidence_file_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe_file (const XsEvidence *evidence)
{
  g_autofree char *size = g_format_size (evidence->size);

  if (g_strcmp0 (evidence->media_type, "application/pdf") == 0)
    /* Translators: “PDF, 3 pages, 245.1 kB” */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "PDF, %d page, %s", "PDF, %d pages, %s",
                                         evidence->pages),
                            evidence->pages, size);
  if (g_strcmp0 (evidence->media_type, "image/png") == 0)
    /* Translators: “PNG picture, 245.1 kB” */
    return g_strdup_printf (_("PNG picture, %s"), size);
  /* Translators: “JPEG picture, 245.1 kB” */
  return g_strdup_printf (_("JPEG picture, %s"), size);
}

GtkWidget *
xs_evidence_file_row_new (const XsEvidence *evidence,
                          const char       *pending_path)
{
  XsEvidenceFileRow *self;
  g_autofree char *base = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *preview_label = NULL;
  g_autofree char *remove_label = NULL;
  g_autoptr(GVariant) target = NULL;
  const char *name;
  gboolean is_pdf;

  g_return_val_if_fail ((evidence != NULL) != (pending_path != NULL), NULL);

  self = g_object_new (XS_TYPE_EVIDENCE_FILE_ROW, NULL);
  if (pending_path != NULL)
    {
      self->pending_path = g_strdup (pending_path);
      base = g_path_get_basename (pending_path);
      lower = g_ascii_strdown (base, -1);
      name = base;
      is_pdf = g_str_has_suffix (lower, ".pdf");
      subtitle = g_strdup (_("Stored with the claim when it is saved"));
      target = g_variant_ref_sink (g_variant_new_string (pending_path));
    }
  else
    {
      self->evidence_id = evidence->id;
      name = evidence->original_name != NULL ? evidence->original_name : "";
      is_pdf = g_strcmp0 (evidence->media_type, "application/pdf") == 0;
      subtitle = describe_file (evidence);
      target = g_variant_ref_sink (g_variant_new_int64 (evidence->id));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_image_set_from_icon_name (self->icon, is_pdf ? "x-office-document-symbolic" : "image-x-generic-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_pdf ? _("PDF document") : _("Picture"), -1);

  /* Translators: accessible name of the button, “Preview 会议通知.pdf” */
  preview_label = g_strdup_printf (_("Preview %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  preview_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->preview_button),
                                  pending_path != NULL ? "material.preview-pending" : "material.preview");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->preview_button), target);

  /* Translators: accessible name of the button, “Remove 会议通知.pdf” */
  remove_label = g_strdup_printf (_("Remove %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->remove_button),
                                  pending_path != NULL ? "material.remove-pending" : "material.remove");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->remove_button), target);

  return GTK_WIDGET (self);
}

gint64
xs_evidence_file_row_get_evidence_id (XsEvidenceFileRow *self)
{
  g_return_val_if_fail (XS_IS_EVIDENCE_FILE_ROW (self), 0);
  return self->evidence_id;
}

const char *
xs_evidence_file_row_get_pending_path (XsEvidenceFileRow *self)
{
  g_return_val_if_fail (XS_IS_EVIDENCE_FILE_ROW (self), NULL);
  return self->pending_path;
}

gboolean
xs_evidence_file_row_get_editable (XsEvidenceFileRow *self)
{
  g_return_val_if_fail (XS_IS_EVIDENCE_FILE_ROW (self), FALSE);
  return self->editable;
}

void
xs_evidence_file_row_set_editable (XsEvidenceFileRow *self,
                                   gboolean           editable)
{
  g_return_if_fail (XS_IS_EVIDENCE_FILE_ROW (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

static void
xs_evidence_file_row_finalize (GObject *object)
{
  XsEvidenceFileRow *self = XS_EVIDENCE_FILE_ROW (object);

  g_free (self->pending_path);

  G_OBJECT_CLASS (xs_evidence_file_row_parent_class)->finalize (object);
}

static void
xs_evidence_file_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XsEvidenceFileRow *self = XS_EVIDENCE_FILE_ROW (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_evidence_file_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  XsEvidenceFileRow *self = XS_EVIDENCE_FILE_ROW (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      xs_evidence_file_row_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_evidence_file_row_class_init (XsEvidenceFileRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = xs_evidence_file_row_finalize;
  object_class->get_property = xs_evidence_file_row_get_property;
  object_class->set_property = xs_evidence_file_row_set_property;

  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-evidence-file-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceFileRow, icon);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceFileRow, preview_button);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceFileRow, remove_button);
}

static void
xs_evidence_file_row_init (XsEvidenceFileRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
