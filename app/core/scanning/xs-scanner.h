/* xs-scanner.h: pages from a desk scanner, through SANE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define XS_SCANNER_ERROR (xs_scanner_error_quark ())

typedef enum
{
  XS_SCANNER_ERROR_UNAVAILABLE,  /* built without scanner support */
  XS_SCANNER_ERROR_NO_DEVICE,    /* no scanner, or the chosen one is not there */
  XS_SCANNER_ERROR_BUSY,
  XS_SCANNER_ERROR_DENIED,
  XS_SCANNER_ERROR_GONE,         /* stopped answering in the middle of a page */
  XS_SCANNER_ERROR_JAMMED,
  XS_SCANNER_ERROR_NO_DOCS,      /* the feeder is empty */
  XS_SCANNER_ERROR_COVER_OPEN,
  XS_SCANNER_ERROR_CANCELLED_AT_DEVICE,
  XS_SCANNER_ERROR_FORMAT,       /* frames this program cannot read */
  XS_SCANNER_ERROR_FAILED,
} XsScannerError;

typedef enum
{
  XS_SCAN_MODE_COLOUR,
  XS_SCAN_MODE_GREY,
} XsScanMode;

#define XS_SCANNER_DEFAULT_RESOLUTION 200
#define XS_SCANNER_MAX_PAGES 200

typedef struct
{
  char *name;     /* what SANE opens, e.g. "genesys:libusb:001:004" */
  char *vendor;
  char *model;
  char *type;
} XsScanDevice;

/* One acquired page: 8-bit grey (1 channel) or RGB (3 channels), rows
 * packed without padding. */
typedef struct
{
  int     width;
  int     height;
  int     channels;
  int     dpi;
  GBytes *pixels;
} XsScanPage;

/* Called in the thread-default main context of the caller of
 * xs_scanner_scan_async() while pages arrive: @page counts from 1,
 * @fraction is how much of that page has arrived, @thumbnail (owned by the
 * caller of the callback, at most XS_SCANNER_THUMBNAIL_SIZE pixels each
 * way) shows what has arrived so far. */
#define XS_SCANNER_THUMBNAIL_SIZE 160
typedef void (*XsScanProgressFunc) (guint            page,
                                    double           fraction,
                                    cairo_surface_t *thumbnail,
                                    gpointer         user_data);

#define XS_TYPE_SCANNER (xs_scanner_get_type ())
G_DECLARE_FINAL_TYPE (XsScanner, xs_scanner, XS, SCANNER, GObject)

GQuark        xs_scanner_error_quark      (void);
/* Whether this build can talk to scanners at all. */
gboolean      xs_scanner_is_supported     (void);

void          xs_scan_device_free         (XsScanDevice *device);
/* A label for lists: "Vendor Model (name)". */
char         *xs_scan_device_get_label    (const XsScanDevice *device);
void          xs_scan_page_free           (XsScanPage   *page);

/* The scanners SANE can see (XsScanDevice); blocks while SANE looks for
 * them, so call it in a worker. An empty array when there are none. */
GPtrArray    *xs_scanner_list_devices     (GError      **error);
void          xs_scanner_list_devices_async  (GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
GPtrArray    *xs_scanner_list_devices_finish (GAsyncResult       *result,
                                              GError            **error);

/* @device may be NULL: the first scanner found. */
XsScanner    *xs_scanner_new              (const char   *device);
const char   *xs_scanner_get_device       (XsScanner    *self);
void          xs_scanner_set_device       (XsScanner    *self,
                                           const char   *device);
XsScanMode    xs_scanner_get_mode         (XsScanner    *self);
void          xs_scanner_set_mode         (XsScanner    *self,
                                           XsScanMode    mode);
int           xs_scanner_get_resolution   (XsScanner    *self);
void          xs_scanner_set_resolution   (XsScanner    *self,
                                           int           dpi);
/* How many pages to take; 0 takes what the feeder holds. More than one
 * page uses the scanner's document feeder when it has one. */
guint         xs_scanner_get_pages        (XsScanner    *self);
void          xs_scanner_set_pages        (XsScanner    *self,
                                           guint         pages);

/* Acquires the pages in a worker. Fails as a whole (nothing returned) on a
 * cancel, a vanished or jammed scanner. */
void          xs_scanner_scan_async       (XsScanner          *self,
                                           GCancellable       *cancellable,
                                           XsScanProgressFunc  progress,
                                           gpointer            progress_data,
                                           GDestroyNotify      progress_destroy,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
/* The pages (XsScanPage), at least one. */
GPtrArray    *xs_scanner_scan_finish      (XsScanner          *self,
                                           GAsyncResult       *result,
                                           GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsScanDevice, xs_scan_device_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsScanPage, xs_scan_page_free)

G_END_DECLS
