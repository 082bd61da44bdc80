/* xs-certificate-run.h: one run of issuing certificates: what it was asked,
 * what its workers found and did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "xs-base-profile.h"
#include "xs-certificate-store.h"
#include "xs-job.h"

G_BEGIN_DECLS

/* The base profile's values that go onto a certificate, copied so that a
 * worker can read them. */
typedef struct
{
  char                     *base_name;
  char                     *issuer;
  GBytes                   *seal;
  XsCertificateOrientation  orientation;
  gboolean                  full_id_number;
  XsCertificateLanguage     language;
  char                     *kind_template[2]; /* annual, completion */
  int                       offset_x, offset_y;
} XsCertificateSettingsCopy;

void xs_certificate_settings_copy_clear (XsCertificateSettingsCopy *copy);
void xs_certificate_settings_copy_load  (XsCertificateSettingsCopy *copy,
                                         XsBaseProfile             *profile);
/* Makes @copy (cleared first) a copy of @from with strings of its own. */
void xs_certificate_settings_copy_copy  (XsCertificateSettingsCopy       *copy,
                                         const XsCertificateSettingsCopy *from);
/* Points @settings at @copy's strings. */
void xs_certificate_settings_copy_get   (const XsCertificateSettingsCopy *copy,
                                         XsCertificateSettings           *settings);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XsCertificateSettingsCopy, xs_certificate_settings_copy_clear)

#define XS_TYPE_CERTIFICATE_RUN (xs_certificate_run_get_type ())
G_DECLARE_FINAL_TYPE (XsCertificateRun, xs_certificate_run, XS, CERTIFICATE_RUN, GObject)

/* @kind of @year (annual) or of the class @class_code (completion), for
 * @trainee_ids (gint64; NULL: everyone due one); written to @path, or
 * printed when @print. The profile's values are copied. */
XsCertificateRun  *xs_certificate_run_new         (gboolean           print,
                                                   XsCertificateKind  kind,
                                                   int                year,
                                                   const char        *class_code,
                                                   GArray            *trainee_ids,
                                                   XsBaseProfile     *profile,
                                                   const char        *path);
/* The same input, nothing found or done yet: the run that issues what
 * @planned planned. */
XsCertificateRun  *xs_certificate_run_new_issuing (XsCertificateRun  *planned);

/* Workers for an XsJob whose data is the run (a reference). */
gboolean           xs_certificate_run_plan_func   (XsJob             *job,
                                                   XsDb              *db,
                                                   gpointer           data,
                                                   GCancellable      *cancellable,
                                                   GError           **error);
gboolean           xs_certificate_run_issue_func  (XsJob             *job,
                                                   XsDb              *db,
                                                   gpointer           data,
                                                   GCancellable      *cancellable,
                                                   GError           **error);

gboolean           xs_certificate_run_get_print   (XsCertificateRun  *self);
XsCertificateKind  xs_certificate_run_get_kind    (XsCertificateRun  *self);
int                xs_certificate_run_get_year    (XsCertificateRun  *self);
const char        *xs_certificate_run_get_class_code (XsCertificateRun *self);
/* TRUE once the worker writes the PDF; safe from any thread. */
gboolean           xs_certificate_run_is_writing  (XsCertificateRun  *self);
/* After xs_certificate_run_plan_func(). */
const XsCertificatePlan *xs_certificate_run_get_plan (XsCertificateRun *self);
/* After xs_certificate_run_issue_func(): XsCertificate; the refusals (char *)
 * may be NULL. */
GPtrArray         *xs_certificate_run_get_certificates (XsCertificateRun *self);
GPtrArray         *xs_certificate_run_get_refused (XsCertificateRun  *self);
guint              xs_certificate_run_get_n_issued (XsCertificateRun *self);

/* "300 certificates exported, 12 newly issued", and who was refused. */
char              *xs_certificate_run_describe_result (XsCertificateRun *self);

G_END_DECLS
