/* xs-certificate-question.h: asking before certificates are issued, since
 * an issued certificate is never taken back, only revoked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-certificate-store.h"

G_BEGIN_DECLS

#define XS_TYPE_CERTIFICATE_QUESTION (xs_certificate_question_get_type ())
G_DECLARE_FINAL_TYPE (XsCertificateQuestion, xs_certificate_question, XS, CERTIFICATE_QUESTION, GObject)

/* Asks, in a modal AdwMessageDialog over @parent, whether to issue what
 * @plan says, then print (@print) or export. "answered" (gboolean issue)
 * is emitted once; disposing the question closes the dialog unanswered. */
XsCertificateQuestion *xs_certificate_question_new     (GtkWindow               *parent,
                                                        const XsCertificatePlan *plan,
                                                        XsCertificateKind        kind,
                                                        gboolean                 print);
/* Answers No and closes the dialog. */
void                   xs_certificate_question_cancel  (XsCertificateQuestion   *self);
/* The dialog while it is asked, else NULL. */
AdwMessageDialog      *xs_certificate_question_get_dialog (XsCertificateQuestion *self);

/* The question, in words: "65 certificates will be issued, 2018-JX-000001
 * to 2018-JX-000065; …". */
char                  *xs_certificate_question_describe_plan (const XsCertificatePlan *plan,
                                                              gboolean                 print);

G_END_DECLS
