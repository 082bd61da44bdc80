/* xs-png-read.c: a PNG held in memory as a cairo image surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seal, the seal being checked and a template's blank-form scan are
 * all PNGs held as bytes; cairo reads them through one stream reader.
 */
#define G_LOG_DOMAIN "xs-png-read"

#include "config.h"

#include <string.h>

#include "xs-png-read.h"

typedef struct
{
  const guint8 *data;
  gsize         left;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
_xs_png_read (GBytes *png)
{
  PngReader reader = { NULL, 0 };

  g_return_val_if_fail (png != NULL, cairo_image_surface_create (CAIRO_FORMAT_INVALID, 0, 0));

  reader.data = g_bytes_get_data (png, &reader.left);
  return cairo_image_surface_create_from_png_stream (read_png, &reader);
}
