/* xs-scanner-sane.c: options, frames and errors of a SANE device
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-scanner"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <sane/sane.h>
#include <sane/saneopts.h>

#include "xs-scanner-private.h"

#define A4_WIDTH_MM 210.0
#define A4_HEIGHT_MM 297.0
/* Frames with more pixels than this are refused (a runaway hand scanner). */
#define MAX_PAGE_BYTES (600 * 1024 * 1024)

/* Progress, marshalled to the caller's main context */

typedef struct
{
  GTask           *task;
  guint            page;
  double           fraction;
  cairo_surface_t *thumbnail;
} Progress;

static gboolean
progress_dispatch (gpointer user_data)
{
  Progress *progress = user_data;
  XsScanProgressFunc func = g_object_get_data (G_OBJECT (progress->task), XS_SCANNER_PROGRESS_KEY);

  if (func != NULL)
    func (progress->page, progress->fraction, progress->thumbnail,
          g_object_get_data (G_OBJECT (progress->task), XS_SCANNER_PROGRESS_DATA_KEY));
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer user_data)
{
  Progress *progress = user_data;

  g_object_unref (progress->task);
  g_clear_pointer (&progress->thumbnail, cairo_surface_destroy);
  g_free (progress);
}

/* A small picture of the page so far (opaque ARGB32, as textures take
 * it); rows not yet read are white. */
static cairo_surface_t *
make_thumbnail (const guint8 *pixels,
                int           width,
                int           height,
                int           channels,
                int           rows_done)
{
  double scale = MIN (1.0, (double) XS_SCANNER_THUMBNAIL_SIZE / MAX (width, height));
  int tw = MAX (1, (int) (width * scale));
  int th = MAX (1, (int) (height * scale));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, tw, th);
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < th; y++)
    {
      int sy = MIN (height - 1, (int) (y / scale));
      guint32 *row = (guint32 *) (gpointer) (data + (gsize) y * stride);

      for (int x = 0; x < tw; x++)
        {
          int sx = MIN (width - 1, (int) (x / scale));
          const guint8 *p = pixels + ((gsize) sy * width + sx) * channels;

          if (sy >= rows_done)
            row[x] = 0xffffffff;
          else if (channels == 1)
            row[x] = 0xff000000 | (p[0] << 16) | (p[0] << 8) | p[0];
          else
            row[x] = 0xff000000 | (p[0] << 16) | (p[1] << 8) | p[2];
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static void
report_progress (GTask        *task,
                 guint         page,
                 double        fraction,
                 const guint8 *pixels,
                 int           width,
                 int           height,
                 int           channels,
                 int           rows_done)
{
  Progress *progress;
  GSource *source;

  if (g_object_get_data (G_OBJECT (task), XS_SCANNER_PROGRESS_KEY) == NULL)
    return;
  progress = g_new0 (Progress, 1);
  progress->task = g_object_ref (task);
  progress->page = page;
  progress->fraction = fraction;
  if (pixels != NULL && width > 0 && height > 0)
    progress->thumbnail = make_thumbnail (pixels, width, height, channels, rows_done);
  /* Always through a source: invoking would run it here when the main
   * loop happens to be idle. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_dispatch, progress, progress_free);
  g_source_set_static_name (source, "[xueshi] scan progress");
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

/* Errors in the clerk's words */

static void
set_status_error (GError     **error,
                  SANE_Status  status,
                  guint        page,
                  const char  *device)
{
  switch (status)
    {
    case SANE_STATUS_DEVICE_BUSY:
      g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_BUSY,
                   _("The scanner is busy, perhaps with another program. Wait until it is "
                     "free and scan again; nothing was stored."));
      break;
    case SANE_STATUS_ACCESS_DENIED:
      g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_DENIED,
                   _("This user may not use the scanner “%s”. Ask whoever looks after the "
                     "computer to allow it; nothing was stored."), device);
      break;
    case SANE_STATUS_JAMMED:
      g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_JAMMED,
                   _("The paper jammed in the feeder at page %u. Clear the feeder, put the "
                     "pages back and scan again; nothing was stored."), page);
      break;
    case SANE_STATUS_NO_DOCS:
      g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_NO_DOCS,
                   _("The feeder is empty. Put the pages in the feeder (or on the glass) "
                     "and scan again; nothing was stored."));
      break;
    case SANE_STATUS_COVER_OPEN:
      g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_COVER_OPEN,
                   _("The scanner's cover is open. Close it and scan again; nothing was stored."));
      break;
    case SANE_STATUS_CANCELLED:
      g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_CANCELLED_AT_DEVICE,
                   _("The scanner stopped the scan at page %u (its own Cancel button?); "
                     "nothing was stored."), page);
      break;
    case SANE_STATUS_IO_ERROR:
    case SANE_STATUS_EOF:
    case SANE_STATUS_INVAL:
    case SANE_STATUS_UNSUPPORTED:
      g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_GONE,
                   _("The scanner “%s” stopped answering during page %u. Check its cable "
                     "and power, then scan again; nothing was stored."), device, page);
      break;
    case SANE_STATUS_GOOD:
    case SANE_STATUS_NO_MEM:
    default:
      g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_FAILED,
                   _("The scanner reported an error during page %u (%s); nothing was stored."),
                   page, sane_strstatus (status));
      break;
    }
}

static void
set_cancelled (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
               _("The scan was cancelled; nothing was stored."));
}

/* Options */

static SANE_Int
find_option (SANE_Handle                    handle,
             const char                    *name,
             const SANE_Option_Descriptor **descriptor)
{
  SANE_Int count = 0;

  if (sane_control_option (handle, 0, SANE_ACTION_GET_VALUE, &count, NULL) != SANE_STATUS_GOOD)
    return -1;
  for (SANE_Int i = 1; i < count; i++)
    {
      const SANE_Option_Descriptor *d = sane_get_option_descriptor (handle, i);

      if (d != NULL && d->name != NULL && g_strcmp0 (d->name, name) == 0 &&
          SANE_OPTION_IS_ACTIVE (d->cap) && SANE_OPTION_IS_SETTABLE (d->cap))
        {
          *descriptor = d;
          return i;
        }
    }
  return -1;
}

/* Picks the first of the device's values for @name that contains one of
 * @wanted (case-insensitive). */
static gboolean
set_string_option (SANE_Handle          handle,
                   const char          *name,
                   const char * const  *wanted)
{
  const SANE_Option_Descriptor *d = NULL;
  SANE_Int index = find_option (handle, name, &d);

  if (index < 0 || d->type != SANE_TYPE_STRING ||
      d->constraint_type != SANE_CONSTRAINT_STRING_LIST)
    return FALSE;
  for (guint w = 0; wanted[w] != NULL; w++)
    for (guint i = 0; d->constraint.string_list[i] != NULL; i++)
      {
        g_autofree char *value = g_ascii_strdown (d->constraint.string_list[i], -1);

        if (strstr (value, wanted[w]) != NULL)
          {
            g_autofree char *buffer = g_malloc0 (MAX (d->size, (SANE_Int) strlen (d->constraint.string_list[i]) + 1));

            strcpy (buffer, d->constraint.string_list[i]);
            return sane_control_option (handle, index, SANE_ACTION_SET_VALUE, buffer, NULL) == SANE_STATUS_GOOD;
          }
      }
  return FALSE;
}

static double
word_to_double (const SANE_Option_Descriptor *d,
                SANE_Word                     word)
{
  return d->type == SANE_TYPE_FIXED ? SANE_UNFIX (word) : (double) word;
}

static SANE_Word
double_to_word (const SANE_Option_Descriptor *d,
                double                        value)
{
  return d->type == SANE_TYPE_FIXED ? SANE_FIX (value) : (SANE_Word) (value + 0.5);
}

/* Sets a number option to the allowed value nearest @value; -1 when the
 * device has no such option. Returns the value the device took. */
static double
set_number_option (SANE_Handle  handle,
                   const char  *name,
                   double       value)
{
  const SANE_Option_Descriptor *d = NULL;
  SANE_Int index = find_option (handle, name, &d);
  SANE_Word word;

  if (index < 0 || (d->type != SANE_TYPE_INT && d->type != SANE_TYPE_FIXED) ||
      d->size != sizeof (SANE_Word))
    return -1;
  if (d->constraint_type == SANE_CONSTRAINT_RANGE)
    {
      double min = word_to_double (d, d->constraint.range->min);
      double max = word_to_double (d, d->constraint.range->max);

      value = CLAMP (value, min, max);
    }
  else if (d->constraint_type == SANE_CONSTRAINT_WORD_LIST)
    {
      double best = -1;

      for (SANE_Int i = 1; i <= d->constraint.word_list[0]; i++)
        {
          double v = word_to_double (d, d->constraint.word_list[i]);

          if (best < 0 || ABS (v - value) < ABS (best - value))
            best = v;
        }
      if (best >= 0)
        value = best;
    }
  word = double_to_word (d, value);
  if (sane_control_option (handle, index, SANE_ACTION_SET_VALUE, &word, NULL) != SANE_STATUS_GOOD)
    return -1;
  if (sane_control_option (handle, index, SANE_ACTION_GET_VALUE, &word, NULL) != SANE_STATUS_GOOD)
    return value;
  return word_to_double (d, word);
}

/* The largest value a geometry option allows, at most @limit. */
static void
set_geometry_option (SANE_Handle  handle,
                     const char  *name,
                     double       limit)
{
  const SANE_Option_Descriptor *d = NULL;
  SANE_Int index = find_option (handle, name, &d);

  if (index < 0)
    return;
  if (d->constraint_type == SANE_CONSTRAINT_RANGE)
    {
      double max = word_to_double (d, d->constraint.range->max);
      double min = word_to_double (d, d->constraint.range->min);

      if (d->unit == SANE_UNIT_MM)
        set_number_option (handle, name, limit < 0 ? min : MIN (max, limit));
      else
        set_number_option (handle, name, limit < 0 ? min : max);
    }
}

static int
apply_options (SANE_Handle handle,
               XsScanMode  mode,
               int         resolution,
               gboolean    feeder_wanted,
               gboolean   *feeder)
{
  static const char * const colour[] = { "color", "colour", "rgb", NULL };
  static const char * const grey[] = { "gray", "grey", NULL };
  static const char * const adf[] = { "adf", "feeder", "automatic", NULL };
  static const char * const flatbed[] = { "flatbed", "glass", NULL };
  double dpi;

  set_string_option (handle, SANE_NAME_SCAN_MODE, mode == XS_SCAN_MODE_GREY ? grey : colour);
  set_number_option (handle, SANE_NAME_BIT_DEPTH, 8);
  *feeder = feeder_wanted && set_string_option (handle, SANE_NAME_SCAN_SOURCE, adf);
  if (!feeder_wanted)
    set_string_option (handle, SANE_NAME_SCAN_SOURCE, flatbed);
  set_geometry_option (handle, SANE_NAME_SCAN_TL_X, -1);
  set_geometry_option (handle, SANE_NAME_SCAN_TL_Y, -1);
  set_geometry_option (handle, SANE_NAME_SCAN_BR_X, A4_WIDTH_MM);
  set_geometry_option (handle, SANE_NAME_SCAN_BR_Y, A4_HEIGHT_MM);
  dpi = set_number_option (handle, SANE_NAME_SCAN_RESOLUTION, resolution);
  return dpi > 0 ? (int) (dpi + 0.5) : resolution;
}

/* Frames */

static void
unpack_row (const guint8 *in,
            guint8       *out,
            int           width,
            int           channels,
            int           depth)
{
  int samples = width * channels;

  if (depth == 8)
    memcpy (out, in, samples);
  else if (depth == 16)
    for (int i = 0; i < samples; i++)
      out[i] = ((const guint16 *) (gconstpointer) in)[i] >> 8;
  else /* 1 bit, 1 is black */
    for (int i = 0; i < samples; i++)
      out[i] = (in[i / 8] & (0x80 >> (i % 8))) ? 0 : 255;
}

static XsScanPage *
read_page (SANE_Handle    handle,
           guint          number,
           int            dpi,
           const char    *device,
           GTask         *task,
           GCancellable  *cancellable,
           GError       **error)
{
  SANE_Parameters params;
  SANE_Status status;
  g_autoptr(GByteArray) raw = g_byte_array_new ();
  g_autoptr(GByteArray) pixels = NULL;
  g_autofree guint8 *buffer = NULL;
  int channels, rows, expected_rows;
  double last_reported = 0;
  XsScanPage *page;

  status = sane_get_parameters (handle, &params);
  if (status != SANE_STATUS_GOOD)
    {
      set_status_error (error, status, number, device);
      return NULL;
    }
  if (params.format == SANE_FRAME_GRAY)
    channels = 1;
  else if (params.format == SANE_FRAME_RGB && params.depth != 1)
    channels = 3;
  else
    {
      g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_FORMAT,
                   _("The scanner “%s” sends its pictures in a form this program cannot read "
                     "(three passes or line art in colour). Choose grey or another scanner."),
                   device);
      return NULL;
    }
  if ((params.depth != 1 && params.depth != 8 && params.depth != 16) ||
      params.pixels_per_line <= 0 || params.bytes_per_line <= 0 ||
      params.bytes_per_line < (params.pixels_per_line * channels * params.depth + 7) / 8)
    {
      g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_FORMAT,
                   _("The scanner “%s” sends pictures this program cannot read (%d bits "
                     "per sample)."), device, params.depth);
      return NULL;
    }

  expected_rows = params.lines;   /* -1: not known in advance */
  buffer = g_malloc (64 * 1024);
  /* Cancelling is seen between reads, on the worker thread: a backend is
   * only ever called from it. sane_cancel() from the thread that cancels
   * would race the worker's sane_read() (the test backend closes the pipe
   * the worker is reading and joins its reader thread from both sides), and
   * a scanner sends data often enough that the next read comes soon. */
  for (;;)
    {
      SANE_Int length = 0;
      gsize total;

      if (g_cancellable_is_cancelled (cancellable))
        {
          set_cancelled (error);
          return NULL;
        }
      status = sane_read (handle, buffer, 64 * 1024, &length);
      if (status == SANE_STATUS_EOF)
        break;
      if (status != SANE_STATUS_GOOD)
        {
          if (g_cancellable_is_cancelled (cancellable))
            set_cancelled (error);
          else
            set_status_error (error, status, number, device);
          return NULL;
        }
      g_byte_array_append (raw, buffer, length);
      if (raw->len > MAX_PAGE_BYTES)
        {
          g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_FORMAT,
                       _("Page %u is larger than any paper this program takes; scan at a "
                         "lower resolution."), number);
          return NULL;
        }
      total = expected_rows > 0 ? (gsize) expected_rows * params.bytes_per_line : 0;
      if (total > 0)
        {
          double fraction = MIN (1.0, (double) raw->len / total);

          if (fraction - last_reported >= 0.1)
            {
              g_autofree guint8 *partial = NULL;
              int done = raw->len / params.bytes_per_line;

              last_reported = fraction;
              /* The thumbnail is drawn from a copy unpacked up to here. */
              partial = g_malloc0 ((gsize) params.pixels_per_line * channels * expected_rows);
              for (int y = 0; y < done; y++)
                unpack_row (raw->data + (gsize) y * params.bytes_per_line,
                            partial + (gsize) y * params.pixels_per_line * channels,
                            params.pixels_per_line, channels, params.depth);
              report_progress (task, number, fraction, partial, params.pixels_per_line,
                               expected_rows, channels, done);
            }
        }
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      set_cancelled (error);
      return NULL;
    }

  rows = raw->len / params.bytes_per_line;
  if (rows == 0 || (expected_rows > 0 && rows < expected_rows))
    {
      set_status_error (error, SANE_STATUS_IO_ERROR, number, device);
      return NULL;
    }
  pixels = g_byte_array_sized_new ((guint) params.pixels_per_line * channels * rows);
  g_byte_array_set_size (pixels, (guint) params.pixels_per_line * channels * rows);
  for (int y = 0; y < rows; y++)
    unpack_row (raw->data + (gsize) y * params.bytes_per_line,
                pixels->data + (gsize) y * params.pixels_per_line * channels,
                params.pixels_per_line, channels, params.depth);

  page = g_new0 (XsScanPage, 1);
  page->width = params.pixels_per_line;
  page->height = rows;
  page->channels = channels;
  page->dpi = dpi;
  page->pixels = g_byte_array_free_to_bytes (g_steal_pointer (&pixels));
  report_progress (task, number, 1.0, g_bytes_get_data (page->pixels, NULL),
                   page->width, page->height, channels, rows);
  return page;
}

static SANE_Status
open_device (const char  *wanted,
             char       **name_out,
             SANE_Handle *handle,
             GError     **error)
{
  const SANE_Device **list = NULL;
  SANE_Status status;

  if (wanted == NULL)
    {
      status = sane_get_devices (&list, SANE_FALSE);
      if (status != SANE_STATUS_GOOD || list == NULL || list[0] == NULL)
        {
          g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_NO_DEVICE,
                       _("No scanner was found. Check that it is switched on and connected "
                         "to this computer, then try again."));
          return SANE_STATUS_INVAL;
        }
      wanted = list[0]->name;
    }
  *name_out = g_strdup (wanted);
  status = sane_open (wanted, handle);
  if (status == SANE_STATUS_GOOD)
    return status;
  if (status == SANE_STATUS_DEVICE_BUSY || status == SANE_STATUS_ACCESS_DENIED)
    set_status_error (error, status, 1, wanted);
  else
    g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_NO_DEVICE,
                 _("The scanner “%s” is not there. Check that it is switched on and "
                   "connected, or choose another scanner."), wanted);
  return status;
}

GPtrArray *
_xs_scanner_run (const char    *wanted,
                 XsScanMode     mode,
                 int            resolution,
                 guint          pages,
                 GTask         *task,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autofree char *name = NULL;
  SANE_Handle handle = NULL;
  SANE_Status status;
  SANE_Int version = 0;
  gboolean feeder = FALSE;
  int dpi;

  status = sane_init (&version, NULL);
  if (status != SANE_STATUS_GOOD)
    {
      g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_FAILED,
                   _("The scanner library could not start (%s)."), sane_strstatus (status));
      return NULL;
    }
  if (open_device (wanted, &name, &handle, error) != SANE_STATUS_GOOD)
    {
      sane_exit ();
      return NULL;
    }

  dpi = apply_options (handle, mode, resolution, pages != 1, &feeder);
  if (pages == 0 && !feeder)
    pages = 1;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_scan_page_free);
  for (guint number = 1; pages == 0 || number <= pages; number++)
    {
      XsScanPage *page;

      if (g_cancellable_is_cancelled (cancellable))
        {
          set_cancelled (error);
          g_clear_pointer (&result, g_ptr_array_unref);
          break;
        }
      if (number > XS_SCANNER_MAX_PAGES)
        break;
      report_progress (task, number, 0.0, NULL, 0, 0, 0, 0);
      status = sane_start (handle);
      if (status == SANE_STATUS_NO_DOCS && feeder && pages == 0 && number > 1)
        break;   /* the feeder ran empty: every page is in */
      if (status != SANE_STATUS_GOOD)
        {
          if (g_cancellable_is_cancelled (cancellable))
            set_cancelled (error);
          else if (status == SANE_STATUS_NO_DOCS && number > 1)
            g_set_error (error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_NO_DOCS,
                         _("The feeder ran empty after %u of %u pages. Put the missing "
                           "pages in and scan again; nothing was stored."), number - 1, pages);
          else
            set_status_error (error, status, number, name);
          g_clear_pointer (&result, g_ptr_array_unref);
          break;
        }
      page = read_page (handle, number, dpi, name, task, cancellable, error);
      if (page == NULL)
        {
          g_clear_pointer (&result, g_ptr_array_unref);
          break;
        }
      g_ptr_array_add (result, page);
    }

  /* Backends that read in a thread of their own stop it with an
   * asynchronous cancel; caught inside the allocator right after starting,
   * it would leave the allocator locked. Give it a moment to settle. */
  if (result == NULL)
    g_usleep (50 * 1000);
  sane_cancel (handle);
  sane_close (handle);
  sane_exit ();

  if (result != NULL && result->len == 0)
    {
      set_status_error (error, SANE_STATUS_NO_DOCS, 1, name);
      g_clear_pointer (&result, g_ptr_array_unref);
    }
  return g_steal_pointer (&result);
}
