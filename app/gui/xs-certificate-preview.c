/* xs-certificate-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A trainee's certificate, read and drawn in a job over its own
 * connection; one not issued yet says DRAFT across the page. A stack shows
 * nothing to preview, the drawing under way, the picture with its caption,
 * or why there is no certificate to show.
 */
#define G_LOG_DOMAIN "xs-certificate-preview"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "xs-certificate-preview.h"
#include "xs-certificate-render.h"

struct _XsCertificatePreview
{
  GtkWidget      parent_instance;

  XsDb          *db;
  XsBaseProfile *profile;
  int            year;
  char          *class_code;    /* NULL: the annual certificate */
  gint64         trainee_id;    /* 0: nothing to show */
  gboolean       compact;
  GCancellable  *cancellable;

  /* template children */
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkWidget     *preview_box;
  GtkPicture    *picture;
  GtkLabel      *caption;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (XsCertificatePreview, xs_certificate_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DB,
  PROP_PROFILE,
  PROP_YEAR,
  PROP_CLASS_CODE,
  PROP_TRAINEE_ID,
  PROP_COMPACT,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (XsCertificatePreview *self,
            const char           *message)
{
  gtk_picture_set_paintable (self->picture, NULL);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static char *
caption_of (XsCertificate *certificate)
{
  const char *serial = xs_certificate_get_serial (certificate);
  const char *holder = xs_certificate_get_holder (certificate);

  if (xs_certificate_get_kind (certificate) == XS_CERTIFICATE_COMPLETION)
    {
      if (serial != NULL)
        /* Translators: under the preview of a completion certificate already issued */
        return g_strdup_printf (_("%s’s certificate, issued as No. %s: exporting or printing it again gives the same certificate."),
                                holder, serial);
      /* Translators: under the preview of a completion certificate not issued yet */
      return g_strdup_printf (_("Draft of %s’s certificate: it gets its number and QR code when it is exported or printed."),
                              holder);
    }
  if (serial != NULL)
    /* Translators: under the preview of a certificate already issued */
    return g_strdup_printf (_("Issued as No. %s: exporting or printing it again gives the same certificate."), serial);
  return g_strdup (_("Draft: the certificate gets its number and QR code when it is exported or printed."));
}

static void
on_drawn (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(XsCertificatePreview) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsCertificate) certificate = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *alternative = NULL;

  certificate = xs_certificate_render_finish (object, result, &texture, &error);
  if (certificate == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  caption = caption_of (certificate);
  gtk_label_set_label (self->caption, caption);
  /* Translators: the description of the preview picture, for screen readers */
  alternative = g_strdup_printf (_("Certificate of %s"), xs_certificate_get_holder (certificate));
  gtk_picture_set_alternative_text (self->picture, alternative);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

void
xs_certificate_preview_redraw (XsCertificatePreview *self)
{
  g_return_if_fail (XS_IS_CERTIFICATE_PREVIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->trainee_id <= 0 || self->db == NULL || self->profile == NULL)
    {
      gtk_picture_set_paintable (self->picture, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* Keep the last picture until the new one is drawn, unless there is none. */
  if (gtk_picture_get_paintable (self->picture) == NULL
      || !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "preview"))
    gtk_stack_set_visible_child_name (self->stack, "loading");

  self->cancellable = g_cancellable_new ();
  xs_certificate_render_async (self->db, self->profile,
                               self->class_code != NULL ? XS_CERTIFICATE_COMPLETION : XS_CERTIFICATE_ANNUAL,
                               self->year, self->class_code, self->trainee_id,
                               gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                               self->cancellable, on_drawn, g_object_ref (self));
}

void
xs_certificate_preview_show (XsCertificatePreview *self,
                             int                   year,
                             const char           *class_code,
                             gint64                trainee_id)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (XS_IS_CERTIFICATE_PREVIEW (self));

  g_object_freeze_notify (object);
  if (self->year != year)
    {
      self->year = year;
      g_object_notify_by_pspec (object, properties[PROP_YEAR]);
    }
  if (g_strcmp0 (self->class_code, class_code) != 0)
    {
      g_free (self->class_code);
      self->class_code = g_strdup (class_code);
      g_object_notify_by_pspec (object, properties[PROP_CLASS_CODE]);
    }
  if (self->trainee_id != trainee_id)
    {
      self->trainee_id = trainee_id;
      g_object_notify_by_pspec (object, properties[PROP_TRAINEE_ID]);
    }
  xs_certificate_preview_redraw (self);
  g_object_thaw_notify (object);
}

gint64
xs_certificate_preview_get_trainee_id (XsCertificatePreview *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_PREVIEW (self), 0);
  return self->trainee_id;
}

GtkWidget *
xs_certificate_preview_new (void)
{
  return g_object_new (XS_TYPE_CERTIFICATE_PREVIEW, NULL);
}

/* Only what is saved goes onto a certificate: Preferences save each change. */
static void
on_profile_notify (XsCertificatePreview *self,
                   GParamSpec           *pspec,
                   XsBaseProfile        *profile)
{
  xs_certificate_preview_redraw (self);
}

static void
set_profile (XsCertificatePreview *self,
             XsBaseProfile        *profile)
{
  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_func (self->profile, on_profile_notify, self);
  if (!g_set_object (&self->profile, profile))
    return;
  if (profile != NULL)
    g_signal_connect_object (profile, "notify", G_CALLBACK (on_profile_notify), self, G_CONNECT_SWAPPED);
  xs_certificate_preview_redraw (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

/* A compact preview (inside a group of a page) is a picture of a fixed
 * height with a small caption; otherwise the picture takes the room. */
static void
set_compact (XsCertificatePreview *self,
             gboolean              compact)
{
  GtkWidget *preview = self->preview_box;

  if (self->compact == compact)
    return;
  self->compact = compact;
  gtk_stack_set_hhomogeneous (self->stack, !compact);
  gtk_stack_set_vhomogeneous (self->stack, !compact);
  gtk_widget_set_vexpand (GTK_WIDGET (self->picture), !compact);
  gtk_widget_set_size_request (GTK_WIDGET (self->picture), -1, compact ? 360 : -1);
  gtk_box_set_spacing (GTK_BOX (preview), compact ? 6 : 12);
  gtk_widget_set_margin_start (preview, compact ? 0 : 24);
  gtk_widget_set_margin_end (preview, compact ? 0 : 24);
  gtk_widget_set_margin_top (preview, compact ? 0 : 18);
  gtk_widget_set_margin_bottom (preview, compact ? 0 : 12);
  /* a compact empty page is its words alone */
  adw_status_page_set_icon_name (self->empty_page, compact ? NULL : "x-office-document-symbolic");
  if (compact)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->caption), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");
      gtk_widget_add_css_class (GTK_WIDGET (self->error_page), "compact");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->caption), "caption");
      gtk_widget_remove_css_class (GTK_WIDGET (self->empty_page), "compact");
      gtk_widget_remove_css_class (GTK_WIDGET (self->error_page), "compact");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

/* GObject */

static void
xs_certificate_preview_unroot (GtkWidget *widget)
{
  XsCertificatePreview *self = XS_CERTIFICATE_PREVIEW (widget);

  /* The window closes: the drawing stops. */
  g_cancellable_cancel (self->cancellable);

  GTK_WIDGET_CLASS (xs_certificate_preview_parent_class)->unroot (widget);
}

static void
xs_certificate_preview_dispose (GObject *object)
{
  XsCertificatePreview *self = XS_CERTIFICATE_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_data (self->profile, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_CERTIFICATE_PREVIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->db);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->class_code, g_free);

  G_OBJECT_CLASS (xs_certificate_preview_parent_class)->dispose (object);
}

static void
xs_certificate_preview_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  XsCertificatePreview *self = XS_CERTIFICATE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_CLASS_CODE:
      g_value_set_string (value, self->class_code);
      break;
    case PROP_TRAINEE_ID:
      g_value_set_int64 (value, self->trainee_id);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_EMPTY_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->empty_page));
      break;
    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, adw_status_page_get_description (self->empty_page));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_certificate_preview_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  XsCertificatePreview *self = XS_CERTIFICATE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      if (g_set_object (&self->db, g_value_get_object (value)))
        {
          xs_certificate_preview_redraw (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PROFILE:
      set_profile (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      xs_certificate_preview_show (self, g_value_get_int (value), self->class_code, self->trainee_id);
      break;
    case PROP_CLASS_CODE:
      xs_certificate_preview_show (self, self->year, g_value_get_string (value), self->trainee_id);
      break;
    case PROP_TRAINEE_ID:
      xs_certificate_preview_show (self, self->year, self->class_code, g_value_get_int64 (value));
      break;
    case PROP_COMPACT:
      set_compact (self, g_value_get_boolean (value));
      break;
    case PROP_EMPTY_TITLE:
      adw_status_page_set_title (self->empty_page, g_value_get_string (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_EMPTY_DESCRIPTION:
      adw_status_page_set_description (self->empty_page, g_value_get_string (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_certificate_preview_class_init (XsCertificatePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_certificate_preview_dispose;
  object_class->get_property = xs_certificate_preview_get_property;
  object_class->set_property = xs_certificate_preview_set_property;
  widget_class->unroot = xs_certificate_preview_unroot;

  /* where the certificate is read from, and what goes onto it */
  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, XS_TYPE_BASE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* NULL: the annual certificate; else the completion certificate of this class */
  properties[PROP_CLASS_CODE] =
    g_param_spec_string ("class-code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* 0: nothing to preview */
  properties[PROP_TRAINEE_ID] =
    g_param_spec_int64 ("trainee-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* what is said while there is nothing to preview */
  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-certificate-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, XsCertificatePreview, stack);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatePreview, empty_page);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatePreview, preview_box);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatePreview, picture);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatePreview, caption);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatePreview, error_page);
}

static void
xs_certificate_preview_init (XsCertificatePreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
