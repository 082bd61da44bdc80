/* xs-materials-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-materials-list"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-claim-store.h"
#include "xs-job.h"
#include "xs-material-row.h"
#include "xs-materials-list.h"

struct _XsMaterialsList
{
  AdwPreferencesGroup  parent_instance;

  XsDb                *db;
  XsRuleSet           *rules;
  gboolean             locked;
  XsClaim             *edited;          /* the claim as in the fields */
  gboolean             kind_changed;    /* asks for other materials than the stored claim */
  GPtrArray           *rows;            /* XsMaterialRow shown */
  GStrv                row_materials;   /* what they are for */
  GStrv                missing;         /* with no file yet, from the last load */
  GCancellable        *cancellable;     /* of the load under way */
  guint                load;            /* the number of the latest load */
};

G_DEFINE_FINAL_TYPE (XsMaterialsList, xs_materials_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_BUSY,
  PROP_MISSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  SUGGESTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Loading ------------------------------------------------------------------ */

typedef struct
{
  XsClaim   *claim;
  GPtrArray *evidence;
  GStrv      missing;
  guint      load;       /* the list's number for it */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->claim, xs_claim_free);
  g_clear_pointer (&data->evidence, g_ptr_array_unref);
  g_strfreev (data->missing);
  g_free (data);
}

/* In the worker: one read of the claim's files and of what is missing. */
static gboolean
load_materials (XsJob         *job,
                XsDb          *db,
                gpointer       task_data,
                GCancellable  *cancellable,
                GError       **error)
{
  LoadData *data = task_data;

  if (data->claim->id > 0)
    {
      data->evidence = xs_claim_store_list_evidence (db, data->claim->id, error);
      if (data->evidence == NULL)
        return FALSE;
    }
  data->missing = xs_claim_store_get_missing_materials (db, data->claim, error);
  return data->missing != NULL;
}

static gboolean
has_pending (XsMaterialRow *row)
{
  const char * const *pending = xs_material_row_get_pending (row);

  return pending != NULL && pending[0] != NULL;
}

char *
xs_materials_list_dup_missing_names (XsMaterialsList *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (XS_IS_MATERIALS_LIST (self), NULL);

  for (guint i = 0; self->missing != NULL && self->missing[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (names, _(", "));
      g_string_append (names, xs_rule_set_get_material_name (self->rules, self->missing[i]));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Missing: what the store says, less the materials with pending files. */
static void
set_missing (XsMaterialsList    *self,
             const char * const *missing)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; missing[i] != NULL; i++)
    {
      gboolean pending = FALSE;

      for (guint j = 0; j < self->rows->len && !pending; j++)
        {
          XsMaterialRow *row = g_ptr_array_index (self->rows, j);

          pending = g_str_equal (xs_material_row_get_material (row), missing[i]) && has_pending (row);
        }
      if (!pending)
        g_strv_builder_add (builder, missing[i]);
    }
  g_strfreev (self->missing);
  self->missing = g_strv_builder_end (builder);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MISSING]);
}

static void
update_description (XsMaterialsList *self)
{
  g_autoptr(GString) description = g_string_new (NULL);
  gboolean required = self->row_materials != NULL && self->row_materials[0] != NULL;
  gboolean missing = self->missing != NULL && self->missing[0] != NULL;

  if (!required)
    g_string_append (description, _("This claim needs no evidence."));
  else if (self->missing == NULL)
    ;
  else if (!missing)
    g_string_append (description, _("Every material has a file."));
  else
    {
      g_autofree char *names = xs_materials_list_dup_missing_names (self);

      /* Translators: the names of the materials with no file yet */
      g_string_append_printf (description, _("Missing: %s."), names);
    }
  if (self->locked || !required)
    ;
  else if (self->kind_changed)
    g_string_append_printf (description, "\n%s", _("Save the draft to attach files for the changed kind."));
  else if (self->edited != NULL && self->edited->id == 0)
    g_string_append_printf (description, "\n%s", _("Files attached now are stored with the claim when it is saved."));
  else if (missing)
    g_string_append_printf (description, "\n%s", _("Attach scans, or drop files from the file manager on a row."));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), g_strstrip (description->str));
}

/* A load holds the list weakly, and one replaced by a later load ends
 * without touching it: a load may be cancelled after it has read all. */
static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(XsMaterialsList) self = g_weak_ref_get (ref);
  LoadData *data = xs_job_get_data (XS_JOB (source));
  g_autoptr(GError) error = NULL;
  const char *none[] = { NULL };
  gboolean done = xs_job_run_finish (XS_JOB (source), result, &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL || data->load != self->load
      || (!done && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    return;
  g_clear_object (&self->cancellable);

  for (guint i = 0; i < self->rows->len; i++)
    xs_material_row_set_evidence (g_ptr_array_index (self->rows, i), data->evidence);
  set_missing (self, data->missing != NULL ? (const char * const *) data->missing : none);
  update_description (self);
  if (error != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
xs_materials_list_reload (XsMaterialsList *self)
{
  g_autoptr(XsJob) job = NULL;
  LoadData *data;
  GWeakRef *ref;
  gboolean was_loading;

  g_return_if_fail (XS_IS_MATERIALS_LIST (self));

  if (self->db == NULL || self->edited == NULL)
    return;
  was_loading = self->cancellable != NULL;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->claim = xs_claim_copy (self->edited);
  data->load = ++self->load;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  job = xs_job_new (xs_db_get_data_dir (self->db), load_materials, data, (GDestroyNotify) load_data_free);
  xs_job_run_async (job, self->cancellable, on_loaded, ref);
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Rows --------------------------------------------------------------------- */

static void
on_row_changed (XsMaterialsList *self)
{
  xs_materials_list_reload (self);
}

static void
on_row_busy (XsMaterialsList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_row_suggestion (XsMaterialsList *self,
                   const char      *field,
                   const char      *value)
{
  g_signal_emit (self, signals[SUGGESTION], 0, field, value);
}

static void
clear_rows (XsMaterialsList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      g_signal_handlers_disconnect_by_data (row, self);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

/* The rows of materials the claim still asks for are kept, with their
 * pending files (a scan is not lost to a change of kind); the others go. */
static void
rebuild_rows (XsMaterialsList    *self,
              const char * const *required)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->rows->len; i++)
    {
      XsMaterialRow *row = g_ptr_array_index (self->rows, i);

      if (g_strv_contains (required, xs_material_row_get_material (row))
          && xs_material_row_get_claim_id (row) == self->edited->id)
        g_ptr_array_add (kept, g_object_ref (row));
    }
  clear_rows (self);
  for (guint i = 0; required[i] != NULL; i++)
    {
      GtkWidget *row = NULL;

      for (guint j = 0; j < kept->len && row == NULL; j++)
        if (g_str_equal (xs_material_row_get_material (g_ptr_array_index (kept, j)), required[i]))
          row = g_ptr_array_index (kept, j);
      if (row == NULL)
        row = xs_material_row_new (self->db, self->edited->id, self->edited->trainee_id, required[i],
                                   xs_rule_set_get_material_name (self->rules, required[i]));

      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_row_changed), self);
      g_signal_connect_swapped (row, "notify::busy", G_CALLBACK (on_row_busy), self);
      g_signal_connect_swapped (row, "suggestion", G_CALLBACK (on_row_suggestion), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  g_strfreev (self->row_materials);
  self->row_materials = g_strdupv ((char **) required);
}

void
xs_materials_list_set_claim (XsMaterialsList *self,
                             const XsClaim   *edited,
                             const XsClaim   *stored)
{
  const char * const *required;
  gint64 old_id;

  g_return_if_fail (XS_IS_MATERIALS_LIST (self));
  g_return_if_fail (edited != NULL);
  g_return_if_fail (self->rules != NULL && self->db != NULL);

  old_id = self->edited != NULL ? self->edited->id : -1;
  g_clear_pointer (&self->edited, xs_claim_free);
  self->edited = xs_claim_copy (edited);
  self->kind_changed = stored != NULL
                       && (stored->category != edited->category
                           || stored->kind != edited->kind
                           || g_strcmp0 (stored->variant, edited->variant) != 0);

  required = xs_rule_set_get_required_materials (self->rules, edited);
  if (self->row_materials == NULL || !g_strv_equal ((const char * const *) self->row_materials, required))
    rebuild_rows (self, required);
  else if (old_id != edited->id)
    /* saved: the pending files went with the claim */
    for (guint i = 0; i < self->rows->len; i++)
      xs_material_row_set_claim_id (g_ptr_array_index (self->rows, i), edited->id);

  for (guint i = 0; i < self->rows->len; i++)
    xs_material_row_set_editable (g_ptr_array_index (self->rows, i), !self->locked && !self->kind_changed);
  /* A claim not saved has no files yet: every material it asks for is
   * missing, but for pending files; no need to wait for the store. */
  if (edited->id == 0)
    set_missing (self, required);
  update_description (self);
  xs_materials_list_reload (self);
}

/* Public ------------------------------------------------------------------- */

GtkWidget *
xs_materials_list_new (void)
{
  return g_object_new (XS_TYPE_MATERIALS_LIST, NULL);
}

void
xs_materials_list_set_db (XsMaterialsList *self,
                          XsDb            *db)
{
  g_return_if_fail (XS_IS_MATERIALS_LIST (self));
  g_set_object (&self->db, db);
}

void
xs_materials_list_set_rules (XsMaterialsList *self,
                             XsRuleSet       *rules)
{
  g_return_if_fail (XS_IS_MATERIALS_LIST (self));
  g_set_object (&self->rules, rules);
}

void
xs_materials_list_set_locked (XsMaterialsList *self,
                              gboolean         locked)
{
  g_return_if_fail (XS_IS_MATERIALS_LIST (self));

  self->locked = !!locked;
  for (guint i = 0; i < self->rows->len; i++)
    xs_material_row_set_editable (g_ptr_array_index (self->rows, i), !self->locked && !self->kind_changed);
  update_description (self);
}

gboolean
xs_materials_list_get_loading (XsMaterialsList *self)
{
  g_return_val_if_fail (XS_IS_MATERIALS_LIST (self), FALSE);
  return self->cancellable != NULL;
}

gboolean
xs_materials_list_get_busy (XsMaterialsList *self)
{
  g_return_val_if_fail (XS_IS_MATERIALS_LIST (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    if (xs_material_row_get_busy (g_ptr_array_index (self->rows, i)))
      return TRUE;
  return FALSE;
}

const char * const *
xs_materials_list_get_missing (XsMaterialsList *self)
{
  g_return_val_if_fail (XS_IS_MATERIALS_LIST (self), NULL);
  return (const char * const *) self->missing;
}

gboolean
xs_materials_list_has_pending (XsMaterialsList *self)
{
  g_return_val_if_fail (XS_IS_MATERIALS_LIST (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    if (has_pending (g_ptr_array_index (self->rows, i)))
      return TRUE;
  return FALSE;
}

GHashTable *
xs_materials_list_dup_pending (XsMaterialsList *self)
{
  GHashTable *pending;

  g_return_val_if_fail (XS_IS_MATERIALS_LIST (self), NULL);

  pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  for (guint i = 0; i < self->rows->len; i++)
    {
      XsMaterialRow *row = g_ptr_array_index (self->rows, i);

      if (has_pending (row))
        g_hash_table_insert (pending, g_strdup (xs_material_row_get_material (row)),
                             g_strdupv ((char **) xs_material_row_get_pending (row)));
    }
  return pending;
}

GHashTable *
xs_materials_list_dup_pending_texts (XsMaterialsList *self)
{
  GHashTable *texts;

  g_return_val_if_fail (XS_IS_MATERIALS_LIST (self), NULL);

  texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < self->rows->len; i++)
    {
      XsMaterialRow *row = g_ptr_array_index (self->rows, i);

      for (const char * const *p = xs_material_row_get_pending (row); *p != NULL; p++)
        {
          const XsRecognition *found = xs_material_row_get_pending_text (row, *p);
          g_autoptr(JsonNode) node = NULL;

          if (found == NULL)
            continue;
          node = xs_recognition_to_json (found);
          g_hash_table_insert (texts, g_strdup (*p), json_to_string (node, FALSE));
        }
    }
  return texts;
}

/* The rows rebuild_rows() would not keep for @edited, with their pending
 * files: "会议通知: a.pdf, b.pdf", one line a material. */
char *
xs_materials_list_dup_dropped (XsMaterialsList *self,
                               const XsClaim   *edited,
                               guint           *n_files)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  const char * const *required;
  guint n = 0;

  g_return_val_if_fail (XS_IS_MATERIALS_LIST (self), NULL);
  g_return_val_if_fail (edited != NULL, NULL);

  if (n_files != NULL)
    *n_files = 0;
  if (self->rules == NULL || self->edited == NULL)
    return NULL;
  required = xs_rule_set_get_required_materials (self->rules, edited);
  for (guint i = 0; i < self->rows->len; i++)
    {
      XsMaterialRow *row = g_ptr_array_index (self->rows, i);
      const char *material = xs_material_row_get_material (row);

      if (!has_pending (row)
          || (g_strv_contains (required, material) && xs_material_row_get_claim_id (row) == edited->id))
        continue;
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      /* Translators: a material and the names of its files, “会议通知：a.pdf, b.pdf” */
      g_string_append_printf (lines, _("%s: "), xs_rule_set_get_material_name (self->rules, material));
      for (const char * const *p = xs_material_row_get_pending (row); *p != NULL; p++, n++)
        {
          g_autofree char *name = g_path_get_basename (*p);

          if (p != xs_material_row_get_pending (row))
            g_string_append (lines, _(", "));
          g_string_append (lines, name);
        }
    }
  if (n_files != NULL)
    *n_files = n;
  return n > 0 ? g_string_free (g_steal_pointer (&lines), FALSE) : NULL;
}

/* GObject ------------------------------------------------------------------- */

static void
xs_materials_list_dispose (GObject *object)
{
  XsMaterialsList *self = XS_MATERIALS_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->rows != NULL)
    for (guint i = 0; i < self->rows->len; i++)
      g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->rows, i), self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_MATERIALS_LIST);
  g_clear_object (&self->db);
  g_clear_object (&self->rules);

  G_OBJECT_CLASS (xs_materials_list_parent_class)->dispose (object);
}

static void
xs_materials_list_finalize (GObject *object)
{
  XsMaterialsList *self = XS_MATERIALS_LIST (object);

  g_clear_pointer (&self->edited, xs_claim_free);
  g_strfreev (self->row_materials);
  g_strfreev (self->missing);

  G_OBJECT_CLASS (xs_materials_list_parent_class)->finalize (object);
}

static void
xs_materials_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XsMaterialsList *self = XS_MATERIALS_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, xs_materials_list_get_loading (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, xs_materials_list_get_busy (self));
      break;
    case PROP_MISSING:
      g_value_set_boxed (value, self->missing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_materials_list_class_init (XsMaterialsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_materials_list_dispose;
  object_class->finalize = xs_materials_list_finalize;
  object_class->get_property = xs_materials_list_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MISSING] =
    g_param_spec_boxed ("missing", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XsMaterialsList::changed:
   *
   * The claim's files and missing materials were read again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * XsMaterialsList::suggestion:
   * @field: "title", "date" (ISO) or "hours" (tenths)
   * @value: what a scan says
   *
   * The clerk chose to use something read on a scan.
   */
  signals[SUGGESTION] =
    g_signal_new ("suggestion", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-materials-list.ui");
}

static void
xs_materials_list_init (XsMaterialsList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}
