/* xs-material-row.c
 *
 * The row of one material: its files, preview and remove, and the ways to
 * add files: an XsEvidenceIntake takes them from the chooser or a drop, an
 * XsScanLauncher from the scanner, and an XsEvidenceAttacher stores them
 * (or keeps them pending while the claim is not saved); an XsSuggestionList
 * offers what an attached file says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-material-row"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-claim-store.h"
#include "xs-evidence-attacher.h"
#include "xs-evidence-file-row.h"
#include "xs-evidence-intake.h"
#include "xs-evidence-viewer.h"
#include "xs-material-row.h"
#include "xs-scan-launcher.h"
#include "xs-suggestion-list.h"
#include "xs-report.h"

struct _XsMaterialRow
{
  AdwExpanderRow      parent_instance;

  XsDb               *db;
  XsEvidenceAttacher *attacher;
  XsScanLauncher     *launcher;
  char               *material;
  GPtrArray          *evidence;     /* XsEvidence of this material */
  GPtrArray          *file_rows;    /* the child rows showing them */
  XsEvidenceIntake   *intake;
  gboolean            editable;

  /* template children */
  GtkImage           *status_icon;
  GtkSpinner         *spinner;
  GtkButton          *attach_button;
  GtkButton          *scan_button;
  GtkListBoxRow      *error_row;
  GtkLabel           *error_label;
  XsSuggestionList   *suggestions;    /* what an attached file says */
};

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

static guint
n_pending (XsMaterialRow *self)
{
  return g_strv_length ((char **) xs_evidence_attacher_get_pending (self->attacher));
}

static gboolean
is_busy (XsMaterialRow *self)
{
  return xs_evidence_attacher_get_busy (self->attacher);
}

/* The row opens only when it has something to show: files or a refusal.
 * (Enabling expansion also expands an AdwExpanderRow; keep it as it was.) */
static void
update_expansion (XsMaterialRow *self)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (self);
  gboolean enabled = self->evidence->len > 0 || n_pending (self) > 0 || gtk_widget_get_visible (GTK_WIDGET (self->error_row));
  gboolean expanded = adw_expander_row_get_expanded (row);

  if (adw_expander_row_get_enable_expansion (row) == enabled)
    return;
  adw_expander_row_set_enable_expansion (row, enabled);
  adw_expander_row_set_expanded (row, enabled && expanded);
}

static void
show_error (XsMaterialRow *self,
                             const char    *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), message != NULL);
  update_expansion (self);
  if (message != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

static void
update_state (XsMaterialRow *self)
{
  guint n = self->evidence->len + n_pending (self);
  gboolean busy = is_busy (self);
  gboolean can_attach = self->editable && !busy;
  g_autofree char *subtitle = NULL;

  if (busy)
    subtitle = g_strdup (_("Attaching…"));
  else if (xs_evidence_intake_get_dropping (self->intake))
    subtitle = g_strdup (_("Drop the files here to attach them"));
  else if (n == 0)
    subtitle = g_strdup (_("Missing"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", n), n);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), !busy);
  gtk_image_set_from_icon_name (self->status_icon, n > 0 ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), n > 0 ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), n > 0 ? "success" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, n > 0 ? _("Attached") : _("Missing"),
                                  -1);

  gtk_widget_set_visible (GTK_WIDGET (self->attach_button), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->scan_button), self->editable && xs_scan_launcher_is_supported ());
  /* a scan of a claim not saved yet waits with it, like an attached file */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "material.scan", can_attach);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "material.attach", can_attach);
  xs_evidence_intake_set_accepting (self->intake, can_attach);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "material.remove", self->editable && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "material.remove-pending", self->editable && !busy);
}

static void
rebuild_file_rows (XsMaterialRow *self)
{
  for (guint i = 0; i < self->file_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->file_rows, i));
  g_ptr_array_set_size (self->file_rows, 0);

  for (guint i = 0; i < self->evidence->len; i++)
    {
      GtkWidget *row = xs_evidence_file_row_new (g_ptr_array_index (self->evidence, i), NULL);

      xs_evidence_file_row_set_editable (XS_EVIDENCE_FILE_ROW (row), self->editable);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->file_rows, row);
    }
  for (const char * const *p = xs_evidence_attacher_get_pending (self->attacher); *p != NULL; p++)
    {
      GtkWidget *row = xs_evidence_file_row_new (NULL, *p);

      xs_evidence_file_row_set_editable (XS_EVIDENCE_FILE_ROW (row), self->editable);
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

static void
emit_changed (XsMaterialRow *self)
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

static void
preview_pending_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  const char *path = g_variant_get_string (param, NULL);
  g_autofree char *name = g_path_get_basename (path);

  xs_evidence_viewer_present (GTK_WINDOW (gtk_widget_get_root (widget)), path, name);
}

/* Nothing stored yet: forgetting the file is all there is to undo. */
static void
remove_pending_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (widget);

  xs_evidence_attacher_drop_pending (self->attacher, g_variant_get_string (param, NULL));
}

/* What the toast's Undo needs; the row may be gone by then. */
typedef struct
{
  XsEvidenceAttacher *attacher;
  gint64              evidence_id;
} RemovedFile;

static void
removed_file_free (gpointer  data,
                   GClosure *closure)
{
  RemovedFile *removed = data;

  g_object_unref (removed->attacher);
  g_free (removed);
}

static void
on_undo_remove (AdwToast    *toast,
                RemovedFile *removed)
{
  xs_evidence_attacher_undo_detach (removed->attacher, removed->evidence_id);
}

static void
on_detached (XsMaterialRow *self,
             gint64         evidence_id)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  RemovedFile *removed;
  AdwToast *toast;

  if (overlay == NULL)
    return;
  removed = g_new0 (RemovedFile, 1);
  removed->attacher = g_object_ref (self->attacher);
  removed->evidence_id = evidence_id;
  toast = adw_toast_new (_("File removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove), removed, removed_file_free, 0);
  xs_report_show_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (widget);

  show_error (self, NULL);
  xs_evidence_attacher_detach (self->attacher, g_variant_get_int64 (param));
}

/* Suggestions of an attached file --------------------------------------- */

/* Offered as after a scan: nothing is filled in until the clerk presses
 * Use. */
static void
on_recognised (XsMaterialRow       *self,
               const XsRecognition *found,
               const char          *trainee_id_number)
{
  xs_suggestion_list_show (self->suggestions, found, trainee_id_number, self->material);
  if (!xs_suggestion_list_get_empty (self->suggestions))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

static void
on_suggestion_use (XsMaterialRow *self,
                   const char    *field,
                   const char    *value)
{
  g_signal_emit (self, signals[SUGGESTION], 0, field, value);
}

/* Attaching ---------------------------------------------------------------- */

static void
on_attach_finished (XsMaterialRow *self,
                    const char    *message)
{
  show_error (self, message);
  update_state (self);
  emit_changed (self);
  /* show the files just attached */
  if (message == NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

static void
on_attacher_busy (XsMaterialRow *self)
{
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_attacher_pending (XsMaterialRow *self)
{
  rebuild_file_rows (self);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILES]);
  emit_changed (self);
}

void
xs_material_row_attach_paths (XsMaterialRow      *self,
                              const char * const *paths)
{
  g_return_if_fail (XS_IS_MATERIAL_ROW (self));
  g_return_if_fail (paths != NULL);

  if (paths[0] == NULL || is_busy (self) || !self->editable)
    return;
  show_error (self, NULL);
  xs_evidence_attacher_attach (self->attacher, paths);
}

static void
on_intake_files (XsMaterialRow *self,
                 GStrv          paths)
{
  xs_material_row_attach_paths (self, (const char * const *) paths);
}

static void
on_intake_refused (XsMaterialRow *self,
                   const char    *message)
{
  show_error (self, message);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (widget);
  /* Translators: title of the file chooser, “Attach 会议通知” */
  g_autofree char *title = g_strdup_printf (_("Attach %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));

  xs_evidence_intake_choose (self->intake, GTK_WINDOW (gtk_widget_get_root (widget)), title);
}

/* Scanning ---------------------------------------------------------------- */

/* Scan… opens the scan dialog for this material. */
static void
scan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (widget);

  /* Translators: title of the scan dialog, “Scan 会议通知” */
  g_autofree char *title = g_strdup_printf (_("Scan %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
  XsScanDialog *dialog;

  if (!self->editable || is_busy (self))
    return;
  dialog = xs_scan_launcher_open (self->launcher, GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_set_title (GTK_WINDOW (dialog), title);
}

/* GObject ------------------------------------------------------------------- */

GtkWidget *
xs_material_row_new (XsDb       *db,
                     gint64      claim_id,
                     gint64      trainee_id,
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
  self->attacher = xs_evidence_attacher_new (db, claim_id, material);
  g_signal_connect_object (self->attacher, "finished", G_CALLBACK (on_attach_finished), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attacher, "detached", G_CALLBACK (on_detached), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attacher, "notify::busy", G_CALLBACK (on_attacher_busy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attacher, "recognised", G_CALLBACK (on_recognised), self, G_CONNECT_SWAPPED);
  xs_evidence_attacher_set_trainee_id (self->attacher, trainee_id);
  g_signal_connect_object (self->attacher, "notify::pending", G_CALLBACK (on_attacher_pending), self,
                           G_CONNECT_SWAPPED);
  self->launcher = xs_scan_launcher_new (db, self->attacher);
  xs_scan_launcher_set_trainee_id (self->launcher, trainee_id);
  g_signal_connect_object (self->launcher, "scanned", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->launcher, "suggestion", G_CALLBACK (on_suggestion_use), self,
                           G_CONNECT_SWAPPED);
  update_state (self);
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
  return xs_evidence_attacher_get_claim_id (self->attacher);
}

void
xs_material_row_set_claim_id (XsMaterialRow *self,
                              gint64         claim_id)
{
  g_return_if_fail (XS_IS_MATERIAL_ROW (self));

  xs_evidence_attacher_set_claim_id (self->attacher, claim_id);
  update_state (self);
}

XsScanLauncher *
xs_material_row_get_scan_launcher (XsMaterialRow *self)
{
  g_return_val_if_fail (XS_IS_MATERIAL_ROW (self), NULL);
  return self->launcher;
}

const XsRecognition *
xs_material_row_get_pending_text (XsMaterialRow *self,
                                  const char    *path)
{
  g_return_val_if_fail (XS_IS_MATERIAL_ROW (self), NULL);
  return xs_evidence_attacher_get_pending_text (self->attacher, path);
}

const char * const *
xs_material_row_get_pending (XsMaterialRow *self)
{
  g_return_val_if_fail (XS_IS_MATERIAL_ROW (self), NULL);
  return xs_evidence_attacher_get_pending (self->attacher);
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
  update_state (self);
  if (before != self->evidence->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILES]);
}

guint
xs_material_row_get_n_files (XsMaterialRow *self)
{
  g_return_val_if_fail (XS_IS_MATERIAL_ROW (self), 0);
  return self->evidence->len + n_pending (self);
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
  update_state (self);
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
  return is_busy (self);
}

static void
xs_material_row_unroot (GtkWidget *widget)
{
  xs_evidence_intake_close (XS_MATERIAL_ROW (widget)->intake);
  GTK_WIDGET_CLASS (xs_material_row_parent_class)->unroot (widget);
}

static void
xs_material_row_dispose (GObject *object)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (object);

  if (self->attacher != NULL)
    {
      xs_evidence_attacher_cancel (self->attacher);
      g_signal_handlers_disconnect_by_data (self->attacher, self);
    }
  g_clear_object (&self->launcher);
  g_clear_object (&self->attacher);
  if (self->intake != NULL)
    {
      xs_evidence_intake_close (self->intake);
      g_signal_handlers_disconnect_by_data (self->intake, self);
    }
  g_clear_object (&self->intake);
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
      g_value_set_uint (value, xs_material_row_get_n_files (self));
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->attacher != NULL && is_busy (self));
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

  g_type_ensure (XS_TYPE_SUGGESTION_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-material-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, attach_button);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, scan_button);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, error_row);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, XsMaterialRow, suggestions);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_use);

  gtk_widget_class_install_action (widget_class, "material.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "material.scan", NULL, scan_action);
  gtk_widget_class_install_action (widget_class, "material.preview", "x", preview_action);
  gtk_widget_class_install_action (widget_class, "material.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "material.preview-pending", "s", preview_pending_action);
  gtk_widget_class_install_action (widget_class, "material.remove-pending", "s", remove_pending_action);
}

static void
xs_material_row_init (XsMaterialRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_evidence_free);
  self->file_rows = g_ptr_array_new ();

  self->intake = xs_evidence_intake_new (GTK_WIDGET (self));
  g_signal_connect_object (self->intake, "files", G_CALLBACK (on_intake_files), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->intake, "refused", G_CALLBACK (on_intake_refused), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->intake, "notify::dropping", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
}
