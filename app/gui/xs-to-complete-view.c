/* xs-to-complete-view.c
 *
 * Claims to Complete: the year's drafts and rejected claims, read in a job
 * with their trainees' names. Activating one shows its trainee.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-to-complete-view"

#include "config.h"

#include "xs-claim-item.h"
#include "xs-claim-store.h"
#include "xs-job.h"
#include "xs-report.h"
#include "xs-rules.h"
#include "xs-to-complete-view.h"
#include "xs-trainee-names.h"

struct _XsToCompleteView
{
  GtkWidget     parent_instance;

  XsDb         *db;
  int           year;
  GListStore   *claims;        /* XsClaimItem, bound to list */
  GCancellable *cancellable;   /* of the read under way */

  /* template children */
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (XsToCompleteView, xs_to_complete_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DB,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  XsRuleSet  *rules;
  GPtrArray  *claims;   /* XsClaim */
  GHashTable *names;    /* trainee id → name */
} ToComplete;

static void
to_complete_free (ToComplete *read)
{
  g_clear_object (&read->rules);
  g_clear_pointer (&read->claims, g_ptr_array_unref);
  g_clear_pointer (&read->names, g_hash_table_unref);
  g_free (read);
}

static gboolean
read_to_complete (XsJob         *job,
                  XsDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  int year = *(int *) data;
  ToComplete *read = g_new0 (ToComplete, 1);
  g_autoptr(GArray) ids = NULL;

  xs_job_set_result (job, read, (GDestroyNotify) to_complete_free);
  if ((read->rules = xs_rule_set_for_year (year, error)) == NULL
      || (read->claims = xs_claim_store_list_to_complete (db, year, error)) == NULL)
    return FALSE;
  /* the names of these claims' trainees, not of the whole roster */
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), read->claims->len);
  for (guint i = 0; i < read->claims->len; i++)
    g_array_append_val (ids, ((XsClaim *) g_ptr_array_index (read->claims, i))->trainee_id);
  read->names = xs_trainee_store_list_names_of (db, (const gint64 *) ids->data, ids->len, error);
  return read->names != NULL;
}

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(XsToCompleteView) self = user_data;
  g_autoptr(GError) error = NULL;
  ToComplete *read;

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xs_report_toast (GTK_WIDGET (self), error->message);
      return;
    }
  read = xs_job_get_result (XS_JOB (object));

  g_list_store_remove_all (self->claims);
  for (guint i = 0; i < read->claims->len; i++)
    {
      XsClaim *claim = g_ptr_array_index (read->claims, i);
      const char *name = g_hash_table_lookup (read->names, &claim->trainee_id);
      g_autoptr(XsClaimItem) item = xs_claim_item_new (claim, read->rules, NULL);
      g_autofree char *title = g_strdup_printf ("%s · %s", name ? name : "", claim->title);

      xs_claim_item_set_title (item, title);
      g_list_store_append (self->claims, item);
    }
}

static void
cancel_read (XsToCompleteView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

void
xs_to_complete_view_reload (XsToCompleteView *self)
{
  g_autoptr(XsJob) job = NULL;

  g_return_if_fail (XS_IS_TO_COMPLETE_VIEW (self));

  cancel_read (self);
  if (self->db == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  job = xs_job_new (xs_db_get_data_dir (self->db), read_to_complete,
                    g_memdup2 (&self->year, sizeof self->year), g_free);
  xs_job_run_async (job, self->cancellable, on_read, g_object_ref (self));
}

GListModel *
xs_to_complete_view_get_model (XsToCompleteView *self)
{
  g_return_val_if_fail (XS_IS_TO_COMPLETE_VIEW (self), NULL);
  return G_LIST_MODEL (self->claims);
}

static void
on_row_activated (XsToCompleteView *self,
                  GtkListBoxRow    *row,
                  GtkListBox       *list)
{
  int index = gtk_list_box_row_get_index (row);
  g_autoptr(XsClaimItem) item = index >= 0 ? g_list_model_get_item (G_LIST_MODEL (self->claims), index) : NULL;

  if (item != NULL)
    xs_report_action (GTK_WIDGET (self), "win.show-trainee",
                      g_variant_new_int64 (xs_claim_item_get_claim (item)->trainee_id));
}

static void
xs_to_complete_view_dispose (GObject *object)
{
  XsToCompleteView *self = XS_TO_COMPLETE_VIEW (object);
  GtkWidget *child;

  cancel_read (self);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_TO_COMPLETE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->claims);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (xs_to_complete_view_parent_class)->dispose (object);
}

static void
xs_to_complete_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XsToCompleteView *self = XS_TO_COMPLETE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_to_complete_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  XsToCompleteView *self = XS_TO_COMPLETE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      /* a read from the database before is of no use any more */
      if (g_set_object (&self->db, g_value_get_object (value)))
        {
          cancel_read (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_YEAR:
      /* nor is one of another year */
      if (self->year != g_value_get_int (value))
        {
          self->year = g_value_get_int (value);
          cancel_read (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_to_complete_view_class_init (XsToCompleteViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_to_complete_view_dispose;
  object_class->get_property = xs_to_complete_view_get_property;
  object_class->set_property = xs_to_complete_view_set_property;

  /* The claims are read from @db, of @year, on reload. */
  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-to-complete-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XsToCompleteView, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xs_to_complete_view_init (XsToCompleteView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->claims = g_list_store_new (XS_TYPE_CLAIM_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->claims), xs_claim_item_create_row, NULL, NULL);
}
