/* xs-scan-launcher.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-scan-launcher"

#include "config.h"

#include "xs-scan-launcher.h"
#include "xs-scanner.h"

struct _XsScanLauncher
{
  GObject             parent_instance;

  XsDb               *db;
  XsEvidenceAttacher *attacher;
  gint64              trainee_id;
  XsScanDialog       *dialog;     /* weak: it lives as long as its window */
};

G_DEFINE_FINAL_TYPE (XsScanLauncher, xs_scan_launcher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DB,
  PROP_ATTACHER,
  PROP_TRAINEE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SCANNED,
  SUGGESTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_scanned (XsScanLauncher *self)
{
  g_signal_emit (self, signals[SCANNED], 0);
}

/* The PDF of a claim not saved yet: the attacher keeps it until then. */
static void
on_scanned_pending (XsScanLauncher      *self,
                    const char          *path,
                    const XsRecognition *found)
{
  xs_evidence_attacher_add_scan (self->attacher, path, found);
}

static void
on_suggestion_accepted (XsScanLauncher *self,
                        const char     *field,
                        const char     *value)
{
  g_signal_emit (self, signals[SUGGESTION], 0, field, value);
}

static void
close_dialog (XsScanLauncher *self)
{
  XsScanDialog *dialog = self->dialog;

  if (dialog == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  self->dialog = NULL;
  g_signal_handlers_disconnect_by_data (dialog, self);
  /* cancels a scan under way: a PDF not handed on is deleted */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

XsScanDialog *
xs_scan_launcher_open (XsScanLauncher *self,
                       GtkWindow      *parent)
{
  g_return_val_if_fail (XS_IS_SCAN_LAUNCHER (self), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  if (self->dialog == NULL)
    {
      self->dialog = xs_scan_dialog_new (parent, self->db, xs_evidence_attacher_get_claim_id (self->attacher),
                                         xs_evidence_attacher_get_material (self->attacher));
      g_object_add_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      xs_scan_dialog_set_trainee_id (self->dialog, self->trainee_id);
      g_signal_connect_object (self->dialog, "scanned", G_CALLBACK (on_scanned), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->dialog, "scanned-pending", G_CALLBACK (on_scanned_pending), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->dialog, "suggestion-accepted", G_CALLBACK (on_suggestion_accepted), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (self->dialog));
  return self->dialog;
}

XsScanDialog *
xs_scan_launcher_get_dialog (XsScanLauncher *self)
{
  g_return_val_if_fail (XS_IS_SCAN_LAUNCHER (self), NULL);
  return self->dialog;
}

gboolean
xs_scan_launcher_is_supported (void)
{
  return xs_scanner_is_supported ();
}

void
xs_scan_launcher_set_trainee_id (XsScanLauncher *self,
                                 gint64          trainee_id)
{
  g_return_if_fail (XS_IS_SCAN_LAUNCHER (self));

  if (self->trainee_id == trainee_id)
    return;
  self->trainee_id = trainee_id;
  if (self->dialog != NULL)
    xs_scan_dialog_set_trainee_id (self->dialog, trainee_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINEE_ID]);
}

gint64
xs_scan_launcher_get_trainee_id (XsScanLauncher *self)
{
  g_return_val_if_fail (XS_IS_SCAN_LAUNCHER (self), 0);
  return self->trainee_id;
}

XsScanLauncher *
xs_scan_launcher_new (XsDb               *db,
                      XsEvidenceAttacher *attacher)
{
  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (XS_IS_EVIDENCE_ATTACHER (attacher), NULL);

  return g_object_new (XS_TYPE_SCAN_LAUNCHER, "db", db, "attacher", attacher, NULL);
}

static void
xs_scan_launcher_dispose (GObject *object)
{
  XsScanLauncher *self = XS_SCAN_LAUNCHER (object);

  close_dialog (self);
  g_clear_object (&self->attacher);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (xs_scan_launcher_parent_class)->dispose (object);
}

static void
xs_scan_launcher_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XsScanLauncher *self = XS_SCAN_LAUNCHER (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_ATTACHER:
      g_value_set_object (value, self->attacher);
      break;
    case PROP_TRAINEE_ID:
      g_value_set_int64 (value, self->trainee_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_scan_launcher_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  XsScanLauncher *self = XS_SCAN_LAUNCHER (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;
    case PROP_ATTACHER:
      self->attacher = g_value_dup_object (value);
      break;
    case PROP_TRAINEE_ID:
      xs_scan_launcher_set_trainee_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_scan_launcher_class_init (XsScanLauncherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xs_scan_launcher_dispose;
  object_class->get_property = xs_scan_launcher_get_property;
  object_class->set_property = xs_scan_launcher_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTACHER] =
    g_param_spec_object ("attacher", NULL, NULL, XS_TYPE_EVIDENCE_ATTACHER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRAINEE_ID] =
    g_param_spec_int64 ("trainee-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XsScanLauncher::scanned:
   *
   * The pages were stored as evidence of the saved claim.
   */
  signals[SCANNED] =
    g_signal_new ("scanned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * XsScanLauncher::suggestion:
   * @field: "title", "date" (ISO) or "hours" (tenths)
   * @value: what the scan says
   *
   * The clerk chose to use something read on a scan.
   */
  signals[SUGGESTION] =
    g_signal_new ("suggestion", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
xs_scan_launcher_init (XsScanLauncher *self)
{
}
