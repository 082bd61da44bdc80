/* xs-review-claim-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list owns the claims and the filter over them; the window shows
 * its selection and follows "current" and the counts.
 */
#define G_LOG_DOMAIN "xs-review-claim-list"

#include "config.h"

#include "xs-review-claim-list.h"

struct _XsReviewClaimList
{
  GObject             parent_instance;

  GListStore         *claims;      /* XsPackageClaimItem */
  GHashTable         *by_ref;      /* claim reference -> XsPackageClaimItem (borrowed) */
  GtkCustomFilter    *filter;      /* owned by the filter model */
  GtkSingleSelection *selection;
  XsPackageClaimItem *current;
  char               *search;      /* casefolded, stripped */
  XsReviewSide        side;
  gboolean            undecided_only;
};

G_DEFINE_FINAL_TYPE (XsReviewClaimList, xs_review_claim_list, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CURRENT,
  PROP_SIDE,
  PROP_SEARCH,
  PROP_UNDECIDED_ONLY,
  PROP_N_SHOWN,
  PROP_N_TOTAL,
  PROP_N_DECIDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

XsReviewClaimList *
xs_review_claim_list_new (void)
{
  return g_object_new (XS_TYPE_REVIEW_CLAIM_LIST, NULL);
}

GListModel *
xs_review_claim_list_get_claims (XsReviewClaimList *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_LIST (self), NULL);
  return G_LIST_MODEL (self->claims);
}

GtkSingleSelection *
xs_review_claim_list_get_selection (XsReviewClaimList *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_LIST (self), NULL);
  return self->selection;
}

XsPackageClaimItem *
xs_review_claim_list_get_current (XsReviewClaimList *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_LIST (self), NULL);
  return self->current;
}

XsReviewSide
xs_review_claim_list_get_side (XsReviewClaimList *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_LIST (self), XS_REVIEW_SIDE_HR);
  return self->side;
}

gboolean
xs_review_claim_list_is_to_do (XsReviewClaimList  *self,
                               XsPackageClaimItem *item)
{
  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_LIST (self), FALSE);
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (item), FALSE);

  return xs_package_claim_item_get_decidable (item)
         && xs_package_claim_item_get_side (item) == self->side
         && xs_package_claim_item_get_decision (item) == XS_STATUS_SUBMITTED;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  XsReviewClaimList *self = user_data;

  /* 待审核: what this side can still decide; the rest (the other side's,
   * decided before the package or here) only when the toggle is off */
  if (self->undecided_only && !xs_review_claim_list_is_to_do (self, item))
    return FALSE;
  return xs_package_claim_item_matches (item, self->search);
}

static void
notify_counts (XsReviewClaimList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DECIDED]);
}

void
xs_review_claim_list_refilter (XsReviewClaimList *self)
{
  g_return_if_fail (XS_IS_REVIEW_CLAIM_LIST (self));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  notify_counts (self);
}

void
xs_review_claim_list_set_side (XsReviewClaimList *self,
                               XsReviewSide       side)
{
  g_return_if_fail (XS_IS_REVIEW_CLAIM_LIST (self));
  g_return_if_fail (side == XS_REVIEW_SIDE_HR || side == XS_REVIEW_SIDE_INDUSTRY);

  if (self->side == side)
    return;
  self->side = side;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
  xs_review_claim_list_refilter (self);
}

void
xs_review_claim_list_set_search (XsReviewClaimList *self,
                                 const char        *text)
{
  g_autofree char *search = NULL;

  g_return_if_fail (XS_IS_REVIEW_CLAIM_LIST (self));

  search = g_strstrip (g_utf8_casefold (text != NULL ? text : "", -1));
  if (g_strcmp0 (search, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  xs_review_claim_list_refilter (self);
}

void
xs_review_claim_list_set_undecided_only (XsReviewClaimList *self,
                                         gboolean           undecided_only)
{
  g_return_if_fail (XS_IS_REVIEW_CLAIM_LIST (self));

  undecided_only = !!undecided_only;
  if (self->undecided_only == undecided_only)
    return;
  self->undecided_only = undecided_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDECIDED_ONLY]);
  xs_review_claim_list_refilter (self);
}

guint
xs_review_claim_list_get_n_shown (XsReviewClaimList *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

guint
xs_review_claim_list_get_n_total (XsReviewClaimList *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->claims));
}

guint
xs_review_claim_list_get_n_decided (XsReviewClaimList *self)
{
  guint n = 0;

  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_LIST (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->claims)); i++)
    {
      g_autoptr(XsPackageClaimItem) item = g_list_model_get_item (G_LIST_MODEL (self->claims), i);

      n += xs_package_claim_item_get_decided_here (item) ? 1 : 0;
    }
  return n;
}

void
xs_review_claim_list_add (XsReviewClaimList         *self,
                          XsPackageClaimItem *const *items,
                          guint                      n)
{
  g_return_if_fail (XS_IS_REVIEW_CLAIM_LIST (self));
  g_return_if_fail (items != NULL || n == 0);

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (self->by_ref, (gpointer) xs_package_claim_item_get_ref (items[i]), items[i]);
  g_list_store_splice (self->claims, g_list_model_get_n_items (G_LIST_MODEL (self->claims)), 0,
                       (gpointer *) items, n);
  notify_counts (self);
}

XsPackageClaimItem *
xs_review_claim_list_lookup (XsReviewClaimList *self,
                             const char        *ref)
{
  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_LIST (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);
  return g_hash_table_lookup (self->by_ref, ref);
}

gboolean
xs_review_claim_list_select_item (XsReviewClaimList  *self,
                                  XsPackageClaimItem *item)
{
  GListModel *shown;

  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_LIST (self), FALSE);
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (item), FALSE);

  shown = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(XsPackageClaimItem) shown_item = g_list_model_get_item (shown, i);

      if (shown_item == item)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

void
xs_review_claim_list_advance (XsReviewClaimList *self,
                              guint              position)
{
  GListModel *shown;
  guint n;

  g_return_if_fail (XS_IS_REVIEW_CLAIM_LIST (self));

  shown = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (shown);
  for (guint i = 0; i < n; i++)
    {
      guint at = (position + i) % n;
      g_autoptr(XsPackageClaimItem) item = g_list_model_get_item (shown, at);

      if (xs_review_claim_list_is_to_do (self, item))
        {
          gtk_single_selection_set_selected (self->selection, at);
          return;
        }
    }
}

/* The chosen claim's decision changes the count of decisions. */
static void
on_decision_changed (XsReviewClaimList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DECIDED]);
}

static void
on_selected_item_changed (XsReviewClaimList *self)
{
  XsPackageClaimItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item == self->current)
    return;
  if (self->current != NULL)
    g_signal_handlers_disconnect_by_func (self->current, on_decision_changed, self);
  g_set_object (&self->current, item);
  if (self->current != NULL)
    g_signal_connect_object (self->current, "notify::decision-label", G_CALLBACK (on_decision_changed),
                             self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

static void
xs_review_claim_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XsReviewClaimList *self = XS_REVIEW_CLAIM_LIST (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      g_value_set_object (value, self->current);
      break;
    case PROP_SIDE:
      g_value_set_int (value, self->side);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_UNDECIDED_ONLY:
      g_value_set_boolean (value, self->undecided_only);
      break;
    case PROP_N_SHOWN:
      g_value_set_uint (value, xs_review_claim_list_get_n_shown (self));
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, xs_review_claim_list_get_n_total (self));
      break;
    case PROP_N_DECIDED:
      g_value_set_uint (value, xs_review_claim_list_get_n_decided (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_claim_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  XsReviewClaimList *self = XS_REVIEW_CLAIM_LIST (object);

  switch (prop_id)
    {
    case PROP_SIDE:
      xs_review_claim_list_set_side (self, g_value_get_int (value));
      break;
    case PROP_SEARCH:
      xs_review_claim_list_set_search (self, g_value_get_string (value));
      break;
    case PROP_UNDECIDED_ONLY:
      xs_review_claim_list_set_undecided_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_claim_list_dispose (GObject *object)
{
  XsReviewClaimList *self = XS_REVIEW_CLAIM_LIST (object);

  if (self->current != NULL)
    g_signal_handlers_disconnect_by_func (self->current, on_decision_changed, self);
  g_clear_object (&self->current);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selected_item_changed, self);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (xs_review_claim_list_parent_class)->dispose (object);
}

static void
xs_review_claim_list_finalize (GObject *object)
{
  XsReviewClaimList *self = XS_REVIEW_CLAIM_LIST (object);

  g_clear_object (&self->claims);
  g_clear_pointer (&self->by_ref, g_hash_table_unref);
  g_free (self->search);

  G_OBJECT_CLASS (xs_review_claim_list_parent_class)->finalize (object);
}

static void
xs_review_claim_list_class_init (XsReviewClaimListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xs_review_claim_list_dispose;
  object_class->finalize = xs_review_claim_list_finalize;
  object_class->get_property = xs_review_claim_list_get_property;
  object_class->set_property = xs_review_claim_list_set_property;

  properties[PROP_CURRENT] =
    g_param_spec_object ("current", NULL, NULL, XS_TYPE_PACKAGE_CLAIM_ITEM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDE] =
    g_param_spec_int ("side", NULL, NULL, XS_REVIEW_SIDE_HR, XS_REVIEW_SIDE_INDUSTRY, XS_REVIEW_SIDE_HR,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDECIDED_ONLY] =
    g_param_spec_boolean ("undecided-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DECIDED] =
    g_param_spec_uint ("n-decided", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_review_claim_list_init (XsReviewClaimList *self)
{
  self->claims = g_list_store_new (XS_TYPE_PACKAGE_CLAIM_ITEM);
  self->by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  self->search = g_strdup ("");
  self->side = XS_REVIEW_SIDE_HR;
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->selection = gtk_single_selection_new (
    G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->claims)),
                                             GTK_FILTER (self->filter))));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item_changed), self);
}
