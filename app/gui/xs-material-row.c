/* xs-material-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-material-row"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-claim-store.h"
#include "xs-evidence-viewer.h"
#include "xs-material-row-private.h"
#include "xs-scan-dialog.h"
#include "xs-scanner.h"

G_DEFINE_FINAL_TYPE (XsMaterialRow, xs_material_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_MATERIAL,
  PROP_N_FILES,
  PROP_EDITABLE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  SUGGESTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The row opens only when it has something to show: files or a refusal.
 * (Enabling expansion also expands an AdwExpanderRow; keep it as it was.) */
static void
update_expansion (XsMaterialRow *self)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (self);
  gboolean enabled = self->evidence->len > 0 || gtk_widget_get_visible (GTK_WIDGET (self->error_row));
  gboolean expanded = adw_expander_row_get_expanded (row);

  if (adw_expander_row_get_enable_expansion (row) == enabled)
    return;
  adw_expander_row_set_enable_expansion (row, enabled);
  adw_expander_row_set_expanded (row, enabled && expanded);
}

void
_xs_material_row_show_error (XsMaterialRow *self,
                             const char    *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), message != NULL);
  update_expansion (self);
  if (message != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

void
_xs_material_row_update_state (XsMaterialRow *self)
{
  guint n = self->evidence->len;
  gboolean can_attach = self->editable && self->claim_id > 0 && !self->busy;
  g_autofree char *subtitle = NULL;

  if (self->busy)
    subtitle = g_strdup (_("Attaching…"));
  else if (self->dropping)
    subtitle = g_strdup (_("Drop the files here to attach them"));
  else if (n == 0)
    subtitle = g_strdup (_("Missing"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", n), n);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), !self->busy);
  gtk_image_set_from_icon_name (self->status_icon, n > 0 ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), n > 0 ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), n > 0 ? "success" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, n > 0 ? _("Attached") : _("Missing"),
                                  -1);

  gtk_widget_set_visible (GTK_WIDGET (self->attach_button), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->scan_button), self->editable && xs_scanner_is_supported ());
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "material.scan", can_attach);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "material.attach", can_attach);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "material.remove", self->editable && !self->busy);
}

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

static GtkWidget *
file_row_new (XsMaterialRow    *self,
              const XsEvidence *evidence)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  GtkWidget *preview;
  GtkWidget *remove;
  g_autofree char *subtitle = describe_file (evidence);
  g_autofree char *preview_label = NULL;
  g_autofree char *remove_label = NULL;
  const char *name = evidence->original_name != NULL ? evidence->original_name : "";
  gboolean is_pdf = g_strcmp0 (evidence->media_type, "application/pdf") == 0;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  icon = gtk_image_new_from_icon_name (is_pdf ? "x-office-document-symbolic" : "image-x-generic-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_pdf ? _("PDF document") : _("Picture"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* Translators: accessible name of the button, “Preview 会议通知.pdf” */
  preview_label = g_strdup_printf (_("Preview %s"), name);
  preview = gtk_button_new_from_icon_name ("view-reveal-symbolic");
  gtk_widget_set_valign (preview, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (preview, "flat");
  gtk_widget_set_tooltip_text (preview, _("Preview"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (preview), GTK_ACCESSIBLE_PROPERTY_LABEL, preview_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (preview), "material.preview");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (preview), g_variant_new_int64 (evidence->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), preview);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), preview);

  /* Translators: accessible name of the button, “Remove 会议通知.pdf” */
  remove_label = g_strdup_printf (_("Remove %s"), name);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "material.remove");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_int64 (evidence->id));
  gtk_widget_set_visible (remove, self->editable);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
rebuild_file_rows (XsMaterialRow *self)
{
  for (guint i = 0; i < self->file_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->file_rows, i));
  g_ptr_array_set_size (self->file_rows, 0);

  for (guint i = 0; i < self->evidence->len; i++)
    {
      GtkWidget *row = file_row_new (self, g_ptr_array_index (self->evidence, i));

      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->file_rows, row);
    }
  update_expansion (self);
}

static const XsEvidence *
find_evidence (XsMaterialRow *self,
               gint64         id)
{
  for (guint i = 0; i < self->evidence->len; i++)
    {
      const XsEvidence *evidence = g_ptr_array_index (self->evidence, i);

      if (evidence->id == id)
        return evidence;
    }
  return NULL;
}

void
_xs_material_row_set_busy (XsMaterialRow *self,
                           gboolean       busy)
{
  self->busy = busy;
  _xs_material_row_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_xs_material_row_emit_changed (XsMaterialRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Preview and remove ------------------------------------------------------- */

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (widget);
  const XsEvidence *evidence = find_evidence (self, g_variant_get_int64 (param));
  g_autofree char *path = NULL;

  if (evidence == NULL)
    return;
  path = xs_evidence_get_path (self->db, evidence->sha256);
  xs_evidence_viewer_present (GTK_WINDOW (gtk_widget_get_root (widget)), path, evidence->original_name);
}

/* What the Undo of a removal needs; the row may be gone by then. */
typedef struct
{
  XsDb     *db;
  GWeakRef  row;
  gint64    claim_id;
  char     *material;
  gint64    evidence_id;
} RemovedFile;

static void
removed_file_free (gpointer data,
                   GClosure *closure)
{
  RemovedFile *removed = data;

  g_object_unref (removed->db);
  g_weak_ref_clear (&removed->row);
  g_free (removed->material);
  g_free (removed);
}

static void
on_undo_remove (AdwToast    *toast,
                RemovedFile *removed)
{
  g_autoptr(XsMaterialRow) row = g_weak_ref_get (&removed->row);
  g_autoptr(GError) error = NULL;

  if (!xs_claim_store_undo_detach (removed->db, removed->claim_id, removed->material,
                                   removed->evidence_id, &error))
    {
      if (row != NULL)
        _xs_material_row_show_error (row, error->message);
      return;
    }
  if (row != NULL)
    _xs_material_row_emit_changed (row);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (widget);
  g_autoptr(GError) error = NULL;
  gint64 evidence_id = g_variant_get_int64 (param);
  GtkWidget *overlay;

  if (!xs_claim_store_detach (self->db, self->claim_id, self->material, evidence_id, &error))
    _xs_material_row_show_error (self, error->message);
  else
    {
      _xs_material_row_show_error (self, NULL);
      overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
      if (overlay != NULL)
        {
          AdwToast *toast = adw_toast_new (_("File removed"));
          RemovedFile *removed = g_new0 (RemovedFile, 1);

          removed->db = g_object_ref (self->db);
          g_weak_ref_init (&removed->row, self);
          removed->claim_id = self->claim_id;
          removed->material = g_strdup (self->material);
          removed->evidence_id = evidence_id;
          adw_toast_set_button_label (toast, _("_Undo"));
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove), removed,
                                 removed_file_free, 0);
          adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
        }
    }
  _xs_material_row_emit_changed (self);
}

/* GObject ------------------------------------------------------------------- */

GtkWidget *
xs_material_row_new (XsDb       *db,
                     gint64      claim_id,
                     const char *material,
                     const char *name)
{
  XsMaterialRow *self;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (material != NULL, NULL);

  self = g_object_new (XS_TYPE_MATERIAL_ROW,
                       "material", material,
                       "title", name != NULL ? name : material,
                       NULL);
  self->db = g_object_ref (db);
  self->claim_id = claim_id;
  _xs_material_row_update_state (self);
  return GTK_WIDGET (self);
}

const char *
xs_material_row_get_material (XsMaterialRow *self)
{
  g_return_val_if_fail (XS_IS_MATERIAL_ROW (self), NULL);
  return self->material;
}

gint64
xs_material_row_get_claim_id (XsMaterialRow *self)
{
  g_return_val_if_fail (XS_IS_MATERIAL_ROW (self), 0);
  return self->claim_id;
}

void
xs_material_row_set_evidence (XsMaterialRow *self,
                              GPtrArray     *evidence)
{
  guint before;

  g_return_if_fail (XS_IS_MATERIAL_ROW (self));

  before = self->evidence->len;
  g_ptr_array_set_size (self->evidence, 0);
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      const XsEvidence *item = g_ptr_array_index (evidence, i);
      XsEvidence *copy;

      if (g_strcmp0 (item->material, self->material) != 0)
        continue;
      copy = g_new0 (XsEvidence, 1);
      copy->id = item->id;
      copy->sha256 = g_strdup (item->sha256);
      copy->media_type = g_strdup (item->media_type);
      copy->size = item->size;
      copy->pages = item->pages;
      copy->material = g_strdup (item->material);
      copy->original_name = g_strdup (item->original_name);
      g_ptr_array_add (self->evidence, copy);
    }
  rebuild_file_rows (self);
  _xs_material_row_update_state (self);
  if (before != self->evidence->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILES]);
}

guint
xs_material_row_get_n_files (XsMaterialRow *self)
{
  g_return_val_if_fail (XS_IS_MATERIAL_ROW (self), 0);
  return self->evidence->len;
}

void
xs_material_row_set_editable (XsMaterialRow *self,
                              gboolean       editable)
{
  g_return_if_fail (XS_IS_MATERIAL_ROW (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  rebuild_file_rows (self);
  _xs_material_row_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

gboolean
xs_material_row_get_editable (XsMaterialRow *self)
{
  g_return_val_if_fail (XS_IS_MATERIAL_ROW (self), FALSE);
  return self->editable;
}

gboolean
xs_material_row_get_busy (XsMaterialRow *self)
{
  g_return_val_if_fail (XS_IS_MATERIAL_ROW (self), FALSE);
  return self->busy;
}

static void
xs_material_row_unroot (GtkWidget *widget)
{
  _xs_material_row_close_chooser (XS_MATERIAL_ROW (widget));
  GTK_WIDGET_CLASS (xs_material_row_parent_class)->unroot (widget);
}

static void
xs_material_row_dispose (GObject *object)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _xs_material_row_close_chooser (self);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (xs_material_row_parent_class)->dispose (object);
}

static void
xs_material_row_finalize (GObject *object)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (object);

  g_free (self->material);
  g_ptr_array_unref (self->evidence);
  g_ptr_array_unref (self->file_rows);

  G_OBJECT_CLASS (xs_material_row_parent_class)->finalize (object);
}

static void
xs_material_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (object);

  switch (prop_id)
    {
    case PROP_MATERIAL:
      g_value_set_string (value, self->material);
      break;
    case PROP_N_FILES:
      g_value_set_uint (value, self->evidence->len);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_material_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (object);

  switch (prop_id)
    {
    case PROP_MATERIAL:
      g_free (self->material);
      self->material = g_value_dup_string (value);
      break;
    case PROP_EDITABLE:
      xs_material_row_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_scan_suggestion (XsMaterialRow *self,
                    const char    *field,
                    const char    *value)
{
  g_signal_emit (self, signals[SUGGESTION], 0, field, value);
}

/* Scan… opens the scan dialog for this material. */
static void
scan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (widget);
  XsScanDialog *dialog;

  if (self->claim_id <= 0 || !self->editable)
    return;
  dialog = xs_scan_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->db,
                               self->claim_id, self->material);
  g_signal_connect_object (dialog, "scanned", G_CALLBACK (_xs_material_row_emit_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "suggestion-accepted", G_CALLBACK (on_scan_suggestion),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
xs_material_row_class_init (XsMaterialRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_material_row_dispose;
  object_class->finalize = xs_material_row_finalize;
  object_class->get_property = xs_material_row_get_property;
  object_class->set_property = xs_material_row_set_property;
  widget_class->unroot = xs_material_row_unroot;

  properties[PROP_MATERIAL] =
    g_param_spec_string ("material", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FILES] =
    g_param_spec_uint ("n-files", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XsMaterialRow::changed:
   *
   * Files were attached or removed (or an attempt failed): the claim's
   * evidence should be read again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * XsMaterialRow::suggestion:
   * @field: "title", "date" (ISO) or "hours" (tenths)
   * @value: what the scan says
   *
   * The clerk chose to use something read on a scan.
   */
  signals[SUGGESTION] =
    g_signal_new ("suggestion",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-material-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, attach_button);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, scan_button);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, error_row);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, error_label);

  gtk_widget_class_install_action (widget_class, "material.attach", NULL, _xs_material_row_attach_action);
  gtk_widget_class_install_action (widget_class, "material.scan", NULL, scan_action);
  gtk_widget_class_install_action (widget_class, "material.preview", "x", preview_action);
  gtk_widget_class_install_action (widget_class, "material.remove", "x", remove_action);
}

static void
xs_material_row_init (XsMaterialRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_evidence_free);
  self->file_rows = g_ptr_array_new ();

  _xs_material_row_add_drop_target (self);
}
