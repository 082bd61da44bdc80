/* xs-reviewer-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-reviewer-item"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-reviewer-item.h"
#include "xs-signing-key.h"

struct _XsReviewerItem
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *description;
};

G_DEFINE_FINAL_TYPE (XsReviewerItem, xs_reviewer_item, G_TYPE_OBJECT)

static void
xs_reviewer_item_finalize (GObject *object)
{
  XsReviewerItem *self = XS_REVIEWER_ITEM (object);

  g_free (self->name);
  g_free (self->description);
  G_OBJECT_CLASS (xs_reviewer_item_parent_class)->finalize (object);
}

static void
xs_reviewer_item_class_init (XsReviewerItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_reviewer_item_finalize;
}

static void
xs_reviewer_item_init (XsReviewerItem *self)
{
}

XsReviewerItem *
xs_reviewer_item_new (const XsReviewer *reviewer)
{
  XsReviewerItem *self;
  g_autofree char *fingerprint = NULL;

  g_return_val_if_fail (reviewer != NULL, NULL);

  self = g_object_new (XS_TYPE_REVIEWER_ITEM, NULL);
  self->id = reviewer->id;
  self->name = g_strdup (reviewer->name);
  fingerprint = xs_public_key_fingerprint (reviewer->public_key);
  /* Translators: the reviewer's side (department), then their key's fingerprint */
  self->description = g_strdup_printf (_("%s · key %s"), xs_review_side_get_label (reviewer->side), fingerprint);
  return self;
}

gint64
xs_reviewer_item_get_id (XsReviewerItem *self)
{
  g_return_val_if_fail (XS_IS_REVIEWER_ITEM (self), 0);
  return self->id;
}

const char *
xs_reviewer_item_get_name (XsReviewerItem *self)
{
  g_return_val_if_fail (XS_IS_REVIEWER_ITEM (self), NULL);
  return self->name;
}

const char *
xs_reviewer_item_get_description (XsReviewerItem *self)
{
  g_return_val_if_fail (XS_IS_REVIEWER_ITEM (self), NULL);
  return self->description;
}
