/* xs-review-reviewer-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The name and side are cut to fit a narrow window (the tooltip holds them
 * whole); the answer of the dialog goes to the XsReviewReviewer, which
 * keeps it in the settings and tells whoever follows it.
 */
#define G_LOG_DOMAIN "xs-review-reviewer-button"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-review-reviewer-button.h"
#include "xs-reviewer-dialog.h"

struct _XsReviewReviewerButton
{
  GtkButton         parent_instance;

  XsReviewReviewer *reviewer;

  AdwButtonContent *content;
};

G_DEFINE_FINAL_TYPE (XsReviewReviewerButton, xs_review_reviewer_button, GTK_TYPE_BUTTON)

enum
{
  PROP_0,
  PROP_REVIEWER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
xs_review_reviewer_button_new (void)
{
  return g_object_new (XS_TYPE_REVIEW_REVIEWER_BUTTON, NULL);
}

XsReviewReviewer *
xs_review_reviewer_button_get_reviewer (XsReviewReviewerButton *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_REVIEWER_BUTTON (self), NULL);
  return self->reviewer;
}

static void
ellipsize_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    ellipsize_labels (child);
}

static void
show_reviewer (XsReviewReviewerButton *self)
{
  g_autofree char *label = self->reviewer != NULL ? xs_review_reviewer_dup_label (self->reviewer) : NULL;

  adw_button_content_set_label (self->content, label != NULL ? label : "");
  /* a long name does not widen a narrow window: it is cut, the tooltip
   * holds it whole */
  ellipsize_labels (GTK_WIDGET (self->content));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->content), label);
}

void
xs_review_reviewer_button_set_reviewer (XsReviewReviewerButton *self,
                                        XsReviewReviewer       *reviewer)
{
  g_return_if_fail (XS_IS_REVIEW_REVIEWER_BUTTON (self));
  g_return_if_fail (reviewer == NULL || XS_IS_REVIEW_REVIEWER (reviewer));

  if (self->reviewer != NULL)
    g_signal_handlers_disconnect_by_data (self->reviewer, self);
  if (!g_set_object (&self->reviewer, reviewer))
    return;
  if (reviewer != NULL)
    {
      g_signal_connect_swapped (reviewer, "notify::name", G_CALLBACK (show_reviewer), self);
      g_signal_connect_swapped (reviewer, "notify::side", G_CALLBACK (show_reviewer), self);
    }
  show_reviewer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER]);
}

typedef struct
{
  XsReviewReviewerButton *self;
  char                   *then;   /* the action to run once the reviewer is known */
} Asked;

static void
asked_free (Asked *asked)
{
  g_object_unref (asked->self);
  g_free (asked->then);
  g_free (asked);
}

static void
on_response (XsReviewerDialog *dialog,
             const char       *response,
             Asked            *asked)
{
  XsReviewReviewer *reviewer = asked->self->reviewer;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "ok") || reviewer == NULL)
    return;
  name = xs_reviewer_dialog_get_name (dialog);
  xs_review_reviewer_set (reviewer, name, xs_reviewer_dialog_get_side (dialog));
  if (asked->then != NULL && xs_review_reviewer_get_confirmed (reviewer))
    gtk_widget_activate_action (GTK_WIDGET (asked->self), asked->then, NULL);
}

void
xs_review_reviewer_button_ask (XsReviewReviewerButton *self,
                               const char             *then)
{
  GtkRoot *root;
  XsReviewerDialog *dialog;
  Asked *asked;

  g_return_if_fail (XS_IS_REVIEW_REVIEWER_BUTTON (self));
  g_return_if_fail (self->reviewer != NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = xs_reviewer_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   xs_review_reviewer_get_name (self->reviewer),
                                   xs_review_reviewer_get_side (self->reviewer));
  asked = g_new0 (Asked, 1);
  asked->self = g_object_ref (self);
  asked->then = g_strdup (then);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), asked,
                         (GClosureNotify) (void (*) (void)) asked_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
xs_review_reviewer_button_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_REVIEWER:
      xs_review_reviewer_button_set_reviewer (XS_REVIEW_REVIEWER_BUTTON (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_reviewer_button_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_REVIEWER:
      g_value_set_object (value, XS_REVIEW_REVIEWER_BUTTON (object)->reviewer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_reviewer_button_dispose (GObject *object)
{
  xs_review_reviewer_button_set_reviewer (XS_REVIEW_REVIEWER_BUTTON (object), NULL);
  G_OBJECT_CLASS (xs_review_reviewer_button_parent_class)->dispose (object);
}

static void
xs_review_reviewer_button_class_init (XsReviewReviewerButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_review_reviewer_button_dispose;
  object_class->set_property = xs_review_reviewer_button_set_property;
  object_class->get_property = xs_review_reviewer_button_get_property;

  properties[PROP_REVIEWER] =
    g_param_spec_object ("reviewer", NULL, NULL, XS_TYPE_REVIEW_REVIEWER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-review-reviewer-button.ui");
  gtk_widget_class_bind_template_child (widget_class, XsReviewReviewerButton, content);
}

static void
xs_review_reviewer_button_init (XsReviewReviewerButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
