/* xs-evidence-intake.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-evidence-intake"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-evidence-intake.h"
#include "xs-file-chooser.h"

struct _XsEvidenceIntake
{
  GObject        parent_instance;

  GtkWidget     *target;               /* weak */
  GtkDropTarget *drop_target;          /* owned by the target widget */
  gboolean       accepting;
  gboolean       dropping;
  GCancellable  *chooser_cancellable;
};

G_DEFINE_FINAL_TYPE (XsEvidenceIntake, xs_evidence_intake, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCEPTING,
  PROP_DROPPING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FILES,
  REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Local paths of @files; NULL (after ::refused) if one is not on this
 * computer. */
static GStrv
paths_of_files (XsEvidenceIntake *self,
                GListModel       *files)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a file on this computer; copy it to a folder first, then attach it."),
                             name);

          g_signal_emit (self, signals[REFUSED], 0, message);
          return NULL;
        }
      g_strv_builder_add (builder, path);
    }
  return g_strv_builder_end (builder);
}

static void
take_files (XsEvidenceIntake *self,
            GListModel       *files)
{
  g_auto(GStrv) paths = paths_of_files (self, files);

  if (paths != NULL)
    g_signal_emit (self, signals[FILES], 0, paths);
}

/* The file chooser ----------------------------------------------------------- */

static GtkFileFilter *
evidence_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF documents and pictures"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "png");
  return filter;
}

static void
on_files_chosen (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XsEvidenceIntake) self = user_data;
  g_autoptr(GListModel) files = xs_file_chooser_run_finish (result, NULL);

  if (files != NULL)
    take_files (self, files);
}

void
xs_evidence_intake_close (XsEvidenceIntake *self)
{
  g_return_if_fail (XS_IS_EVIDENCE_INTAKE (self));

  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
}

void
xs_evidence_intake_choose (XsEvidenceIntake *self,
                           GtkWindow        *parent,
                           const char       *title)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GListModel) filters = NULL;

  g_return_if_fail (XS_IS_EVIDENCE_INTAKE (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);

  filter = evidence_filter ();
  filters = xs_file_chooser_filters_of (filter);
  xs_evidence_intake_close (self);
  self->chooser_cancellable = g_cancellable_new ();
  xs_file_chooser_run_async (parent, XS_FILE_CHOOSER_OPEN_MULTIPLE, title, _("_Attach"), filters, filter, NULL,
                             self->chooser_cancellable, on_files_chosen, g_object_ref (self));
}

/* Dropping files from a file manager ----------------------------------------- */

static void
set_dropping (XsEvidenceIntake *self,
              gboolean          dropping)
{
  if (self->dropping == dropping)
    return;
  self->dropping = dropping;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DROPPING]);
}

static GdkDragAction
on_drop_enter (GtkDropTarget    *target,
               double            x,
               double            y,
               XsEvidenceIntake *self)
{
  if (!self->accepting)
    return 0;
  set_dropping (self, TRUE);
  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget    *target,
               XsEvidenceIntake *self)
{
  set_dropping (self, FALSE);
}

static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         XsEvidenceIntake *self)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  GSList *list;

  set_dropping (self, FALSE);
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || !self->accepting)
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  g_slist_free (list);
  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    return FALSE;

  take_files (self, G_LIST_MODEL (files));
  return TRUE;
}

/* Public --------------------------------------------------------------------- */

XsEvidenceIntake *
xs_evidence_intake_new (GtkWidget *target)
{
  XsEvidenceIntake *self;

  g_return_val_if_fail (GTK_IS_WIDGET (target), NULL);

  self = g_object_new (XS_TYPE_EVIDENCE_INTAKE, NULL);
  self->target = target;
  g_object_add_weak_pointer (G_OBJECT (target), (gpointer *) &self->target);
  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (self->drop_target, "enter", G_CALLBACK (on_drop_enter), self, 0);
  g_signal_connect_object (self->drop_target, "leave", G_CALLBACK (on_drop_leave), self, 0);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (target, GTK_EVENT_CONTROLLER (self->drop_target));
  return self;
}

void
xs_evidence_intake_set_accepting (XsEvidenceIntake *self,
                                  gboolean          accepting)
{
  g_return_if_fail (XS_IS_EVIDENCE_INTAKE (self));

  accepting = !!accepting;
  if (self->accepting == accepting)
    return;
  self->accepting = accepting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTING]);
}

gboolean
xs_evidence_intake_get_accepting (XsEvidenceIntake *self)
{
  g_return_val_if_fail (XS_IS_EVIDENCE_INTAKE (self), FALSE);
  return self->accepting;
}

gboolean
xs_evidence_intake_get_dropping (XsEvidenceIntake *self)
{
  g_return_val_if_fail (XS_IS_EVIDENCE_INTAKE (self), FALSE);
  return self->dropping;
}

/* GObject --------------------------------------------------------------------- */

static void
xs_evidence_intake_dispose (GObject *object)
{
  XsEvidenceIntake *self = XS_EVIDENCE_INTAKE (object);

  xs_evidence_intake_close (self);
  if (self->target != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->target), (gpointer *) &self->target);
      self->target = NULL;
    }
  G_OBJECT_CLASS (xs_evidence_intake_parent_class)->dispose (object);
}

static void
xs_evidence_intake_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XsEvidenceIntake *self = XS_EVIDENCE_INTAKE (object);

  switch (prop_id)
    {
    case PROP_ACCEPTING:
      g_value_set_boolean (value, self->accepting);
      break;
    case PROP_DROPPING:
      g_value_set_boolean (value, self->dropping);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_evidence_intake_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XsEvidenceIntake *self = XS_EVIDENCE_INTAKE (object);

  switch (prop_id)
    {
    case PROP_ACCEPTING:
      xs_evidence_intake_set_accepting (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_evidence_intake_class_init (XsEvidenceIntakeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xs_evidence_intake_dispose;
  object_class->get_property = xs_evidence_intake_get_property;
  object_class->set_property = xs_evidence_intake_set_property;

  properties[PROP_ACCEPTING] =
    g_param_spec_boolean ("accepting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DROPPING] =
    g_param_spec_boolean ("dropping", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XsEvidenceIntake::files:
   * @paths: local paths, NULL-ended
   *
   * Files were chosen or dropped.
   */
  signals[FILES] =
    g_signal_new ("files", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);

  /**
   * XsEvidenceIntake::refused:
   * @message: why, in the user's words
   *
   * A file chosen or dropped is not on this computer; none were taken.
   */
  signals[REFUSED] =
    g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
xs_evidence_intake_init (XsEvidenceIntake *self)
{
}
