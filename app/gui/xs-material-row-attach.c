/* xs-material-row-attach.c
 *
 * Files come from a file chooser or are dropped from a file manager; a
 * worker stores them and links them to the material.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-material-row"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-claim-store.h"
#include "xs-evidence-text.h"
#include "xs-recognise.h"
#include "xs-material-row-private.h"

typedef struct
{
  char    *data_dir;
  gint64   claim_id;
  char    *material;
  GStrv    paths;
} AttachData;

static void
attach_data_free (AttachData *data)
{
  g_free (data->data_dir);
  g_free (data->material);
  g_strfreev (data->paths);
  g_free (data);
}

/* Reading, hashing and counting PDF pages can take a while: a worker with
 * its own connection does it. */
static void
attach_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AttachData *data = task_data;
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  db = xs_db_open (data->data_dir, &error);
  if (db == NULL
      || !xs_claim_store_attach (db, data->claim_id, data->material,
                                 (const char * const *) data->paths, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
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
  g_task_return_boolean (task, TRUE);
}

static void
attach_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error)
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
  g_autoptr(GTask) task = NULL;
  AttachData *data;

  g_return_if_fail (XS_IS_MATERIAL_ROW (self));
  g_return_if_fail (paths != NULL);

  if (paths[0] == NULL || self->busy || !self->editable || self->claim_id <= 0)
    return;

  data = g_new0 (AttachData, 1);
  data->data_dir = g_strdup (xs_db_get_data_dir (self->db));
  data->claim_id = self->claim_id;
  data->material = g_strdup (self->material);
  data->paths = g_strdupv ((char **) paths);

  self->cancellable = g_cancellable_new ();
  _xs_material_row_show_error (self, NULL);
  _xs_material_row_set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, attach_done, NULL);
  g_task_set_source_tag (task, xs_material_row_attach_paths);
  g_task_set_task_data (task, data, (GDestroyNotify) attach_data_free);
  g_task_run_in_thread (task, attach_thread);
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
#if GTK_CHECK_VERSION (4, 10, 0)
  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
#else
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
#endif
  g_clear_object (&self->chooser);
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

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_files_chosen (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XsMaterialRow) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;

  files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result, &error);
  if (files != NULL)
    attach_files (self, files);
  else if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
           && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED)
           && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _xs_material_row_show_error (self, error->message);
}

void
_xs_material_row_attach_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (widget);
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = evidence_filter ();
  g_autofree char *title = chooser_title (self);

  g_list_store_append (filters, filter);
  _xs_material_row_close_chooser (self);
  self->chooser_cancellable = g_cancellable_new ();
  self->chooser = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (self->chooser, title);
  gtk_file_dialog_set_accept_label (self->chooser, _("_Attach"));
  gtk_file_dialog_set_filters (self->chooser, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (self->chooser, filter);
  gtk_file_dialog_open_multiple (self->chooser, GTK_WINDOW (gtk_widget_get_root (widget)),
                                 self->chooser_cancellable, on_files_chosen, g_object_ref (self));
}
#else
static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     XsMaterialRow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      attach_files (self, files);
    }
  g_clear_object (&self->chooser);
}

void
_xs_material_row_attach_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  XsMaterialRow *self = XS_MATERIAL_ROW (widget);
  g_autoptr(GtkFileFilter) filter = evidence_filter ();
  g_autofree char *title = chooser_title (self);

  _xs_material_row_close_chooser (self);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}
#endif

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
