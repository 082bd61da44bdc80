/* xs-certificate-template.h: where a certificate's fields go on the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-certificate-types.h"

G_BEGIN_DECLS

/* The names of the two built-in designs, laid out by measuring. */
#define XS_TEMPLATE_PORTRAIT  "portrait"
#define XS_TEMPLATE_LANDSCAPE "landscape"

/* The largest scan of a blank form, in bytes. */
#define XS_TEMPLATE_MAX_BACKGROUND (16 * 1024 * 1024)

/* The largest template file, in bytes. */
#define XS_TEMPLATE_MAX_SIZE (64 * 1024)

typedef enum
{
  XS_TEMPLATE_ALIGN_LEFT,
  XS_TEMPLATE_ALIGN_CENTER,
  XS_TEMPLATE_ALIGN_RIGHT,
} XsTemplateAlign;

/* One field placed on a pre-printed form: its box's top left corner and
 * width in mm from the paper's top left corner. */
typedef struct
{
  char            *field;   /* "name", "employer", "qr", … (xs_certificate_template_list_fields()) */
  double           x, y;    /* mm */
  double           width;   /* mm; the side of the square for "qr" and "seal" */
  double           height;  /* mm; 0: one line of the size given */
  char            *font;    /* a font family installed on this computer */
  double           size;    /* points */
  gboolean         bold;
  XsTemplateAlign  align;
} XsTemplateField;

#define XS_TYPE_CERTIFICATE_TEMPLATE (xs_certificate_template_get_type ())
G_DECLARE_FINAL_TYPE (XsCertificateTemplate, xs_certificate_template, XS, CERTIFICATE_TEMPLATE, GObject)

/* Reads a template file's contents (JSON). @source names it in errors
 * (a file name). Refuses, with a message naming the member at fault, a
 * template with a missing or unknown field, a place off the paper or a
 * size out of range, or a font not installed here. */
XsCertificateTemplate *xs_certificate_template_new_from_data (GBytes                 *data,
                                                              const char             *source,
                                                              GError                **error);
/* XS_TEMPLATE_PORTRAIT or XS_TEMPLATE_LANDSCAPE (from the resources). */
XsCertificateTemplate *xs_certificate_template_new_builtin   (const char             *name);
/* The built-in design of @orientation. */
XsCertificateTemplate *xs_certificate_template_new_standard  (XsCertificateOrientation orientation);

const char            *xs_certificate_template_get_name      (XsCertificateTemplate  *self);
/* What the template is for people, e.g. "红色证书纸（A4 横向）". */
const char            *xs_certificate_template_get_title     (XsCertificateTemplate  *self);
gboolean               xs_certificate_template_is_builtin    (XsCertificateTemplate  *self);
/* The file as read: what an issued certificate keeps. */
GBytes                *xs_certificate_template_get_data      (XsCertificateTemplate  *self);
/* SHA-256 (hex) of the data. */
const char            *xs_certificate_template_get_hash      (XsCertificateTemplate  *self);
/* TRUE: the fields go at fixed places (pre-printed paper); FALSE: the
 * built-in measured layout. */
gboolean               xs_certificate_template_is_fixed      (XsCertificateTemplate  *self);
gboolean               xs_certificate_template_draws_frame   (XsCertificateTemplate  *self);
gboolean               xs_certificate_template_draws_title   (XsCertificateTemplate  *self);
gboolean               xs_certificate_template_draws_seal    (XsCertificateTemplate  *self);
XsCertificateOrientation xs_certificate_template_get_orientation (XsCertificateTemplate *self);
/* The paper, in points. */
void                   xs_certificate_template_get_page_size (XsCertificateTemplate  *self,
                                                              double                 *width,
                                                              double                 *height);
guint                  xs_certificate_template_get_n_fields  (XsCertificateTemplate  *self);
const XsTemplateField *xs_certificate_template_get_field     (XsCertificateTemplate  *self,
                                                              guint                   i);
/* The file name of the blank form's scan the template names ("background"),
 * or NULL. */
const char            *xs_certificate_template_get_background_name (XsCertificateTemplate *self);
/* The scan (PNG or JPEG) kept with the template, or NULL: drawn under the
 * preview only (xs_certificate_draw_preview()), never printed. */
GBytes                *xs_certificate_template_get_background (XsCertificateTemplate *self);
/* Refuses what is not a PNG or JPEG, or is over XS_TEMPLATE_MAX_BACKGROUND. */
gboolean               xs_certificate_template_set_background (XsCertificateTemplate  *self,
                                                               GBytes                 *image,
                                                               GError                **error);
/* The field names a template may place, NULL-terminated. */
const char * const    *xs_certificate_template_list_fields   (void);

G_END_DECLS
