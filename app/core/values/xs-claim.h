/* xs-claim.h: one claim of hours, as the rules and the store see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  XS_CATEGORY_PUBLIC,
  XS_CATEGORY_PROFESSIONAL,
} XsCategory;

typedef enum
{
  XS_SOURCE_INDIVIDUAL,
  XS_SOURCE_BATCH,
} XsSource;

typedef enum
{
  XS_STATUS_DRAFT,
  XS_STATUS_SUBMITTED,
  XS_STATUS_APPROVED,
  XS_STATUS_REJECTED,
} XsStatus;

/* Who decides a claim (通知: 人社部门 public, 行业主管部门 professional). */
typedef enum
{
  XS_REVIEW_SIDE_HR,         /* the human resources department: public hours */
  XS_REVIEW_SIDE_INDUSTRY,   /* the trainee's industry department: professional hours */
} XsReviewSide;

typedef enum
{
  XS_ABSENCE_NONE,
  XS_ABSENCE_ABROAD,
  XS_ABSENCE_SICK_LEAVE,
  XS_ABSENCE_MATERNITY,
  XS_ABSENCE_OTHER,
} XsAbsence;

typedef struct
{
  gint64      id;              /* 0 until stored */
  gint64      trainee_id;
  gint64      class_id;        /* 0 when not from a class */
  int         year;
  XsCategory  category;
  gboolean    compulsory;      /* public only */
  int         kind;            /* 1…16 for professional, 0 for public */
  char       *variant;         /* NULL or a variant code of the kind */
  int         hours;           /* tenths of an hour */
  char       *title;
  GDate       date;
  XsSource    source;
  XsStatus    status;
  char       *reason;
  char       *reviewer;
  char       *plan_ref;
  XsAbsence   absence;
  double      absence_months;  /* whole or half months: 6.5 is 超过6个月 */
  gboolean    has_side;        /* decided by a known side (see side) */
  XsReviewSide side;           /* with has_side: who decided */
} XsClaim;

XsClaim    *xs_claim_new               (void);
XsClaim    *xs_claim_copy              (const XsClaim *claim);
void        xs_claim_free              (XsClaim       *claim);
/* Frees the strings, leaves the struct (for claims on the stack). */
void        xs_claim_clear             (XsClaim       *claim);

const char *xs_category_to_string      (XsCategory     category);   /* "public" */
gboolean    xs_category_from_string    (const char    *text,
                                        XsCategory    *category);  /* 公需/公需科目/专业/专业科目/public/professional */
const char *xs_category_get_label      (XsCategory     category);   /* localized */
const char *xs_source_to_string        (XsSource       source);
gboolean    xs_source_from_string      (const char    *text,
                                        XsSource      *source);
const char *xs_status_to_string        (XsStatus       status);     /* "draft" … */
gboolean    xs_status_from_string      (const char    *text,
                                        XsStatus      *status);
const char *xs_status_get_label        (XsStatus       status);     /* localized */
const char *xs_review_side_to_string   (XsReviewSide   side);       /* "hr" / "industry" */
gboolean    xs_review_side_from_string (const char    *text,
                                        XsReviewSide  *side);
const char *xs_review_side_get_label   (XsReviewSide   side);       /* localized */
/* The side that decides claims of @category. */
XsReviewSide xs_review_side_for_category (XsCategory   category);
const char *xs_absence_to_string       (XsAbsence      absence);    /* "abroad", "sick-leave", … NULL for none */
gboolean    xs_absence_from_string     (const char    *text,
                                        XsAbsence     *absence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsClaim, xs_claim_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XsClaim, xs_claim_clear)

G_END_DECLS
