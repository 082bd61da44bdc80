/* xs-scanner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-scanner"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#ifdef HAVE_SANE
#include <sane/sane.h>
#include <sane/saneopts.h>
#endif

#include "xs-scanner-private.h"

struct _XsScanner
{
  GObject     parent_instance;
  char       *device;
  XsScanMode  mode;
  int         resolution;
  guint       pages;
};

enum
{
  PROP_0,
  PROP_DEVICE,
  PROP_MODE,
  PROP_RESOLUTION,
  PROP_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (XsScanner, xs_scanner, G_TYPE_OBJECT)
G_DEFINE_QUARK (xs-scanner-error-quark, xs_scanner_error)

#ifdef HAVE_SANE
/* SANE is one library state per process and not thread-safe: one user at a
 * time, initialised for each use so that scanners plugged in meanwhile are
 * seen. */
static GMutex sane_lock;
#endif

gboolean
xs_scanner_is_supported (void)
{
#ifdef HAVE_SANE
  return TRUE;
#else
  return FALSE;
#endif
}

void
xs_scan_device_free (XsScanDevice *device)
{
  if (device == NULL)
    return;
  g_free (device->name);
  g_free (device->vendor);
  g_free (device->model);
  g_free (device->type);
  g_free (device);
}

char *
xs_scan_device_get_label (const XsScanDevice *device)
{
  g_return_val_if_fail (device != NULL, NULL);

  if (device->vendor && *device->vendor && device->model && *device->model)
    return g_strdup_printf ("%s %s (%s)", device->vendor, device->model, device->name);
  return g_strdup (device->name);
}

void
xs_scan_page_free (XsScanPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->pixels, g_bytes_unref);
  g_free (page);
}

#ifndef HAVE_SANE
static gboolean
set_unsupported (GError **error)
{
  g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_UNAVAILABLE,
               _("This copy of Xueshi was built without scanner support; scan with the "
                 "scanner's own program and attach the files instead."));
  return FALSE;
}
#endif

#ifdef HAVE_SANE

static gboolean
sane_start_library (GError **error)
{
  SANE_Int version = 0;
  SANE_Status status = sane_init (&version, NULL);

  if (status != SANE_STATUS_GOOD)
    {
      g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_FAILED,
                   _("The scanner library could not start (%s)."), sane_strstatus (status));
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
list_devices_locked (GError **error)
{
  const SANE_Device **list = NULL;
  SANE_Status status = sane_get_devices (&list, SANE_FALSE);
  GPtrArray *devices;

  if (status != SANE_STATUS_GOOD)
    {
      g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_FAILED,
                   _("Looking for scanners failed (%s)."), sane_strstatus (status));
      return NULL;
    }
  devices = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_scan_device_free);
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      XsScanDevice *device = g_new0 (XsScanDevice, 1);

      device->name = g_strdup (list[i]->name);
      device->vendor = g_strdup (list[i]->vendor);
      device->model = g_strdup (list[i]->model);
      device->type = g_strdup (list[i]->type);
      g_ptr_array_add (devices, device);
    }
  return devices;
}

#endif

GPtrArray *
xs_scanner_list_devices (GError **error)
{
#ifdef HAVE_SANE
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&sane_lock);
  GPtrArray *devices;

  if (!sane_start_library (error))
    return NULL;
  devices = list_devices_locked (error);
  sane_exit ();
  return devices;
#else
  set_unsupported (error);
  return NULL;
#endif
}

static void
list_devices_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *devices = xs_scanner_list_devices (&error);

  if (devices == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, devices, (GDestroyNotify) g_ptr_array_unref);
}

void
xs_scanner_list_devices_async (GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, xs_scanner_list_devices_async);
  g_task_run_in_thread (task, list_devices_thread);
}

GPtrArray *
xs_scanner_list_devices_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The object */

static void
xs_scanner_finalize (GObject *object)
{
  XsScanner *self = XS_SCANNER (object);

  g_free (self->device);
  G_OBJECT_CLASS (xs_scanner_parent_class)->finalize (object);
}

static void
xs_scanner_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  XsScanner *self = XS_SCANNER (object);

  switch (prop_id)
    {
    case PROP_DEVICE:
      g_value_set_string (value, self->device);
      break;
    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;
    case PROP_RESOLUTION:
      g_value_set_int (value, self->resolution);
      break;
    case PROP_PAGES:
      g_value_set_uint (value, self->pages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_scanner_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  XsScanner *self = XS_SCANNER (object);

  switch (prop_id)
    {
    case PROP_DEVICE:
      xs_scanner_set_device (self, g_value_get_string (value));
      break;
    case PROP_MODE:
      xs_scanner_set_mode (self, g_value_get_int (value));
      break;
    case PROP_RESOLUTION:
      xs_scanner_set_resolution (self, g_value_get_int (value));
      break;
    case PROP_PAGES:
      xs_scanner_set_pages (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_scanner_class_init (XsScannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_scanner_finalize;
  object_class->get_property = xs_scanner_get_property;
  object_class->set_property = xs_scanner_set_property;

  properties[PROP_DEVICE] =
    g_param_spec_string ("device", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL, XS_SCAN_MODE_COLOUR, XS_SCAN_MODE_GREY, XS_SCAN_MODE_COLOUR,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOLUTION] =
    g_param_spec_int ("resolution", NULL, NULL, 50, 1200, XS_SCANNER_DEFAULT_RESOLUTION,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGES] =
    g_param_spec_uint ("pages", NULL, NULL, 0, XS_SCANNER_MAX_PAGES, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_scanner_init (XsScanner *self)
{
  self->mode = XS_SCAN_MODE_COLOUR;
  self->resolution = XS_SCANNER_DEFAULT_RESOLUTION;
  self->pages = 1;
}

XsScanner *
xs_scanner_new (const char *device)
{
  return g_object_new (XS_TYPE_SCANNER, "device", device, NULL);
}

const char *
xs_scanner_get_device (XsScanner *self)
{
  g_return_val_if_fail (XS_IS_SCANNER (self), NULL);
  return self->device;
}

void
xs_scanner_set_device (XsScanner  *self,
                       const char *device)
{
  g_return_if_fail (XS_IS_SCANNER (self));
  if (device != NULL && *device == '\0')
    device = NULL;
  if (g_strcmp0 (self->device, device) == 0)
    return;
  g_free (self->device);
  self->device = g_strdup (device);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE]);
}

XsScanMode
xs_scanner_get_mode (XsScanner *self)
{
  g_return_val_if_fail (XS_IS_SCANNER (self), XS_SCAN_MODE_COLOUR);
  return self->mode;
}

void
xs_scanner_set_mode (XsScanner  *self,
                     XsScanMode  mode)
{
  g_return_if_fail (XS_IS_SCANNER (self));
  g_return_if_fail (mode == XS_SCAN_MODE_COLOUR || mode == XS_SCAN_MODE_GREY);
  if (self->mode == mode)
    return;
  self->mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

int
xs_scanner_get_resolution (XsScanner *self)
{
  g_return_val_if_fail (XS_IS_SCANNER (self), XS_SCANNER_DEFAULT_RESOLUTION);
  return self->resolution;
}

void
xs_scanner_set_resolution (XsScanner *self,
                           int        dpi)
{
  g_return_if_fail (XS_IS_SCANNER (self));
  g_return_if_fail (dpi >= 50 && dpi <= 1200);
  if (self->resolution == dpi)
    return;
  self->resolution = dpi;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLUTION]);
}

guint
xs_scanner_get_pages (XsScanner *self)
{
  g_return_val_if_fail (XS_IS_SCANNER (self), 1);
  return self->pages;
}

void
xs_scanner_set_pages (XsScanner *self,
                      guint      pages)
{
  g_return_if_fail (XS_IS_SCANNER (self));
  g_return_if_fail (pages <= XS_SCANNER_MAX_PAGES);
  if (self->pages == pages)
    return;
  self->pages = pages;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGES]);
}

typedef struct
{
  char               *device;
  XsScanMode          mode;
  int                 resolution;
  guint               pages;
} ScanData;

static void
scan_data_free (ScanData *data)
{
  g_free (data->device);
  g_free (data);
}

static void
scan_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GPtrArray *pages = NULL;
  GError *error = NULL;

#ifdef HAVE_SANE
  {
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&sane_lock);
    ScanData *data = task_data;

    pages = _xs_scanner_run (data->device, data->mode, data->resolution, data->pages,
                             task, cancellable, &error);
  }
#else
  set_unsupported (&error);
#endif
  if (pages == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pages, (GDestroyNotify) g_ptr_array_unref);
}

void
xs_scanner_scan_async (XsScanner          *self,
                       GCancellable       *cancellable,
                       XsScanProgressFunc  progress,
                       gpointer            progress_data,
                       GDestroyNotify      progress_destroy,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  ScanData *data;

  g_return_if_fail (XS_IS_SCANNER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ScanData, 1);
  data->device = g_strdup (self->device);
  data->mode = self->mode;
  data->resolution = self->resolution;
  data->pages = self->pages;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xs_scanner_scan_async);
  g_task_set_task_data (task, data, (GDestroyNotify) scan_data_free);
  /* The worker reaches the progress callback through the task. */
  if (progress != NULL)
    {
      g_object_set_data (G_OBJECT (task), XS_SCANNER_PROGRESS_KEY, progress);
      g_object_set_data_full (G_OBJECT (task), XS_SCANNER_PROGRESS_DATA_KEY,
                              progress_data, progress_destroy);
    }
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, scan_thread);
}

GPtrArray *
xs_scanner_scan_finish (XsScanner     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (XS_IS_SCANNER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
