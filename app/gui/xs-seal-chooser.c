/* xs-seal-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first-run profile dialog and the preferences both let the clerk
 * choose the seal: one chooser, one size limit, one reading.
 */
#define G_LOG_DOMAIN "xs-seal-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-base-profile.h"
#include "xs-file-chooser.h"
#include "xs-seal-chooser.h"

static void
on_seal_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_bytes_new_take (contents, length), (GDestroyNotify) g_bytes_unref);
}

static void
on_seal_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  /* Not read at all when it is far too large for a seal. */
  if (info != NULL && g_file_info_get_size (info) > XS_BASE_PROFILE_MAX_SEAL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                             _("The seal image is too large. Save a smaller scan of the seal as PNG."));
  else
    g_file_load_contents_async (file, g_task_get_cancellable (task), on_seal_loaded, g_object_ref (task));
}

void
xs_seal_chooser_run_async (GtkWindow            *parent,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListModel) filters = NULL;
  GTask *task;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xs_seal_chooser_run_async);
  gtk_file_filter_set_name (filter, _("PNG pictures"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  filters = xs_file_chooser_filters_of (filter);
  xs_file_chooser_run_async (parent, XS_FILE_CHOOSER_OPEN, _("Choose the Seal Image"), _("_Choose"),
                             filters, NULL, NULL, cancellable, on_seal_chosen, task);
}

GBytes *
xs_seal_chooser_run_finish (GAsyncResult  *result,
                            GFile        **file,
                            GError       **error)
{
  GFile *chosen;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  chosen = g_task_get_task_data (G_TASK (result));
  if (file != NULL)
    *file = chosen != NULL ? g_object_ref (chosen) : NULL;
  return g_task_propagate_pointer (G_TASK (result), error);
}
