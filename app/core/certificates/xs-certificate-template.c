/* xs-certificate-template.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template is a small JSON file. The two built-in designs say only
 * "flow": the measured layout of xs-certificate-draw.c on A4, frame, title
 * and seal drawn. A template for pre-printed paper ("fixed") places each
 * field it names at a box given in mm, with its font and size, and says
 * whether the frame, the title and the seal are drawn (usually not: the
 * paper has them). Everything is checked when the file is read, so that
 * drawing never meets a bad value.
 */
#define G_LOG_DOMAIN "xs-certificate-template"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "xs-certificate-template.h"
#include "xs-core-resources.h"
#include "xs-db.h"

#define RESOURCE_TEMPLATES "/io/github/xueshi/Xueshi/templates/"
#define FORMAT "xueshi-certificate-template"
#define MM (72 / 25.4)

#define MIN_PAPER   50.0   /* mm */
#define MAX_PAPER 1000.0
#define MIN_SIZE     5.0   /* points */
#define MAX_SIZE    72.0
#define MIN_QR      15.0   /* mm: 0.5 mm modules of the longest payload, quiet zone included */

static const char * const fields[] = {
  "title", "serial", "name", "sex", "id_number", "employer", "year", "public", "professional",
  "total", "class", "dates", "hours", "statement", "issuer", "issuer2", "date", "qr", "seal", NULL
};

struct _XsCertificateTemplate
{
  GObject                   parent_instance;

  char                     *name;
  char                     *title;
  GBytes                   *data;
  char                     *hash;
  gboolean                  builtin;
  gboolean                  fixed;
  gboolean                  frame, heading, seal;
  XsCertificateOrientation  orientation;
  double                    width_mm, height_mm;
  GArray                   *fields;       /* XsTemplateField */
  char                     *background_name; /* the blank form's scan, as the file names it */
  GBytes                   *background;   /* its bytes, PNG or JPEG */
};

G_DEFINE_FINAL_TYPE (XsCertificateTemplate, xs_certificate_template, G_TYPE_OBJECT)

static void
field_clear (gpointer data)
{
  XsTemplateField *field = data;

  g_free (field->field);
  g_free (field->font);
}

static void
xs_certificate_template_finalize (GObject *object)
{
  XsCertificateTemplate *self = XS_CERTIFICATE_TEMPLATE (object);

  g_free (self->name);
  g_free (self->title);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->hash);
  g_array_unref (self->fields);
  g_free (self->background_name);
  g_clear_pointer (&self->background, g_bytes_unref);

  G_OBJECT_CLASS (xs_certificate_template_parent_class)->finalize (object);
}

static void
xs_certificate_template_class_init (XsCertificateTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_certificate_template_finalize;
}

static void
xs_certificate_template_init (XsCertificateTemplate *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (XsTemplateField));
  g_array_set_clear_func (self->fields, field_clear);
}

static gpointer
refuse (GError     **error,
        const char  *source,
        const char  *format,
        ...) G_GNUC_PRINTF (3, 4);

static gpointer
refuse (GError     **error,
        const char  *source,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
               /* Translators: the first %s is a file name, the second what is wrong with it */
               _("The certificate template “%s” cannot be used: %s"), source, message);
  return NULL;
}

/* A number member, or NAN when missing or not a number. */
static double
get_number (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NAN;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return json_node_get_double (node);
    default:
      return NAN;
    }
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A boolean member; @fallback when missing; -1 when not a boolean. */
static int
get_boolean (JsonObject *object,
             const char *name,
             gboolean    fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return fallback;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return -1;
  return json_node_get_boolean (node);
}

static gboolean
valid_name (const char *name)
{
  if (name == NULL || *name == '\0' || strlen (name) > 40)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
font_installed (const char *family)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_autofree PangoFontFamily **families = NULL;
  int n = 0;

  pango_font_map_list_families (map, &families, &n);
  for (int i = 0; i < n; i++)
    if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), family) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
read_field (XsCertificateTemplate  *self,
            JsonNode               *node,
            guint                   index,
            const char             *source,
            GError                **error)
{
  XsTemplateField field = { 0 };
  JsonObject *object;
  const char *name, *font, *align;
  int bold;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, source, _("field %u is not an object"), index + 1), FALSE;
  object = json_node_get_object (node);
  name = get_string (object, "field");
  if (name == NULL)
    return refuse (error, source, _("field %u has no “field” (which text it places)"), index + 1), FALSE;
  if (!g_strv_contains (fields, name))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) fields);

      return refuse (error, source, _("field %u: “%s” is not a field a certificate has (known: %s)"),
                     index + 1, name, known), FALSE;
    }
  field.x = get_number (object, "x");
  field.y = get_number (object, "y");
  field.width = get_number (object, "width");
  field.height = json_object_has_member (object, "height") ? get_number (object, "height") : 0;
  if (isnan (field.x) || isnan (field.y) || isnan (field.width))
    return refuse (error, source, _("field “%s” needs “x”, “y” and “width”, in mm"), name), FALSE;
  if (isnan (field.height) || field.x < 0 || field.y < 0 || field.width <= 0 || field.height < 0
      || field.x + field.width > self->width_mm || field.y + field.height > self->height_mm)
    return refuse (error, source, _("field “%s” lies off the %g × %g mm paper or has no width"),
                   name, self->width_mm, self->height_mm), FALSE;

  if (g_str_equal (name, "seal"))
    ;  /* a square of side "width" */
  else if (g_str_equal (name, "qr"))
    {
      if (field.width < MIN_QR || field.y + field.width > self->height_mm || field.height != 0)
        return refuse (error, source, _("the QR code needs a side (“width”) of at least %g mm on the paper"),
                       MIN_QR), FALSE;
    }
  else
    {
      field.size = get_number (object, "size");
      if (isnan (field.size) || field.size < MIN_SIZE || field.size > MAX_SIZE)
        return refuse (error, source, _("field “%s” needs a “size” from %g to %g points"),
                       name, MIN_SIZE, MAX_SIZE), FALSE;
      if (field.y + (field.height > 0 ? field.height : field.size / MM) > self->height_mm)
        return refuse (error, source, _("field “%s” lies off the %g × %g mm paper or has no width"),
                       name, self->width_mm, self->height_mm), FALSE;
      font = get_string (object, "font");
      if (font == NULL)
        font = "Noto Serif CJK SC";
      if (!font_installed (font))
        return refuse (error, source, _("field “%s”: the font “%s” is not installed on this computer"),
                       name, font), FALSE;
      bold = get_boolean (object, "bold", FALSE);
      align = get_string (object, "align");
      if (bold < 0)
        return refuse (error, source, _("field “%s”: “bold” is true or false"), name), FALSE;
      if (align == NULL || g_str_equal (align, "left"))
        field.align = XS_TEMPLATE_ALIGN_LEFT;
      else if (g_str_equal (align, "center"))
        field.align = XS_TEMPLATE_ALIGN_CENTER;
      else if (g_str_equal (align, "right"))
        field.align = XS_TEMPLATE_ALIGN_RIGHT;
      else
        return refuse (error, source, _("field “%s”: “align” is left, center or right"), name), FALSE;
      field.font = g_strdup (font);
      field.bold = bold;
    }
  for (guint i = 0; i < self->fields->len; i++)
    if (g_str_equal (g_array_index (self->fields, XsTemplateField, i).field, name))
      {
        g_free (field.font);
        return refuse (error, source, _("field “%s” is placed twice"), name), FALSE;
      }
  field.field = g_strdup (name);
  g_array_append_val (self->fields, field);
  return TRUE;
}

XsCertificateTemplate *
xs_certificate_template_new_from_data (GBytes      *data,
                                       const char  *source,
                                       GError     **error)
{
  g_autoptr(XsCertificateTemplate) self = g_object_new (XS_TYPE_CERTIFICATE_TEMPLATE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) json_error = NULL;
  JsonObject *object, *page;
  JsonNode *node;
  const char *format, *name, *layout, *orientation, *title;
  int frame, heading, seal;
  gsize length;
  const char *text;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (source != NULL, NULL);

  text = g_bytes_get_data (data, &length);
  if (length > XS_TEMPLATE_MAX_SIZE)
    return refuse (error, source, _("it is larger than %d KB; a template is a small text file"),
                   XS_TEMPLATE_MAX_SIZE / 1024);
  if (length == 0 || !g_utf8_validate_len (text, length, NULL))
    return refuse (error, source, _("it is not a text file in UTF-8"));
  if (!json_parser_load_from_data (parser, text, length, &json_error))
    return refuse (error, source, _("it is not valid JSON (%s)"), json_error->message);
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return refuse (error, source, _("it is not a certificate template"));
  object = json_node_get_object (json_parser_get_root (parser));
  format = get_string (object, "format");
  if (g_strcmp0 (format, FORMAT) != 0)
    return refuse (error, source, _("it is not a certificate template (“format” is not “%s”)"), FORMAT);
  if (get_number (object, "version") != 1)
    return refuse (error, source, _("it is of a version this program does not know (“version” is not 1)"));
  name = get_string (object, "name");
  if (!valid_name (name))
    return refuse (error, source, _("its “name” must be 1 to 40 letters a–z, digits, “-” or “_”"));
  title = get_string (object, "title");
  layout = get_string (object, "layout");
  if (g_strcmp0 (layout, "flow") != 0 && g_strcmp0 (layout, "fixed") != 0)
    return refuse (error, source, _("its “layout” must be “fixed” (fields at places in mm) or “flow”"));

  self->name = g_strdup (name);
  self->title = g_strdup (title != NULL && *title != '\0' ? title : name);
  self->data = g_bytes_ref (data);
  self->hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  self->fixed = g_str_equal (layout, "fixed");

  /* on pre-printed paper the title and the seal are fields, placed or not */
  frame = get_boolean (object, "frame", !self->fixed);
  heading = get_boolean (object, "heading", !self->fixed);
  seal = get_boolean (object, "seal", !self->fixed);
  if (self->fixed && (json_object_has_member (object, "heading") || json_object_has_member (object, "seal")))
    return refuse (error, source, _("on pre-printed paper the title and the seal are drawn only where “fields” place them"));
  if (frame < 0 || heading < 0 || seal < 0)
    return refuse (error, source, _("“frame”, “heading” and “seal” are true or false"));
  self->frame = frame;
  self->heading = heading;
  self->seal = seal;

  orientation = get_string (object, "orientation");
  self->orientation = g_strcmp0 (orientation, "landscape") == 0 ? XS_CERTIFICATE_LANDSCAPE : XS_CERTIFICATE_PORTRAIT;
  if (orientation != NULL && !g_str_equal (orientation, "landscape") && !g_str_equal (orientation, "portrait"))
    return refuse (error, source, _("its “orientation” is portrait or landscape"));
  self->width_mm = self->orientation == XS_CERTIFICATE_LANDSCAPE ? 297 : 210;
  self->height_mm = self->orientation == XS_CERTIFICATE_LANDSCAPE ? 210 : 297;

  if (!self->fixed)
    {
      if (json_object_has_member (object, "fields") || json_object_has_member (object, "paper"))
        return refuse (error, source, _("a “flow” template is A4 and places no fields"));
      return g_steal_pointer (&self);
    }

  node = json_object_get_member (object, "paper");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, source, _("it needs “paper”: {“width”: mm, “height”: mm}"));
  page = json_node_get_object (node);
  self->width_mm = get_number (page, "width");
  self->height_mm = get_number (page, "height");
  if (isnan (self->width_mm) || isnan (self->height_mm)
      || self->width_mm < MIN_PAPER || self->width_mm > MAX_PAPER
      || self->height_mm < MIN_PAPER || self->height_mm > MAX_PAPER)
    return refuse (error, source, _("the paper’s “width” and “height” must be from %g to %g mm"),
                   MIN_PAPER, MAX_PAPER);
  self->orientation = self->width_mm > self->height_mm ? XS_CERTIFICATE_LANDSCAPE : XS_CERTIFICATE_PORTRAIT;

  if (json_object_has_member (object, "background"))
    {
      const char *background = get_string (object, "background");

      /* a file beside the template, named without a folder */
      if (background == NULL || *background == '\0' || strchr (background, '/') != NULL
          || strchr (background, '\\') != NULL || g_str_equal (background, "..") || strlen (background) > 255)
        return refuse (error, source, _("its “background” is the file name of the blank form’s scan (PNG or JPEG) beside the template"));
      self->background_name = g_strdup (background);
    }

  node = json_object_get_member (object, "fields");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return refuse (error, source, _("it places no fields (“fields”: [{“field”: “name”, “x”: …}, …])"));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    if (!read_field (self, json_array_get_element (json_node_get_array (node), i), i, source, error))
      return NULL;
  return g_steal_pointer (&self);
}

XsCertificateTemplate *
xs_certificate_template_new_builtin (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  XsCertificateTemplate *self;

  g_return_val_if_fail (name != NULL, NULL);

  if (!g_str_equal (name, XS_TEMPLATE_PORTRAIT) && !g_str_equal (name, XS_TEMPLATE_LANDSCAPE))
    return NULL;
  g_resources_register (xs_core_get_resource ());
  path = g_strconcat (RESOURCE_TEMPLATES, name, ".json", NULL);
  bytes = g_resources_lookup_data (path, 0, &error);
  g_assert_no_error (error);
  self = xs_certificate_template_new_from_data (bytes, name, &error);
  g_assert_no_error (error);
  self->builtin = TRUE;
  return self;
}

XsCertificateTemplate *
xs_certificate_template_new_standard (XsCertificateOrientation orientation)
{
  return xs_certificate_template_new_builtin (orientation == XS_CERTIFICATE_LANDSCAPE
                                              ? XS_TEMPLATE_LANDSCAPE : XS_TEMPLATE_PORTRAIT);
}

const char *
xs_certificate_template_get_name (XsCertificateTemplate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), NULL);
  return self->name;
}

const char *
xs_certificate_template_get_title (XsCertificateTemplate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), NULL);
  if (self->builtin)
    return self->orientation == XS_CERTIFICATE_LANDSCAPE ? _("Standard, landscape") : _("Standard, portrait");
  return self->title;
}

gboolean
xs_certificate_template_is_builtin (XsCertificateTemplate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), FALSE);
  return self->builtin;
}

GBytes *
xs_certificate_template_get_data (XsCertificateTemplate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), NULL);
  return self->data;
}

const char *
xs_certificate_template_get_hash (XsCertificateTemplate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), NULL);
  return self->hash;
}

gboolean
xs_certificate_template_is_fixed (XsCertificateTemplate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), FALSE);
  return self->fixed;
}

gboolean
xs_certificate_template_draws_frame (XsCertificateTemplate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), TRUE);
  return self->frame;
}

gboolean
xs_certificate_template_draws_title (XsCertificateTemplate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), TRUE);
  return self->heading;
}

gboolean
xs_certificate_template_draws_seal (XsCertificateTemplate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), TRUE);
  return self->seal;
}

XsCertificateOrientation
xs_certificate_template_get_orientation (XsCertificateTemplate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), XS_CERTIFICATE_PORTRAIT);
  return self->orientation;
}

void
xs_certificate_template_get_page_size (XsCertificateTemplate *self,
                                       double                *width,
                                       double                *height)
{
  g_return_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self));

  if (!self->fixed)
    {
      /* ISO A4, 210 × 297 mm, as certificates always had */
      const double short_side = 210 / 25.4 * 72;
      const double long_side = 297 / 25.4 * 72;

      *width = self->orientation == XS_CERTIFICATE_LANDSCAPE ? long_side : short_side;
      *height = self->orientation == XS_CERTIFICATE_LANDSCAPE ? short_side : long_side;
      return;
    }
  *width = self->width_mm * MM;
  *height = self->height_mm * MM;
}

guint
xs_certificate_template_get_n_fields (XsCertificateTemplate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), 0);
  return self->fields->len;
}

const XsTemplateField *
xs_certificate_template_get_field (XsCertificateTemplate *self,
                                   guint                  i)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), NULL);
  g_return_val_if_fail (i < self->fields->len, NULL);
  return &g_array_index (self->fields, XsTemplateField, i);
}

const char *
xs_certificate_template_get_background_name (XsCertificateTemplate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), NULL);
  return self->background_name;
}

GBytes *
xs_certificate_template_get_background (XsCertificateTemplate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), NULL);
  return self->background;
}

gboolean
xs_certificate_template_set_background (XsCertificateTemplate  *self,
                                        GBytes                 *image,
                                        GError                **error)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff };
  const guint8 *data;
  gsize size = 0;

  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (self), FALSE);

  if (image != NULL)
    {
      data = g_bytes_get_data (image, &size);
      if (size > XS_TEMPLATE_MAX_BACKGROUND)
        return refuse (error, self->name, _("the scan of the blank form is larger than %d MB: scan it at 150 dpi, or save it as JPEG"),
                       XS_TEMPLATE_MAX_BACKGROUND / (1024 * 1024)), FALSE;
      if ((size < sizeof png || memcmp (data, png, sizeof png) != 0)
          && (size < sizeof jpeg || memcmp (data, jpeg, sizeof jpeg) != 0))
        return refuse (error, self->name, _("the scan of the blank form is not a PNG or JPEG image")), FALSE;
    }
  g_clear_pointer (&self->background, g_bytes_unref);
  self->background = image != NULL ? g_bytes_ref (image) : NULL;
  return TRUE;
}

const char * const *
xs_certificate_template_list_fields (void)
{
  return fields;
}
