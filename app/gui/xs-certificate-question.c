/* xs-certificate-question.c: asking before certificates are issued
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificate-question"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificate-question.h"

struct _XsCertificateQuestion
{
  GObject           parent_instance;

  AdwMessageDialog *dialog;   /* while it is asked */
};

G_DEFINE_FINAL_TYPE (XsCertificateQuestion, xs_certificate_question, G_TYPE_OBJECT)

enum {
  SIGNAL_ANSWERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
xs_certificate_question_describe_plan (const XsCertificatePlan *plan,
                                       gboolean                 print)
{
  GString *text;

  g_return_val_if_fail (plan != NULL, NULL);

  text = g_string_new (NULL);
  if (plan->n_new == 1)
    /* Translators: %s is the serial, e.g. 2018-JX-000001 */
    g_string_append_printf (text, _("1 certificate will be issued, No. %s; issued certificates can only be revoked."),
                            plan->first_serial);
  else if (plan->n_new > 1)
    /* Translators: "65 certificates will be issued, 2018-JX-000001 to 2018-JX-000065; …" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%u certificate will be issued, %s to %s; issued certificates can only be revoked.",
                                               "%u certificates will be issued, %s to %s; issued certificates can only be revoked.",
                                               plan->n_new),
                            plan->n_new, plan->first_serial, plan->last_serial);
  if (plan->n_issued > 0)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, print
                                    ? g_dngettext (GETTEXT_PACKAGE,
                                                   "%u already issued will be printed again as it was.",
                                                   "%u already issued will be printed again as they were.",
                                                   plan->n_issued)
                                    : g_dngettext (GETTEXT_PACKAGE,
                                                   "%u already issued will be exported again as it was.",
                                                   "%u already issued will be exported again as they were.",
                                                   plan->n_issued),
                              plan->n_issued);
    }
  if (plan->refused != NULL && plan->refused->len > 0)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      if (plan->refused->len == 1)
        g_string_append (text, g_ptr_array_index (plan->refused, 0));
      else
        g_string_append_printf (text, _("%u refused, e.g. %s"), plan->refused->len,
                                (const char *) g_ptr_array_index (plan->refused, 0));
    }
  return g_string_free (text, FALSE);
}

static void
on_response (AdwMessageDialog      *dialog,
             const char            *response,
             XsCertificateQuestion *self)
{
  g_autoptr(XsCertificateQuestion) hold = NULL;

  if (self->dialog != dialog)
    return;
  self->dialog = NULL;
  hold = g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_ANSWERED], 0, g_str_equal (response, "issue"));
}

XsCertificateQuestion *
xs_certificate_question_new (GtkWindow               *parent,
                             const XsCertificatePlan *plan,
                             XsCertificateKind        kind,
                             gboolean                 print)
{
  XsCertificateQuestion *self;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  self = g_object_new (XS_TYPE_CERTIFICATE_QUESTION, NULL);
  body = xs_certificate_question_describe_plan (plan, print);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                       kind == XS_CERTIFICATE_ANNUAL
                                                       ? _("Issue Certificates?")
                                                       : _("Issue Completion Certificates?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "issue", print ? _("_Issue and Print") : _("_Issue and Export"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  self->dialog = dialog;
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return self;
}

void
xs_certificate_question_cancel (XsCertificateQuestion *self)
{
  g_autoptr(AdwMessageDialog) dialog = NULL;

  g_return_if_fail (XS_IS_CERTIFICATE_QUESTION (self));

  if (self->dialog == NULL)
    return;
  dialog = g_object_ref (self->dialog);
  /* answered No: on_response says so */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

AdwMessageDialog *
xs_certificate_question_get_dialog (XsCertificateQuestion *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_QUESTION (self), NULL);
  return self->dialog;
}

static void
xs_certificate_question_dispose (GObject *object)
{
  XsCertificateQuestion *self = XS_CERTIFICATE_QUESTION (object);

  if (self->dialog != NULL)
    {
      AdwMessageDialog *dialog = self->dialog;

      self->dialog = NULL;
      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  G_OBJECT_CLASS (xs_certificate_question_parent_class)->dispose (object);
}

static void
xs_certificate_question_class_init (XsCertificateQuestionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xs_certificate_question_dispose;

  signals[SIGNAL_ANSWERED] = g_signal_new ("answered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
xs_certificate_question_init (XsCertificateQuestion *self)
{
}
