/* xs-base-profile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-base-profile"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "xs-base-profile.h"
#include "xs-base-profile-record.h"
#include "xs-png-read.h"
#include "xs-signing-key.h"

#define KEY_FILE "signing-key"

G_DEFINE_ENUM_TYPE (XsCertificateOrientation, xs_certificate_orientation,
                    G_DEFINE_ENUM_VALUE (XS_CERTIFICATE_PORTRAIT, "portrait"),
                    G_DEFINE_ENUM_VALUE (XS_CERTIFICATE_LANDSCAPE, "landscape"))

G_DEFINE_ENUM_TYPE (XsCertificateLanguage, xs_certificate_language,
                    G_DEFINE_ENUM_VALUE (XS_CERTIFICATE_CHINESE, "zh"),
                    G_DEFINE_ENUM_VALUE (XS_CERTIFICATE_ENGLISH, "en"))

struct _XsBaseProfile
{
  GObject   parent_instance;

  XsBaseProfileRecord  values;   /* what is shown */
  XsBaseProfileRecord  stored;   /* what was loaded or saved */
  gboolean             saved;    /* the database's row has been saved once */
  char                *fingerprint;
};

G_DEFINE_FINAL_TYPE (XsBaseProfile, xs_base_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ISSUER,
  PROP_SEAL,
  PROP_ORIENTATION,
  PROP_FULL_ID_NUMBER,
  PROP_LANGUAGE,
  PROP_KEY_FINGERPRINT,
  PROP_EMPTY,
  PROP_ANNUAL_TEMPLATE,
  PROP_COMPLETION_TEMPLATE,
  PROP_OFFSET_X,
  PROP_OFFSET_Y,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xs_base_profile_finalize (GObject *object)
{
  XsBaseProfile *self = XS_BASE_PROFILE (object);

  xs_base_profile_record_clear (&self->values);
  xs_base_profile_record_clear (&self->stored);
  g_free (self->fingerprint);

  G_OBJECT_CLASS (xs_base_profile_parent_class)->finalize (object);
}

static void
xs_base_profile_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XsBaseProfile *self = XS_BASE_PROFILE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->values.name);
      break;
    case PROP_ISSUER:
      g_value_set_string (value, self->values.issuer);
      break;
    case PROP_SEAL:
      g_value_set_boxed (value, self->values.seal);
      break;
    case PROP_ORIENTATION:
      g_value_set_enum (value, self->values.orientation);
      break;
    case PROP_FULL_ID_NUMBER:
      g_value_set_boolean (value, self->values.full_id_number);
      break;
    case PROP_LANGUAGE:
      g_value_set_enum (value, self->values.language);
      break;
    case PROP_KEY_FINGERPRINT:
      g_value_set_string (value, self->fingerprint);
      break;
    case PROP_EMPTY:
      g_value_set_boolean (value, xs_base_profile_is_empty (self));
      break;
    case PROP_ANNUAL_TEMPLATE:
    case PROP_COMPLETION_TEMPLATE:
      g_value_set_string (value, self->values.kind_template[prop_id == PROP_COMPLETION_TEMPLATE]);
      break;
    case PROP_OFFSET_X:
    case PROP_OFFSET_Y:
      g_value_set_double (value, self->values.offset[prop_id == PROP_OFFSET_Y] / 10.0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_base_profile_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XsBaseProfile *self = XS_BASE_PROFILE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      xs_base_profile_set_name (self, g_value_get_string (value));
      break;
    case PROP_ISSUER:
      xs_base_profile_set_issuer (self, g_value_get_string (value));
      break;
    case PROP_ORIENTATION:
      xs_base_profile_set_orientation (self, g_value_get_enum (value));
      break;
    case PROP_FULL_ID_NUMBER:
      xs_base_profile_set_full_id_number (self, g_value_get_boolean (value));
      break;
    case PROP_LANGUAGE:
      xs_base_profile_set_language (self, g_value_get_enum (value));
      break;
    case PROP_ANNUAL_TEMPLATE:
    case PROP_COMPLETION_TEMPLATE:
      xs_base_profile_set_kind_template (self, prop_id == PROP_COMPLETION_TEMPLATE
                                               ? XS_CERTIFICATE_COMPLETION : XS_CERTIFICATE_ANNUAL,
                                         g_value_get_string (value));
      break;
    case PROP_OFFSET_X:
      xs_base_profile_set_offset (self, g_value_get_double (value), self->values.offset[1] / 10.0);
      break;
    case PROP_OFFSET_Y:
      xs_base_profile_set_offset (self, self->values.offset[0] / 10.0, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_base_profile_class_init (XsBaseProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_base_profile_finalize;
  object_class->get_property = xs_base_profile_get_property;
  object_class->set_property = xs_base_profile_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ISSUER] =
    g_param_spec_string ("issuer", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Set through xs_base_profile_set_seal(), which checks the image. */
  properties[PROP_SEAL] =
    g_param_spec_boxed ("seal", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIENTATION] =
    g_param_spec_enum ("orientation", NULL, NULL, XS_TYPE_CERTIFICATE_ORIENTATION,
                       XS_CERTIFICATE_PORTRAIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FULL_ID_NUMBER] =
    g_param_spec_boolean ("full-id-number", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_enum ("language", NULL, NULL, XS_TYPE_CERTIFICATE_LANGUAGE,
                       XS_CERTIFICATE_CHINESE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY_FINGERPRINT] =
    g_param_spec_string ("key-fingerprint", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* a template's name, "" for the standard design */
  properties[PROP_ANNUAL_TEMPLATE] =
    g_param_spec_string ("annual-template", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETION_TEMPLATE] =
    g_param_spec_string ("completion-template", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* mm, to a tenth */
  properties[PROP_OFFSET_X] =
    g_param_spec_double ("offset-x", NULL, NULL, -XS_BASE_PROFILE_MAX_OFFSET, XS_BASE_PROFILE_MAX_OFFSET, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFSET_Y] =
    g_param_spec_double ("offset-y", NULL, NULL, -XS_BASE_PROFILE_MAX_OFFSET, XS_BASE_PROFILE_MAX_OFFSET, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_base_profile_init (XsBaseProfile *self)
{
  xs_base_profile_record_init (&self->values);
  xs_base_profile_record_init (&self->stored);
}

XsBaseProfile *
xs_base_profile_new (void)
{
  return g_object_new (XS_TYPE_BASE_PROFILE, NULL);
}

/* Loading */

static char *
compute_fingerprint (const char  *data_dir,
                     GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, KEY_FILE, NULL);
  g_autoptr(XsSigningKey) key = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  if ((key = xs_signing_key_open (data_dir, error)) == NULL)
    return NULL;
  return xs_public_key_fingerprint (xs_signing_key_get_public_text (key));
}

XsBaseProfile *
xs_base_profile_load (XsDb    *db,
                      GError **error)
{
  g_autoptr(XsBaseProfile) self = NULL;
  g_autoptr(GError) key_error = NULL;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = xs_base_profile_new ();
  /* Without a row (deleted by hand), an empty profile, made again on save. */
  if (!xs_base_profile_record_load (&self->values, db, &self->saved, error))
    return NULL;
  xs_base_profile_record_copy (&self->stored, &self->values);
  /* A damaged key file does not hide the rest of the profile. */
  self->fingerprint = compute_fingerprint (xs_db_get_data_dir (db), &key_error);
  if (key_error != NULL)
    g_warning ("No key fingerprint: %s", key_error->message);
  return g_steal_pointer (&self);
}

/* Saving */

static gboolean
check_text (const char  *text,
            const char  *what,
            GError     **error)
{
  if (g_utf8_strlen (text, -1) > XS_BASE_PROFILE_MAX_NAME)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   /* Translators: %s is "The base’s name" or "The issuer" */
                   _("%s is longer than %d characters. Shorten it."), what, XS_BASE_PROFILE_MAX_NAME);
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                     _("%s holds a line break or another control character. Write it on one line."), what);
        return FALSE;
      }
  return TRUE;
}

/* What one save writes, as a transaction's data. */
typedef struct
{
  const XsBaseProfileRecord  *record;
  const char                 *changes;
} Save;

static gboolean
save_record (XsDb      *db,
             gpointer   data,
             GError   **error)
{
  const Save *save = data;

  return xs_base_profile_record_save (save->record, db, save->changes, error);
}

gboolean
xs_base_profile_save (XsBaseProfile  *self,
                      XsDb           *db,
                      GError        **error)
{
  g_autofree char *changes = NULL;
  Save save;
  gboolean was_empty;

  g_return_val_if_fail (XS_IS_BASE_PROFILE (self), FALSE);
  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_text (self->values.name, _("The base’s name"), error)
      || !check_text (self->values.issuer, _("The issuer"), error))
    return FALSE;
  changes = xs_base_profile_record_describe_changes (&self->values, &self->stored);
  if (changes == NULL && self->saved)
    return TRUE;
  save.record = &self->values;
  save.changes = changes ? changes : "";
  if (!xs_db_run_in_transaction (db, save_record, &save, error))
    return FALSE;

  was_empty = xs_base_profile_is_empty (self);
  xs_base_profile_record_copy (&self->stored, &self->values);
  self->saved = TRUE;
  if (was_empty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
  return TRUE;
}

void
xs_base_profile_revert (XsBaseProfile *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (XS_IS_BASE_PROFILE (self));

  g_object_freeze_notify (G_OBJECT (self));
  xs_base_profile_set_name (self, self->stored.name);
  xs_base_profile_set_issuer (self, self->stored.issuer);
  /* What was stored was checked when it was set. */
  if (!xs_base_profile_set_seal (self, self->stored.seal, &error))
    g_critical ("%s", error->message);
  xs_base_profile_set_orientation (self, self->stored.orientation);
  xs_base_profile_set_full_id_number (self, self->stored.full_id_number);
  xs_base_profile_set_language (self, self->stored.language);
  xs_base_profile_set_kind_template (self, XS_CERTIFICATE_ANNUAL, self->stored.kind_template[0]);
  xs_base_profile_set_kind_template (self, XS_CERTIFICATE_COMPLETION, self->stored.kind_template[1]);
  xs_base_profile_set_offset (self, self->stored.offset[0] / 10.0, self->stored.offset[1] / 10.0);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
xs_base_profile_is_empty (XsBaseProfile *self)
{
  g_return_val_if_fail (XS_IS_BASE_PROFILE (self), TRUE);

  return !self->saved;
}

/* Values */

static void
set_text (XsBaseProfile  *self,
          char          **field,
          const char     *text,
          GParamSpec     *pspec)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (g_strcmp0 (*field, stripped) == 0)
    return;
  g_free (*field);
  *field = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

const char *
xs_base_profile_get_name (XsBaseProfile *self)
{
  g_return_val_if_fail (XS_IS_BASE_PROFILE (self), NULL);
  return self->values.name;
}

gboolean
xs_base_profile_has_name (XsBaseProfile *self)
{
  g_return_val_if_fail (self == NULL || XS_IS_BASE_PROFILE (self), FALSE);
  return self != NULL && self->values.name != NULL && self->values.name[0] != '\0';
}

void
xs_base_profile_set_name (XsBaseProfile *self,
                          const char    *name)
{
  g_return_if_fail (XS_IS_BASE_PROFILE (self));
  set_text (self, &self->values.name, name, properties[PROP_NAME]);
}

const char *
xs_base_profile_get_issuer (XsBaseProfile *self)
{
  g_return_val_if_fail (XS_IS_BASE_PROFILE (self), NULL);
  return self->values.issuer;
}

void
xs_base_profile_set_issuer (XsBaseProfile *self,
                            const char    *issuer)
{
  g_return_if_fail (XS_IS_BASE_PROFILE (self));
  set_text (self, &self->values.issuer, issuer, properties[PROP_ISSUER]);
}

GBytes *
xs_base_profile_get_seal (XsBaseProfile *self)
{
  g_return_val_if_fail (XS_IS_BASE_PROFILE (self), NULL);
  return self->values.seal;
}

/* A PNG that cairo can draw: the signature alone lets truncated or damaged
 * files through. */
static gboolean
is_drawable_png (GBytes *png)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize size;
  const guint8 *data = g_bytes_get_data (png, &size);
  cairo_surface_t *surface;
  gboolean ok;

  if (size < sizeof signature || memcmp (data, signature, sizeof signature) != 0)
    return FALSE;
  surface = _xs_png_read (png);
  ok = cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS
       && cairo_image_surface_get_width (surface) > 0
       && cairo_image_surface_get_height (surface) > 0;
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
xs_base_profile_set_seal (XsBaseProfile  *self,
                          GBytes         *png,
                          GError        **error)
{
  g_return_val_if_fail (XS_IS_BASE_PROFILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (png != NULL && g_bytes_get_size (png) > XS_BASE_PROFILE_MAX_SEAL)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("The seal image is larger than %d MB. Save a smaller scan of the seal as PNG."),
                   XS_BASE_PROFILE_MAX_SEAL / (1024 * 1024));
      return FALSE;
    }
  if (png != NULL && !is_drawable_png (png))
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("The seal image is not a PNG image. Choose a PNG file (a scan of the seal with a transparent background)."));
      return FALSE;
    }
  if (png == self->values.seal
      || (png != NULL && self->values.seal != NULL && g_bytes_equal (png, self->values.seal)))
    return TRUE;
  g_clear_pointer (&self->values.seal, g_bytes_unref);
  self->values.seal = png ? g_bytes_ref (png) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEAL]);
  return TRUE;
}

gboolean
xs_base_profile_set_seal_from_file (XsBaseProfile  *self,
                                    const char     *path,
                                    GError        **error)
{
  g_autoptr(GBytes) png = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (XS_IS_BASE_PROFILE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  /* Not read into memory when it is far too large. */
  if (g_stat (path, &st) == 0 && st.st_size > XS_BASE_PROFILE_MAX_SEAL)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("The seal image “%s” is larger than %d MB. Save a smaller scan of the seal as PNG."),
                   display, XS_BASE_PROFILE_MAX_SEAL / (1024 * 1024));
      return FALSE;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    {
      g_prefix_error (error, _("The seal image cannot be read: "));
      return FALSE;
    }
  png = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!xs_base_profile_set_seal (self, png, NULL))
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("The seal image “%s” is not a PNG image. Choose a PNG file (a scan of the seal with a transparent background)."),
                   display);
      return FALSE;
    }
  return TRUE;
}

XsCertificateOrientation
xs_base_profile_get_orientation (XsBaseProfile *self)
{
  g_return_val_if_fail (XS_IS_BASE_PROFILE (self), XS_CERTIFICATE_PORTRAIT);
  return self->values.orientation;
}

void
xs_base_profile_set_orientation (XsBaseProfile            *self,
                                 XsCertificateOrientation  orientation)
{
  g_return_if_fail (XS_IS_BASE_PROFILE (self));
  g_return_if_fail (orientation == XS_CERTIFICATE_PORTRAIT || orientation == XS_CERTIFICATE_LANDSCAPE);

  if (self->values.orientation == orientation)
    return;
  self->values.orientation = orientation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIENTATION]);
}

gboolean
xs_base_profile_get_full_id_number (XsBaseProfile *self)
{
  g_return_val_if_fail (XS_IS_BASE_PROFILE (self), FALSE);
  return self->values.full_id_number;
}

void
xs_base_profile_set_full_id_number (XsBaseProfile *self,
                                    gboolean       full_id_number)
{
  g_return_if_fail (XS_IS_BASE_PROFILE (self));

  full_id_number = !!full_id_number;
  if (self->values.full_id_number == full_id_number)
    return;
  self->values.full_id_number = full_id_number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_ID_NUMBER]);
}

XsCertificateLanguage
xs_base_profile_get_language (XsBaseProfile *self)
{
  g_return_val_if_fail (XS_IS_BASE_PROFILE (self), XS_CERTIFICATE_CHINESE);
  return self->values.language;
}

void
xs_base_profile_set_language (XsBaseProfile         *self,
                              XsCertificateLanguage  language)
{
  g_return_if_fail (XS_IS_BASE_PROFILE (self));
  g_return_if_fail (language == XS_CERTIFICATE_CHINESE || language == XS_CERTIFICATE_ENGLISH);

  if (self->values.language == language)
    return;
  self->values.language = language;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
xs_base_profile_get_key_fingerprint (XsBaseProfile *self)
{
  g_return_val_if_fail (XS_IS_BASE_PROFILE (self), NULL);
  return self->fingerprint;
}

void
xs_base_profile_get_certificate_settings (XsBaseProfile         *self,
                                          XsCertificateSettings *settings)
{
  g_return_if_fail (XS_IS_BASE_PROFILE (self));
  g_return_if_fail (settings != NULL);

  settings->base_name = self->values.name;
  settings->issuer = self->values.issuer;
  settings->seal_path = NULL;
  settings->seal = self->values.seal;
  settings->orientation = self->values.orientation;
  settings->full_id_number = self->values.full_id_number;
  settings->language = self->values.language;
  settings->annual_template = self->values.kind_template[0];
  settings->completion_template = self->values.kind_template[1];
  settings->offset_x = self->values.offset[0];
  settings->offset_y = self->values.offset[1];
}

const char *
xs_base_profile_get_kind_template (XsBaseProfile     *self,
                                   XsCertificateKind  kind)
{
  g_return_val_if_fail (XS_IS_BASE_PROFILE (self), NULL);
  return self->values.kind_template[kind == XS_CERTIFICATE_COMPLETION];
}

void
xs_base_profile_set_kind_template (XsBaseProfile     *self,
                                   XsCertificateKind  kind,
                                   const char        *name)
{
  int i = kind == XS_CERTIFICATE_COMPLETION;

  g_return_if_fail (XS_IS_BASE_PROFILE (self));

  if (g_strcmp0 (self->values.kind_template[i], name ? name : "") == 0)
    return;
  g_free (self->values.kind_template[i]);
  self->values.kind_template[i] = g_strdup (name ? name : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[i ? PROP_COMPLETION_TEMPLATE : PROP_ANNUAL_TEMPLATE]);
}

void
xs_base_profile_get_offset (XsBaseProfile *self,
                            double        *x_mm,
                            double        *y_mm)
{
  g_return_if_fail (XS_IS_BASE_PROFILE (self));
  *x_mm = self->values.offset[0] / 10.0;
  *y_mm = self->values.offset[1] / 10.0;
}

void
xs_base_profile_set_offset (XsBaseProfile *self,
                            double         x_mm,
                            double         y_mm)
{
  int x, y;

  g_return_if_fail (XS_IS_BASE_PROFILE (self));

  x = (int) lround (CLAMP (x_mm, -XS_BASE_PROFILE_MAX_OFFSET, XS_BASE_PROFILE_MAX_OFFSET) * 10);
  y = (int) lround (CLAMP (y_mm, -XS_BASE_PROFILE_MAX_OFFSET, XS_BASE_PROFILE_MAX_OFFSET) * 10);
  if (x != self->values.offset[0])
    {
      self->values.offset[0] = x;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSET_X]);
    }
  if (y != self->values.offset[1])
    {
      self->values.offset[1] = y;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSET_Y]);
    }
}
