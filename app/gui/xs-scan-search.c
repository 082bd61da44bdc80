/* xs-scan-search.c: the claims whose scans hold the words searched for
 *
 * The search of the trainees' list also reads the text recognised on the
 * scans (xs_evidence_text_search_matches()): the claims found are listed
 * under the search bar, each with its trainee and the words around the
 * match, and open their trainee.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-scan-search"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-claim-store.h"
#include "xs-evidence-text.h"
#include "xs-job.h"
#include "xs-report.h"
#include "xs-scan-match-item.h"
#include "xs-scan-search.h"
#include "xs-trainee-store.h"

/* At most this many claims are listed. */
#define MAX_MATCHES 50

struct _XsScanSearch
{
  GtkWidget     parent_instance;

  XsDb         *db;
  char         *search;
  GListStore   *matches;    /* XsScanMatchItem */
  GCancellable *cancellable;

  /* template children */
  GtkRevealer  *revealer;
  GtkLabel     *heading;
  GtkListView  *list_view;
};

G_DEFINE_FINAL_TYPE (XsScanSearch, xs_scan_search, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DB,
  PROP_SEARCH,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The job: the words in, the items out. */

typedef struct
{
  GPtrArray *items;   /* XsScanMatchItem, at most MAX_MATCHES */
  guint      total;   /* claims found */
} Found;

static void
found_free (Found *found)
{
  g_clear_pointer (&found->items, g_ptr_array_unref);
  g_free (found);
}

static gboolean
search_scans (XsJob         *job,
              XsDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  const char *words = data;
  g_autoptr(GPtrArray) matches = xs_evidence_text_search_matches (db, words, error);
  Found *found;

  if (matches == NULL)
    return FALSE;
  found = g_new0 (Found, 1);
  found->total = matches->len;
  found->items = g_ptr_array_new_with_free_func (g_object_unref);
  xs_job_set_result (job, found, (GDestroyNotify) found_free);
  for (guint i = 0; i < matches->len && i < MAX_MATCHES; i++)
    {
      XsScanMatch *match = g_ptr_array_index (matches, i);
      g_autoptr(XsClaim) claim = xs_claim_store_get (db, match->claim_id, NULL);
      g_autoptr(XsTrainee) trainee = xs_trainee_store_get (db, match->trainee_id, NULL);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_ptr_array_add (found->items,
                       xs_scan_match_item_new (match->claim_id, claim ? claim->title : NULL, match->year,
                                               match->trainee_id, trainee ? trainee->name : NULL,
                                               match->snippet, words));
    }
  return TRUE;
}

static void
show_found (XsScanSearch *self,
            Found        *found)
{
  g_autofree char *heading = NULL;

  g_list_store_remove_all (self->matches);
  if (found == NULL || found->total == 0)
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      return;
    }
  g_list_store_splice (self->matches, 0, 0, found->items->pdata, found->items->len);
  if (found->total > found->items->len)
    /* Translators: more claims were found than are listed */
    heading = g_strdup_printf (_("Found on the scans of %u claims (the first %u listed)"),
                               found->total, found->items->len);
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Found on the scans of %u claim",
                                            "Found on the scans of %u claims", found->total),
                               found->total);
  gtk_label_set_label (self->heading, heading);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
set_busy (XsScanSearch *self,
          GCancellable *cancellable)
{
  gboolean was_busy = self->cancellable != NULL;

  g_set_object (&self->cancellable, cancellable);
  if (was_busy != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_searched (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XsScanSearch) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Searching the scans' text: %s", error->message);
      show_found (self, NULL);
    }
  else
    show_found (self, xs_job_get_result (XS_JOB (object)));
  set_busy (self, NULL);
}

static void
start_search (XsScanSearch *self)
{
  g_autoptr(XsJob) job = NULL;
  g_autoptr(GCancellable) cancellable = NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  set_busy (self, NULL);
  if (self->db == NULL || self->search == NULL)
    {
      show_found (self, NULL);
      return;
    }
  cancellable = g_cancellable_new ();
  set_busy (self, cancellable);
  job = xs_job_new (xs_db_get_data_dir (self->db), search_scans, g_strdup (self->search), g_free);
  xs_job_run_async (job, cancellable, on_searched, g_object_ref (self));
}

/* The list */

/* The rows' template: what was found, and where in the scan's text. */

static char *
match_title (GtkListItem     *list_item,
             XsScanMatchItem *item)
{
  return item != NULL ? g_strdup (xs_scan_match_item_get_title (item)) : NULL;
}

static char *
match_markup (GtkListItem     *list_item,
              XsScanMatchItem *item)
{
  return item != NULL ? g_strdup (xs_scan_match_item_get_markup (item)) : NULL;
}

static void
on_activate (XsScanSearch *self,
             guint         position,
             GtkListView  *list_view)
{
  g_autoptr(XsScanMatchItem) item = g_list_model_get_item (G_LIST_MODEL (self->matches), position);

  if (item != NULL)
    xs_report_action (GTK_WIDGET (self), "win.show-trainee",
                      g_variant_new_int64 (xs_scan_match_item_get_trainee_id (item)));
}

/* Public */

void
xs_scan_search_set_search (XsScanSearch *self,
                           const char   *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  g_return_if_fail (XS_IS_SCAN_SEARCH (self));

  if (g_strcmp0 (self->search, *stripped ? stripped : NULL) == 0)
    return;
  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_steal_pointer (&stripped);
  start_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

GListModel *
xs_scan_search_get_matches (XsScanSearch *self)
{
  g_return_val_if_fail (XS_IS_SCAN_SEARCH (self), NULL);
  return G_LIST_MODEL (self->matches);
}

gboolean
xs_scan_search_get_busy (XsScanSearch *self)
{
  g_return_val_if_fail (XS_IS_SCAN_SEARCH (self), FALSE);
  return self->cancellable != NULL;
}

/* GObject */

static void
xs_scan_search_dispose (GObject *object)
{
  XsScanSearch *self = XS_SCAN_SEARCH (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_SCAN_SEARCH);
  g_clear_object (&self->matches);
  g_clear_object (&self->db);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (xs_scan_search_parent_class)->dispose (object);
}

static void
xs_scan_search_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XsScanSearch *self = XS_SCAN_SEARCH (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_scan_search_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  XsScanSearch *self = XS_SCAN_SEARCH (object);

  switch (prop_id)
    {
    case PROP_DB:
      if (g_set_object (&self->db, g_value_get_object (value)))
        {
          start_search (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SEARCH:
      xs_scan_search_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_scan_search_class_init (XsScanSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_scan_search_dispose;
  object_class->get_property = xs_scan_search_get_property;
  object_class->set_property = xs_scan_search_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-scan-search.ui");
  gtk_widget_class_bind_template_child (widget_class, XsScanSearch, revealer);
  gtk_widget_class_bind_template_child (widget_class, XsScanSearch, heading);
  gtk_widget_class_bind_template_child (widget_class, XsScanSearch, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, match_title);
  gtk_widget_class_bind_template_callback (widget_class, match_markup);
}

static void
xs_scan_search_init (XsScanSearch *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->matches = g_list_store_new (XS_TYPE_SCAN_MATCH_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->matches)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}
