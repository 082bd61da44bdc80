/* xs-review-reviewer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-review-reviewer"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-review-reviewer.h"

struct _XsReviewReviewer
{
  GObject       parent_instance;

  GSettings    *settings;
  char         *name;
  XsReviewSide  side;
  gboolean      confirmed;
};

G_DEFINE_FINAL_TYPE (XsReviewReviewer, xs_review_reviewer, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_NAME,
  PROP_SIDE,
  PROP_CONFIRMED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

XsReviewReviewer *
xs_review_reviewer_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  return g_object_new (XS_TYPE_REVIEW_REVIEWER, "settings", settings, NULL);
}

const char *
xs_review_reviewer_get_name (XsReviewReviewer *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_REVIEWER (self), NULL);
  return self->name;
}

XsReviewSide
xs_review_reviewer_get_side (XsReviewReviewer *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_REVIEWER (self), XS_REVIEW_SIDE_HR);
  return self->side;
}

gboolean
xs_review_reviewer_get_confirmed (XsReviewReviewer *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_REVIEWER (self), FALSE);
  return self->confirmed;
}

void
xs_review_reviewer_set (XsReviewReviewer *self,
                        const char       *name,
                        XsReviewSide      side)
{
  g_return_if_fail (XS_IS_REVIEW_REVIEWER (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (side == XS_REVIEW_SIDE_HR || side == XS_REVIEW_SIDE_INDUSTRY);

  g_free (self->name);
  self->name = g_strstrip (g_strdup (name));
  self->side = side;
  self->confirmed = *self->name != '\0';
  g_settings_set_string (self->settings, "reviewer-name", self->name);
  g_settings_set_enum (self->settings, "review-side", side);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIRMED]);
}

char *
xs_review_reviewer_dup_label (XsReviewReviewer *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_REVIEWER (self), NULL);

  if (*self->name != '\0')
    /* Translators: the reviewer's name, then their side (department) */
    return g_strdup_printf (_("%s (%s)"), self->name, xs_review_side_get_label (self->side));
  return g_strdup (xs_review_side_get_label (self->side));
}

static void
xs_review_reviewer_constructed (GObject *object)
{
  XsReviewReviewer *self = XS_REVIEW_REVIEWER (object);

  G_OBJECT_CLASS (xs_review_reviewer_parent_class)->constructed (object);

  self->name = g_strstrip (g_settings_get_string (self->settings, "reviewer-name"));
  self->side = g_settings_get_enum (self->settings, "review-side") == XS_REVIEW_SIDE_INDUSTRY
               ? XS_REVIEW_SIDE_INDUSTRY : XS_REVIEW_SIDE_HR;
}

static void
xs_review_reviewer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XsReviewReviewer *self = XS_REVIEW_REVIEWER (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SIDE:
      g_value_set_int (value, self->side);
      break;
    case PROP_CONFIRMED:
      g_value_set_boolean (value, self->confirmed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_reviewer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XsReviewReviewer *self = XS_REVIEW_REVIEWER (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_reviewer_finalize (GObject *object)
{
  XsReviewReviewer *self = XS_REVIEW_REVIEWER (object);

  g_clear_object (&self->settings);
  g_free (self->name);

  G_OBJECT_CLASS (xs_review_reviewer_parent_class)->finalize (object);
}

static void
xs_review_reviewer_class_init (XsReviewReviewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = xs_review_reviewer_constructed;
  object_class->finalize = xs_review_reviewer_finalize;
  object_class->get_property = xs_review_reviewer_get_property;
  object_class->set_property = xs_review_reviewer_set_property;

  /* where the name and side are kept ("reviewer-name", "review-side") */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDE] =
    g_param_spec_int ("side", NULL, NULL, XS_REVIEW_SIDE_HR, XS_REVIEW_SIDE_INDUSTRY, XS_REVIEW_SIDE_HR,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFIRMED] =
    g_param_spec_boolean ("confirmed", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_review_reviewer_init (XsReviewReviewer *self)
{
}
