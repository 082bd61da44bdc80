/* xs-certificate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A certificate is its document: the texts chosen when it was issued, in
 * the order they are drawn. Storing the document rather than the roster
 * fields it came from is what keeps a reprint identical after a trainee's
 * name, the base's name or the seal changes.
 */
#define G_LOG_DOMAIN "xs-certificate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include <errno.h>
#include <string.h>

#include "xs-certificate-paint.h"
#include "xs-certificate-private.h"
#include "xs-png-read.h"

/* 1: the texts; 2: also the field of each line, the template, the
 * printer's offset and what drew it (the PDF is no longer stored). */
#define DOCUMENT_VERSION 2

G_DEFINE_FINAL_TYPE (XsCertificate, xs_certificate, G_TYPE_OBJECT)

static void
xs_certificate_finalize (GObject *object)
{
  XsCertificate *self = XS_CERTIFICATE (object);

  g_free (self->serial);
  g_free (self->serial_text);
  g_free (self->holder);
  g_free (self->title);
  g_ptr_array_unref (self->lines);
  g_ptr_array_unref (self->keys);
  g_clear_object (&self->template);
  g_free (self->renderer);
  g_free (self->statement);
  g_ptr_array_unref (self->issuers);
  g_free (self->date);
  g_free (self->issued_on);
  g_free (self->payload);
  g_clear_pointer (&self->qr, QRcode_free);
  g_clear_pointer (&self->seal, g_bytes_unref);
  g_free (self->seal_hash);
  g_clear_pointer (&self->seal_surface, cairo_surface_destroy);

  G_OBJECT_CLASS (xs_certificate_parent_class)->finalize (object);
}

static void
xs_certificate_class_init (XsCertificateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_certificate_finalize;
}

static void
xs_certificate_init (XsCertificate *self)
{
  self->lines = g_ptr_array_new_with_free_func (g_free);
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->issuers = g_ptr_array_new_with_free_func (g_free);
}

XsCertificate *
_xs_certificate_new (XsCertificateKind        kind,
                     int                      year,
                     XsCertificateOrientation orientation)
{
  XsCertificate *self = g_object_new (XS_TYPE_CERTIFICATE, NULL);

  self->kind = kind;
  self->year = year;
  self->orientation = orientation;
  return self;
}

void
_xs_certificate_set_serial (XsCertificate *self,
                            const char    *serial)
{
  g_free (self->serial);
  self->serial = g_strdup (serial);
}

void
_xs_certificate_set_serial_text (XsCertificate *self,
                                 const char    *serial_text)
{
  g_free (self->serial_text);
  self->serial_text = g_strdup (serial_text);
}

void
_xs_certificate_set_holder (XsCertificate *self,
                            const char    *holder)
{
  g_free (self->holder);
  self->holder = g_strdup (holder);
}

void
_xs_certificate_set_title (XsCertificate *self,
                           const char    *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
}

void
_xs_certificate_add_line (XsCertificate *self,
                          const char    *key,
                          const char    *label,
                          const char    *value)
{
  g_ptr_array_add (self->keys, g_strdup (key));
  g_ptr_array_add (self->lines, g_strdup (label));
  g_ptr_array_add (self->lines, g_strdup (value));
}

void
_xs_certificate_set_statement (XsCertificate *self,
                               const char    *statement)
{
  g_free (self->statement);
  self->statement = g_strdup (statement);
}

void
_xs_certificate_add_issuer (XsCertificate *self,
                            const char    *issuer)
{
  g_ptr_array_add (self->issuers, g_strdup (issuer));
}

void
_xs_certificate_set_date (XsCertificate *self,
                          const char    *date)
{
  g_free (self->date);
  self->date = g_strdup (date);
}

void
_xs_certificate_set_issued_on (XsCertificate *self,
                               const char    *iso_date)
{
  g_free (self->issued_on);
  self->issued_on = g_strdup (iso_date);
}

void
_xs_certificate_set_payload (XsCertificate *self,
                             const char    *payload)
{
  g_free (self->payload);
  self->payload = g_strdup (payload);
  g_clear_pointer (&self->qr, QRcode_free);
}

void
_xs_certificate_set_seal (XsCertificate *self,
                          GBytes        *seal_png)
{
  g_clear_pointer (&self->seal, g_bytes_unref);
  g_clear_pointer (&self->seal_hash, g_free);
  g_clear_pointer (&self->seal_surface, cairo_surface_destroy);
  if (seal_png != NULL)
    {
      self->seal = g_bytes_ref (seal_png);
      self->seal_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, seal_png);
    }
}

void
_xs_certificate_set_template (XsCertificate         *self,
                              XsCertificateTemplate *template,
                              int                    offset_x,
                              int                    offset_y)
{
  g_set_object (&self->template, template);
  self->offset_x = offset_x;
  self->offset_y = offset_y;
  g_free (self->renderer);
  self->renderer = g_strdup (_xs_certificate_get_renderer ());
  if (template != NULL)
    self->orientation = xs_certificate_template_get_orientation (template);
}

const char *
_xs_certificate_get_field_text (XsCertificate *self,
                                const char    *key)
{
  if (g_str_equal (key, "title"))
    return self->title;
  if (g_str_equal (key, "serial"))
    return self->serial_text;
  if (g_str_equal (key, "statement"))
    return self->statement;
  if (g_str_equal (key, "date"))
    return self->date;
  if (g_str_equal (key, "issuer"))
    return self->issuers->len > 0 ? g_ptr_array_index (self->issuers, 0) : NULL;
  if (g_str_equal (key, "issuer2"))
    return self->issuers->len > 1 ? g_ptr_array_index (self->issuers, 1) : NULL;
  for (guint i = 0; i < self->keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->keys, i), key) == 0)
      return g_ptr_array_index (self->lines, 2 * i + 1);
  return NULL;
}

const char *
_xs_certificate_get_seal_hash (XsCertificate *self)
{
  return self->seal_hash;
}

static void
add_string_array (JsonBuilder *builder,
                  const char  *name,
                  GPtrArray   *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

char *
xs_certificate_to_json (XsCertificate *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (XS_IS_CERTIFICATE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  /* a document read from version 1 is written as it was */
  json_builder_add_int_value (builder, self->template != NULL ? DOCUMENT_VERSION : 1);
  add_string (builder, "kind", self->kind == XS_CERTIFICATE_ANNUAL ? "annual" : "completion");
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, self->year);
  add_string (builder, "orientation",
              self->orientation == XS_CERTIFICATE_LANDSCAPE ? "landscape" : "portrait");
  add_string (builder, "serial", self->serial);
  add_string (builder, "serial_text", self->serial_text);
  add_string (builder, "holder", self->holder);
  add_string (builder, "title", self->title);
  add_string_array (builder, "lines", self->lines);
  add_string (builder, "statement", self->statement);
  add_string_array (builder, "issuers", self->issuers);
  add_string (builder, "date", self->date);
  add_string (builder, "issued_on", self->issued_on);
  add_string (builder, "payload", self->payload);
  add_string (builder, "seal", self->seal_hash);
  if (self->template != NULL)
    {
      add_string_array (builder, "keys", self->keys);
      add_string (builder, "template", xs_certificate_template_get_name (self->template));
      add_string (builder, "template_sha256", xs_certificate_template_get_hash (self->template));
      json_builder_set_member_name (builder, "offset");
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, self->offset_x);
      json_builder_add_int_value (builder, self->offset_y);
      json_builder_end_array (builder);
      add_string (builder, "renderer", self->renderer);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gpointer
bad_document (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("A stored certificate is damaged and cannot be shown."));
  return NULL;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_string_array (JsonObject *object,
                   const char *name,
                   GPtrArray  *into)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return FALSE;
      g_ptr_array_add (into, g_strdup (json_node_get_string (element)));
    }
  return TRUE;
}

XsCertificate *
xs_certificate_new_from_json (const char  *json,
                              GBytes      *seal_png,
                              GError     **error)
{
  g_return_val_if_fail (json != NULL, NULL);

  return _xs_certificate_new_from_snapshot (json, seal_png, NULL, error);
}

/* The template a version 2 document names: the data stored with it, or
 * the built-in one of that name while it is still the same. */
static gboolean
read_template (XsCertificate *self,
               JsonObject    *object,
               GBytes        *template_data)
{
  const char *name = get_string (object, "template");
  const char *hash = get_string (object, "template_sha256");
  JsonNode *node = json_object_get_member (object, "offset");
  g_autoptr(XsCertificateTemplate) template = NULL;
  JsonArray *offset;

  if (name == NULL || hash == NULL || node == NULL || !JSON_NODE_HOLDS_ARRAY (node)
      || json_array_get_length (offset = json_node_get_array (node)) != 2
      || !read_string_array (object, "keys", self->keys)
      || self->keys->len * 2 != self->lines->len)
    return FALSE;
  if (template_data != NULL)
    template = xs_certificate_template_new_from_data (template_data, name, NULL);
  else
    template = xs_certificate_template_new_builtin (name);
  if (template == NULL || !g_str_equal (xs_certificate_template_get_hash (template), hash))
    return FALSE;
  self->template = g_steal_pointer (&template);
  self->offset_x = json_array_get_int_element (offset, 0);
  self->offset_y = json_array_get_int_element (offset, 1);
  self->renderer = g_strdup (get_string (object, "renderer"));
  return TRUE;
}

XsCertificate *
_xs_certificate_new_from_snapshot (const char  *json,
                                   GBytes      *seal_png,
                                   GBytes      *template_data,
                                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(XsCertificate) self = NULL;
  JsonObject *object;
  const char *kind, *orientation, *seal_hash;
  gint64 version;

  if (!json_parser_load_from_data (parser, json, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return bad_document (error);
  object = json_node_get_object (json_parser_get_root (parser));
  kind = get_string (object, "kind");
  orientation = get_string (object, "orientation");
  version = json_object_get_int_member_with_default (object, "version", 0);
  if (version < 1 || version > DOCUMENT_VERSION || kind == NULL || orientation == NULL)
    return bad_document (error);

  self = _xs_certificate_new (g_str_equal (kind, "annual") ? XS_CERTIFICATE_ANNUAL : XS_CERTIFICATE_COMPLETION,
                              json_object_get_int_member_with_default (object, "year", 0),
                              g_str_equal (orientation, "landscape") ? XS_CERTIFICATE_LANDSCAPE : XS_CERTIFICATE_PORTRAIT);
  self->serial = g_strdup (get_string (object, "serial"));
  self->serial_text = g_strdup (get_string (object, "serial_text"));
  self->holder = g_strdup (get_string (object, "holder"));
  self->title = g_strdup (get_string (object, "title"));
  self->statement = g_strdup (get_string (object, "statement"));
  self->date = g_strdup (get_string (object, "date"));
  self->issued_on = g_strdup (get_string (object, "issued_on"));
  self->payload = g_strdup (get_string (object, "payload"));
  if (!read_string_array (object, "lines", self->lines)
      || self->lines->len % 2 != 0
      || !read_string_array (object, "issuers", self->issuers)
      || self->holder == NULL || self->title == NULL
      || (version >= 2 && !read_template (self, object, template_data)))
    return bad_document (error);

  /* The seal must be the one the document names. */
  seal_hash = get_string (object, "seal");
  if (seal_hash != NULL)
    {
      if (seal_png == NULL)
        return bad_document (error);
      _xs_certificate_set_seal (self, seal_png);
      if (!g_str_equal (self->seal_hash, seal_hash))
        return bad_document (error);
    }
  return g_steal_pointer (&self);
}

XsCertificateKind
xs_certificate_get_kind (XsCertificate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE (self), 0);
  return self->kind;
}

const char *
xs_certificate_get_serial (XsCertificate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE (self), NULL);
  return self->serial;
}

int
xs_certificate_get_year (XsCertificate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE (self), 0);
  return self->year;
}

const char *
xs_certificate_get_holder (XsCertificate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE (self), NULL);
  return self->holder;
}

const char *
xs_certificate_get_payload (XsCertificate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE (self), NULL);
  return self->payload;
}

GBytes *
xs_certificate_get_seal (XsCertificate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE (self), NULL);
  return self->seal;
}

gboolean
xs_certificate_is_drawn_as_issued (XsCertificate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE (self), FALSE);
  return self->renderer == NULL || g_str_equal (self->renderer, _xs_certificate_get_renderer ());
}

XsCertificateOrientation
xs_certificate_get_orientation (XsCertificate *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE (self), 0);
  return self->orientation;
}

void
xs_certificate_get_page_size (XsCertificate *self,
                              double        *width,
                              double        *height)
{
  /* ISO A4, 210 × 297 mm */
  const double short_side = 210 / 25.4 * 72;
  const double long_side = 297 / 25.4 * 72;

  g_return_if_fail (XS_IS_CERTIFICATE (self));

  if (self->template != NULL)
    {
      xs_certificate_template_get_page_size (self->template, width, height);
      return;
    }
  if (self->orientation == XS_CERTIFICATE_LANDSCAPE)
    {
      *width = long_side;
      *height = short_side;
    }
  else
    {
      *width = short_side;
      *height = long_side;
    }
}

const QRcode *
_xs_certificate_get_qr (XsCertificate *self)
{
  /* encoded once (all eight masks are tried: a millisecond) */
  if (self->qr == NULL && self->payload != NULL)
    {
      self->qr = QRcode_encodeString (self->payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
      if (self->qr == NULL)
        g_warning ("Could not encode a QR code: %s", g_strerror (errno));
    }
  return self->qr;
}

/* Decoded seals by their SHA-256, shared by every certificate that shows
 * one: a batch decodes a seal once, and a PDF holds it once. A base has
 * one seal, and a few over the years. */
G_LOCK_DEFINE_STATIC (seals);
static GHashTable *seals;

cairo_surface_t *
_xs_certificate_get_seal_surface (XsCertificate *self)
{
  if (self->seal == NULL)
    return NULL;
  if (self->seal_surface == NULL)
    {
      cairo_surface_t *surface;

      G_LOCK (seals);
      if (seals == NULL)
        seals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) cairo_surface_destroy);
      surface = g_hash_table_lookup (seals, self->seal_hash);
      if (surface != NULL)
        {
          self->seal_surface = cairo_surface_reference (surface);
          G_UNLOCK (seals);
          return self->seal_surface;
        }
      surface = _xs_png_read (self->seal);
      if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
        {
          G_UNLOCK (seals);
          g_warning ("The seal image of %s cannot be read", self->serial ? self->serial : "a preview");
          cairo_surface_destroy (surface);
          return NULL;
        }
      /* One image object in a PDF, however many pages show it. The
       * surface is kept for other certificates: the id is its own copy. */
      {
        char *unique_id = g_strdup (self->seal_hash);

        cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_UNIQUE_ID,
                                     (const guchar *) unique_id, strlen (unique_id),
                                     g_free, unique_id);
      }
      g_hash_table_insert (seals, g_strdup (self->seal_hash), cairo_surface_reference (surface));
      G_UNLOCK (seals);
      self->seal_surface = surface;
    }
  return self->seal_surface;
}
