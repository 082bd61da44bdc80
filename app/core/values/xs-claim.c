/* xs-claim.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-claim"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xs-claim.h"

XsClaim *
xs_claim_new (void)
{
  XsClaim *claim = g_new0 (XsClaim, 1);

  g_date_clear (&claim->date, 1);
  return claim;
}

XsClaim *
xs_claim_copy (const XsClaim *claim)
{
  XsClaim *copy;

  g_return_val_if_fail (claim != NULL, NULL);

  copy = g_memdup2 (claim, sizeof *claim);
  copy->variant = g_strdup (claim->variant);
  copy->title = g_strdup (claim->title);
  copy->reason = g_strdup (claim->reason);
  copy->reviewer = g_strdup (claim->reviewer);
  copy->plan_ref = g_strdup (claim->plan_ref);
  return copy;
}

void
xs_claim_clear (XsClaim *claim)
{
  g_clear_pointer (&claim->variant, g_free);
  g_clear_pointer (&claim->title, g_free);
  g_clear_pointer (&claim->reason, g_free);
  g_clear_pointer (&claim->reviewer, g_free);
  g_clear_pointer (&claim->plan_ref, g_free);
}

void
xs_claim_free (XsClaim *claim)
{
  if (claim == NULL)
    return;
  xs_claim_clear (claim);
  g_free (claim);
}

typedef struct
{
  int         value;
  const char *text;
} Name;

static gboolean
lookup_name (const Name *names,
             gsize       n_names,
             const char *text,
             int        *value)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  for (gsize i = 0; i < n_names; i++)
    {
      if (g_ascii_strcasecmp (names[i].text, stripped) == 0)
        {
          *value = names[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
xs_category_to_string (XsCategory category)
{
  return category == XS_CATEGORY_PUBLIC ? "public" : "professional";
}

gboolean
xs_category_from_string (const char *text,
                         XsCategory *category)
{
  static const Name names[] = {
    { XS_CATEGORY_PUBLIC, "public" },
    { XS_CATEGORY_PUBLIC, "公需" },
    { XS_CATEGORY_PUBLIC, "公需科目" },
    { XS_CATEGORY_PUBLIC, "公需课" },
    { XS_CATEGORY_PROFESSIONAL, "professional" },
    { XS_CATEGORY_PROFESSIONAL, "专业" },
    { XS_CATEGORY_PROFESSIONAL, "专业科目" },
    { XS_CATEGORY_PROFESSIONAL, "专业课" },
  };
  int value;

  if (!lookup_name (names, G_N_ELEMENTS (names), text, &value))
    return FALSE;
  *category = value;
  return TRUE;
}

const char *
xs_category_get_label (XsCategory category)
{
  return category == XS_CATEGORY_PUBLIC ? _("Public") : _("Professional");
}

const char *
xs_source_to_string (XsSource source)
{
  return source == XS_SOURCE_BATCH ? "batch" : "individual";
}

gboolean
xs_source_from_string (const char *text,
                       XsSource   *source)
{
  static const Name names[] = {
    { XS_SOURCE_INDIVIDUAL, "individual" },
    { XS_SOURCE_BATCH, "batch" },
  };
  int value;

  if (!lookup_name (names, G_N_ELEMENTS (names), text, &value))
    return FALSE;
  *source = value;
  return TRUE;
}

static const Name status_names[] = {
  { XS_STATUS_DRAFT, "draft" },
  { XS_STATUS_SUBMITTED, "submitted" },
  { XS_STATUS_APPROVED, "approved" },
  { XS_STATUS_REJECTED, "rejected" },
};

const char *
xs_status_to_string (XsStatus status)
{
  g_return_val_if_fail (status <= XS_STATUS_REJECTED, NULL);
  return status_names[status].text;
}

gboolean
xs_status_from_string (const char *text,
                       XsStatus   *status)
{
  int value;

  if (!lookup_name (status_names, G_N_ELEMENTS (status_names), text, &value))
    return FALSE;
  *status = value;
  return TRUE;
}

const char *
xs_status_get_label (XsStatus status)
{
  switch (status)
    {
    case XS_STATUS_DRAFT:
      return _("Draft");
    case XS_STATUS_SUBMITTED:
      return _("Submitted");
    case XS_STATUS_APPROVED:
      return _("Approved");
    case XS_STATUS_REJECTED:
      return _("Rejected");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const Name side_names[] = {
  { XS_REVIEW_SIDE_HR, "hr" },
  { XS_REVIEW_SIDE_INDUSTRY, "industry" },
};

const char *
xs_review_side_to_string (XsReviewSide side)
{
  g_return_val_if_fail (side <= XS_REVIEW_SIDE_INDUSTRY, NULL);
  return side_names[side].text;
}

gboolean
xs_review_side_from_string (const char   *text,
                            XsReviewSide *side)
{
  static const Name names[] = {
    { XS_REVIEW_SIDE_HR, "hr" },
    { XS_REVIEW_SIDE_HR, "人社" },
    { XS_REVIEW_SIDE_HR, "人社部门" },
    { XS_REVIEW_SIDE_INDUSTRY, "industry" },
    { XS_REVIEW_SIDE_INDUSTRY, "行业" },
    { XS_REVIEW_SIDE_INDUSTRY, "行业主管部门" },
  };
  int value;

  if (!lookup_name (names, G_N_ELEMENTS (names), text, &value))
    return FALSE;
  *side = value;
  return TRUE;
}

const char *
xs_review_side_get_label (XsReviewSide side)
{
  switch (side)
    {
    case XS_REVIEW_SIDE_HR:
      return _("HR department");
    case XS_REVIEW_SIDE_INDUSTRY:
      return _("Industry department");
    default:
      g_return_val_if_reached (NULL);
    }
}

XsReviewSide
xs_review_side_for_category (XsCategory category)
{
  return category == XS_CATEGORY_PUBLIC ? XS_REVIEW_SIDE_HR : XS_REVIEW_SIDE_INDUSTRY;
}

static const Name absence_names[] = {
  { XS_ABSENCE_ABROAD, "abroad" },
  { XS_ABSENCE_SICK_LEAVE, "sick-leave" },
  { XS_ABSENCE_MATERNITY, "maternity" },
  { XS_ABSENCE_OTHER, "other" },
};

const char *
xs_absence_to_string (XsAbsence absence)
{
  for (gsize i = 0; i < G_N_ELEMENTS (absence_names); i++)
    if (absence_names[i].value == (int) absence)
      return absence_names[i].text;
  return NULL;
}

gboolean
xs_absence_from_string (const char *text,
                        XsAbsence  *absence)
{
  int value;

  if (!lookup_name (absence_names, G_N_ELEMENTS (absence_names), text, &value))
    return FALSE;
  *absence = value;
  return TRUE;
}
