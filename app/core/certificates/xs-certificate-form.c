/* xs-certificate-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A certificate on pre-printed paper (套打): each field the template names
 * goes into its box, in mm from the paper's top left corner, with the
 * template's font and size; nothing else is drawn unless the template
 * asks for the frame, the title or the seal. A text too long for its box
 * wraps within the box's width, then shrinks step by step to the floor
 * size; if it still does not fit, issuing refuses that person, naming the
 * field.
 */
#define G_LOG_DOMAIN "xs-certificate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "xs-certificate-paint.h"
#include "xs-certificate-private.h"
#include "xs-db.h"

#define MM        (72 / 25.4)
#define FALLBACK  "Noto Serif CJK SC, Noto Serif CJK JP, Noto Serif CJK TC, Noto Sans CJK SC, serif"
#define STEP      0.5
#define QR_QUIET  XS_CERTIFICATE_QR_QUIET
#define QR_MODULE_MM 0.5

/* The layout of @text in @field's box at the largest size from the
 * field's down to the floor that fits; NULL when none does. */
static PangoLayout *
fit_field (PangoContext          *context,
           const XsTemplateField *field,
           const char            *text)
{
  double floor_size = MIN (field->size, XS_CERTIFICATE_FLOOR_SIZE);

  for (double size = field->size; size >= floor_size - 1e-6; size -= STEP)
    {
      g_autofree char *family = g_strdup_printf ("%s, %s", field->font, FALLBACK);
      PangoFontDescription *description = pango_font_description_from_string (family);
      PangoLayout *layout = pango_layout_new (context);
      PangoRectangle logical;
      gboolean fits;

      pango_font_description_set_size (description, (int) (size * PANGO_SCALE));
      if (field->bold)
        pango_font_description_set_weight (description, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, description);
      pango_font_description_free (description);
      pango_layout_set_text (layout, text, -1);
      pango_layout_set_width (layout, (int) (field->width * MM * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, field->align == XS_TEMPLATE_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                          : field->align == XS_TEMPLATE_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                          : PANGO_ALIGN_LEFT);
      pango_layout_get_extents (layout, NULL, &logical);
      if (field->height > 0)
        fits = logical.height / (double) PANGO_SCALE <= field->height * MM + 0.01;
      else
        fits = pango_layout_get_line_count (layout) <= 1;
      if (fits)
        return layout;
      g_object_unref (layout);
    }
  return NULL;
}

gboolean
_xs_certificate_form_check (XsCertificate  *self,
                            GError        **error)
{
  XsCertificateTemplate *template = self->template;
  PangoContext *context = _xs_certificate_create_context (NULL);
  gboolean fits = TRUE;

  for (guint i = 0; fits && i < xs_certificate_template_get_n_fields (template); i++)
    {
      const XsTemplateField *field = xs_certificate_template_get_field (template, i);
      const char *text;

      if (g_str_equal (field->field, "seal"))
        continue;
      if (g_str_equal (field->field, "qr"))
        {
          const QRcode *code = _xs_certificate_get_qr (self);

          if (code != NULL && field->width / (code->width + 2 * QR_QUIET) < QR_MODULE_MM)
            {
              g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                           _("The QR code’s box in the template “%s” is too small: make its “width” at least %.0f mm"),
                           xs_certificate_template_get_name (template),
                           ceil ((code->width + 2 * QR_QUIET) * QR_MODULE_MM));
              fits = FALSE;
            }
          continue;
        }
      text = _xs_certificate_get_field_text (self, field->field);
      if (text != NULL)
        {
          PangoLayout *layout = fit_field (context, field, text);

          if (layout == NULL)
            {
              g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                           _("“%s” is too long for its box in the template “%s” even in %g-point type: shorten it, or widen the box"),
                           field->field, xs_certificate_template_get_name (template),
                           MIN (field->size, XS_CERTIFICATE_FLOOR_SIZE));
              fits = FALSE;
            }
          g_clear_object (&layout);
        }
    }
  g_object_unref (context);
  return fits;
}

void
_xs_certificate_form_draw (XsCertificate *self,
                           cairo_t       *cr)
{
  XsCertificateTemplate *template = self->template;
  PangoContext *context = _xs_certificate_create_context (cr);
  double width, height;

  xs_certificate_template_get_page_size (template, &width, &height);
  if (xs_certificate_template_draws_frame (template))
    _xs_certificate_draw_frame (cr, width, height);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < xs_certificate_template_get_n_fields (template); i++)
    {
      const XsTemplateField *field = xs_certificate_template_get_field (template, i);
      const char *text;
      PangoLayout *layout;

      if (g_str_equal (field->field, "seal"))
        {
          cairo_surface_t *seal = _xs_certificate_get_seal_surface (self);
          double w, h, scale;

          if (seal == NULL || (w = cairo_image_surface_get_width (seal)) < 1
              || (h = cairo_image_surface_get_height (seal)) < 1)
            continue;
          scale = field->width * MM / MAX (w, h);
          cairo_save (cr);
          cairo_translate (cr, field->x * MM, field->y * MM);
          cairo_scale (cr, scale, scale);
          cairo_set_source_surface (cr, seal, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          continue;
        }
      if (g_str_equal (field->field, "qr"))
        {
          const QRcode *code = _xs_certificate_get_qr (self);

          if (code != NULL)
            _xs_certificate_draw_qr (cr, code, field->x * MM, field->y * MM, field->width * MM);
          continue;
        }
      text = _xs_certificate_get_field_text (self, field->field);
      if (text == NULL || (layout = fit_field (context, field, text)) == NULL)
        continue;
      cairo_move_to (cr, field->x * MM, field->y * MM);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }
  g_object_unref (context);
}

static void
cross (cairo_t *cr,
       double   x_mm,
       double   y_mm)
{
  double x = x_mm * MM, y = y_mm * MM, arm = 8 * MM;

  cairo_move_to (cr, x - arm, y);
  cairo_line_to (cr, x + arm, y);
  cairo_move_to (cr, x, y - arm);
  cairo_line_to (cr, x, y + arm);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, 3 * MM, 0, 2 * G_PI);
  cairo_stroke (cr);
}

static void
label (cairo_t      *cr,
       PangoContext *context,
       const char   *text,
       double        size,
       double        x_mm,
       double        y_mm)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (FALLBACK);

  pango_font_description_set_size (description, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x_mm * MM, y_mm * MM);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* A ruler along x (@horizontal) or y at @at mm, ticks every mm from
 * @from to @to mm, numbered every 10 mm. */
static void
ruler (cairo_t      *cr,
       PangoContext *context,
       gboolean      horizontal,
       double        at,
       double        from,
       double        to)
{
  for (int mm = (int) ceil (from); mm <= (int) floor (to); mm++)
    {
      double length = mm % 10 == 0 ? 4 : mm % 5 == 0 ? 2.5 : 1.5;

      if (horizontal)
        {
          cairo_move_to (cr, mm * MM, at * MM);
          cairo_line_to (cr, mm * MM, (at + length) * MM);
        }
      else
        {
          cairo_move_to (cr, at * MM, mm * MM);
          cairo_line_to (cr, (at + length) * MM, mm * MM);
        }
      if (mm % 10 == 0)
        {
          g_autofree char *number = g_strdup_printf ("%d", mm);

          cairo_stroke (cr);
          if (horizontal)
            label (cr, context, number, 6, mm + 0.5, at + 4);
          else
            label (cr, context, number, 6, at + 4.5, mm - 1.2);
        }
    }
  cairo_stroke (cr);
}

/* A rectangle on the calibration page, in mm. */
typedef struct
{
  double x, y, width, height;
} Box;

static gboolean
boxes_meet (const Box *a,
            const Box *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The box a field takes on the calibration page, in mm. */
static Box
field_box (const XsTemplateField *field)
{
  Box box = { field->x, field->y, field->width, 0 };

  box.height = g_str_equal (field->field, "qr") || g_str_equal (field->field, "seal")
               ? field->width : field->height > 0 ? field->height : field->size * 1.45 / MM;
  return box;
}

/* What the instructions must keep clear of: the rulers with their numbers,
 * the crosses with their labels and every field's box, a little apart. */
static GArray *
obstacles (XsCertificateTemplate *template,
           double                 w_mm,
           double                 h_mm)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  const double gap = 2;
  const Box fixed[] = {
    { 10, 40, w_mm - 20, 8 },                     /* the ruler along the top */
    { 40, 10, 9, h_mm - 20 },                     /* the ruler down the side */
    { 12, 12, 16, 16 }, { 24, 20, 18, 4 },        /* the crosses and their labels */
    { w_mm - 28, 12, 16, 16 },
    { 12, h_mm - 28, 16, 16 },
    { w_mm - 28, h_mm - 28, 16, 16 }, { w_mm - 45, h_mm - 28, 25, 4 },
    { w_mm / 2 - 8, h_mm / 2 - 8, 16, 16 }, { w_mm / 2 + 4, h_mm / 2 + 1, 25, 4 },
  };

  g_array_append_vals (boxes, fixed, G_N_ELEMENTS (fixed));
  if (xs_certificate_template_is_fixed (template))
    for (guint i = 0; i < xs_certificate_template_get_n_fields (template); i++)
      {
        Box box = field_box (xs_certificate_template_get_field (template, i));

        box.x -= gap;
        box.y -= gap;
        box.width += 2 * gap;
        box.height += 2 * gap;
        g_array_append_val (boxes, box);
      }
  return boxes;
}

static PangoLayout *
instruction_layout (PangoContext *context,
                    const char   *text,
                    double        size,
                    double        width_mm)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (FALLBACK);

  pango_font_description_set_size (description, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width_mm * MM * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height_mm (PangoLayout *layout)
{
  PangoRectangle ink, logical;

  pango_layout_get_extents (layout, &ink, &logical);
  return MAX (logical.y + logical.height, ink.y + ink.height) / (double) PANGO_SCALE / MM;
}

/* Lays out the heading and the instructions, measured, where no ruler,
 * cross or field box is: the widest block that fits, as high up as it
 * fits; as before, under the top ruler, when the form leaves no room. */
static void
draw_instructions (cairo_t               *cr,
                   PangoContext          *context,
                   XsCertificateTemplate *template,
                   const char            *heading,
                   const char            *instructions,
                   double                 w_mm,
                   double                 h_mm)
{
  g_autoptr(GArray) blocked = obstacles (template, w_mm, h_mm);
  const double left = 50, top = 50, margin = 12, gap = 1.5;
  PangoLayout *head = NULL, *body = NULL;
  Box place = { left, top, MAX (w_mm - 100, 40), 0 };
  gboolean found = FALSE;

  for (double width = MAX (w_mm - 100, 40); !found && width >= 40; width -= 10)
    {
      double height;

      g_clear_object (&head);
      g_clear_object (&body);
      head = instruction_layout (context, heading, 11, width);
      body = instruction_layout (context, instructions, 8, width);
      height = layout_height_mm (head) + gap + layout_height_mm (body);
      for (double y = top; !found && y + height <= h_mm - margin; y += 1)
        for (double x = left; !found && x + width <= w_mm - margin; x += 2)
          {
            Box candidate = { x, y, width, height };
            gboolean free = TRUE;

            for (guint i = 0; free && i < blocked->len; i++)
              free = !boxes_meet (&candidate, &g_array_index (blocked, Box, i));
            if (free)
              {
                place = candidate;
                found = TRUE;
              }
          }
    }
  if (!found)
    {
      g_clear_object (&head);
      g_clear_object (&body);
      head = instruction_layout (context, heading, 11, place.width);
      body = instruction_layout (context, instructions, 8, place.width);
    }
  cairo_move_to (cr, place.x * MM, place.y * MM);
  pango_cairo_show_layout (cr, head);
  cairo_move_to (cr, place.x * MM, (place.y + layout_height_mm (head) + gap) * MM);
  pango_cairo_show_layout (cr, body);
  g_object_unref (head);
  g_object_unref (body);
}

void
_xs_certificate_draw_calibration (XsCertificateTemplate *template,
                                  cairo_t               *cr,
                                  int                    offset_x,
                                  int                    offset_y)
{
  PangoContext *context;
  double width, height, w_mm, h_mm;
  g_autofree char *heading = NULL;
  g_autofree char *offset = NULL;

  xs_certificate_template_get_page_size (template, &width, &height);
  w_mm = width / MM;
  h_mm = height / MM;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, offset_x / 10.0 * MM, offset_y / 10.0 * MM);
  context = _xs_certificate_create_context (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.3);

  ruler (cr, context, TRUE, 40, 10, w_mm - 10);
  ruler (cr, context, FALSE, 40, 10, h_mm - 10);
  cross (cr, 20, 20);
  cross (cr, w_mm - 20, 20);
  cross (cr, 20, h_mm - 20);
  cross (cr, w_mm - 20, h_mm - 20);
  cross (cr, w_mm / 2, h_mm / 2);
  label (cr, context, "(20, 20)", 7, 24, 21);
  {
    g_autofree char *corner = g_strdup_printf ("(%g, %g)", w_mm - 20, h_mm - 20);
    g_autofree char *centre = g_strdup_printf ("(%g, %g)", w_mm / 2, h_mm / 2);

    label (cr, context, corner, 7, w_mm - 45, h_mm - 28);
    label (cr, context, centre, 7, w_mm / 2 + 4, h_mm / 2 + 1);
  }

  /* the boxes of a pre-printed form's fields, to hold against the paper */
  if (xs_certificate_template_is_fixed (template))
    {
      static const double dash[] = { 1.5 * MM, 1 * MM };

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.1, 0.3, 0.8);
      cairo_set_dash (cr, dash, 2, 0);
      for (guint i = 0; i < xs_certificate_template_get_n_fields (template); i++)
        {
          const XsTemplateField *field = xs_certificate_template_get_field (template, i);
          Box box = field_box (field);

          cairo_rectangle (cr, box.x * MM, box.y * MM, box.width * MM, box.height * MM);
          cairo_stroke (cr);
          label (cr, context, field->field, 6, field->x + 0.5, field->y + 0.3);
        }
      cairo_restore (cr);
    }

  heading = g_strdup_printf (_("Calibration page: template “%s”, %g × %g mm"),
                             xs_certificate_template_get_title (template), w_mm, h_mm);
  offset = g_strdup_printf (_("Printed with the offset %+.1f mm right, %+.1f mm down. Measure from the paper’s top left corner to the centre of each cross: where a cross lies a mm right and b mm down of where it should, subtract a and b from the offset in Preferences and print this page again."),
                            offset_x / 10.0, offset_y / 10.0);
  draw_instructions (cr, context, template, heading, offset, w_mm, h_mm);
  g_object_unref (context);
  cairo_restore (cr);
}
