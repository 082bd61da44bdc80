/* xs-material-row-attach.c
 *
 * Files come from a file chooser or are dropped from a file manager; a
 * job stores them and links them to the material.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-material-row"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-claim-store.h"
#include "xs-evidence-text.h"
#include "xs-recognise.h"
#include "xs-file-chooser.h"
#include "xs-job.h"
#include "xs-material-row-private.h"

typedef struct
{
  gint64   claim_id;
  char    *material;
  GStrv    paths;
} AttachData;

static void
attach_data_free (AttachData *data)
{
  g_free (data->material);
  g_strfreev (data->paths);
  g_free (data);
}

/* Reading, hashing and counting PDF pages can take a while: a job with its
 * own connection does it. */
static gboolean
attach_files_to_claim (XsJob         *job,
                       XsDb          *db,
                       gpointer       task_data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  AttachData *data = task_data;

  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || !xs_claim_store_attach (db, data->claim_id, data->material,
                                 (const char * const *) data->paths, error))
    return FALSE;
  /* The text of each file is read once and kept for search and Check
   * Data; a file that cannot be read is still attached. */
  for (guint i = 0; xs_recognise_is_supported () && data->paths[i] != NULL; i++)
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (data->paths[i], FALSE, NULL);
      g_autoptr(GBytes) bytes = mapped ? g_mapped_file_get_bytes (mapped) : NULL;
      g_autofree char *sha256 = bytes ? xs_evidence_hash_bytes (bytes) : NULL;
      g_autoptr(XsRecognition) found = NULL;

      if (sha256 != NULL)
        found = xs_evidence_recognise (db, sha256, NULL, cancellable, NULL);
    }
  return TRUE;
}

static void
attach_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XsMaterialRow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!xs_job_run_finish (XS_JOB (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  _xs_material_row_show_error (self, error != NULL ? error->message : NULL);
  _xs_material_row_set_busy (self, FALSE);
  _xs_material_row_emit_changed (self);
  /* show the files just attached */
  if (error == NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

void
xs_material_row_attach_paths (XsMaterialRow      *self,
                              const char * const *paths)
{
  g_autoptr(XsJob) job = NULL;
  AttachData *data;

  g_return_if_fail (XS_IS_MATERIAL_ROW (self));
  g_return_if_fail (paths != NULL);

  if (paths[0] == NULL || self->busy || !self->editable || self->claim_id <= 0)
    return;

  data = g_new0 (AttachData, 1);
  data->claim_id = self->claim_id;
  data->material = g_strdup (self->material);
  data->paths = g_strdupv ((char **) paths);

  self->cancellable = g_cancellable_new ();
  _xs_material_row_show_error (self, NULL);
  _xs_material_row_set_busy (self, TRUE);

  job = xs_job_new (xs_db_get_data_dir (self->db), attach_files_to_claim,
                    data, (GDestroyNotify) attach_data_free);
  xs_job_run_async (job, self->cancellable, attach_done, g_object_ref (self));
}

/* Local paths of @files; NULL (with a message shown) if one is not on this
 * computer. */
static GStrv
paths_of_files (XsMaterialRow *self,
                GListModel    *files)
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

          _xs_material_row_show_error (self, message);
          return NULL;
        }
      g_strv_builder_add (builder, path);
    }
  return g_strv_builder_end (builder);
}

static void
attach_files (XsMaterialRow *self,
              GListModel    *files)
{
  g_auto(GStrv) paths = paths_of_files (self, files);

  if (paths != NULL)
    xs_material_row_attach_paths (self, (const char * const *) paths);
}

void
_xs_material_row_close_chooser (XsMaterialRow *self)
{
  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
}

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

static char *
chooser_title (XsMaterialRow *self)
{
  /* Translators: title of the file chooser, “Attach 会议通知” */
  return g_strdup_printf (_("Attach %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
}

static void
on_files_chosen (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XsMaterialRow) self = user_data;
  g_autoptr(GListModel) files = xs_file_chooser_run_finish (result, NULL);

  if (files != NULL)
    attach_files (self, files);
}

void
_xs_material_row_attach_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (widget);
  g_autoptr(GtkFileFilter) filter = evidence_filter ();
  g_autoptr(GListModel) filters = xs_file_chooser_filters_of (filter);
  g_autofree char *title = chooser_title (self);

  _xs_material_row_close_chooser (self);
  self->chooser_cancellable = g_cancellable_new ();
  xs_file_chooser_run_async (GTK_WINDOW (gtk_widget_get_root (widget)), XS_FILE_CHOOSER_OPEN_MULTIPLE, title,
                             _("_Attach"), filters, filter, NULL, self->chooser_cancellable,
                             on_files_chosen, g_object_ref (self));
}

/* Dropping files from a file manager --------------------------------------- */

static void
set_dropping (XsMaterialRow *self,
              gboolean       dropping)
{
  self->dropping = dropping;
  _xs_material_row_update_state (self);
}

static GdkDragAction
on_drop_enter (GtkDropTarget *target,
               double         x,
               double         y,
               XsMaterialRow *self)
{
  if (!self->editable || self->busy || self->claim_id <= 0)
    return 0;
  set_dropping (self, TRUE);
  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget *target,
               XsMaterialRow *self)
{
  set_dropping (self, FALSE);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         XsMaterialRow *self)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  GSList *list;

  set_dropping (self, FALSE);
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || !self->editable || self->busy || self->claim_id <= 0)
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  g_slist_free (list);
  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    return FALSE;

  attach_files (self, G_LIST_MODEL (files));
  return TRUE;
}


void
_xs_material_row_add_drop_target (XsMaterialRow *self)
{
  GtkDropTarget *target;

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_enter), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
