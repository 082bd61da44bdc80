/* xs-claim-saver.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-claim-saver"

#include "config.h"

#include "xs-claim-saver.h"
#include "xs-claim-store.h"
#include "xs-evidence-text.h"
#include "xs-evidence.h"
#include "xs-job.h"
#include "xs-trainee-store.h"

struct _XsClaimSaver
{
  GObject  parent_instance;

  XsDb    *db;
};

G_DEFINE_FINAL_TYPE (XsClaimSaver, xs_claim_saver, G_TYPE_OBJECT)

static void
run_job (XsClaimSaver        *self,
         gpointer             source_tag,
         XsJobFunc            func,
         gpointer             data,
         GDestroyNotify       data_free,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(XsJob) job = xs_job_new (xs_db_get_data_dir (self->db), func, data, data_free);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  xs_job_run_for_task (job, task);
}

/* Loading ------------------------------------------------------------------ */

typedef struct
{
  gint64   claim_id;
  gint64   trainee_id;
} LoadData;

typedef struct
{
  XsClaim *claim;
  char    *trainee_name;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->claim, xs_claim_free);
  g_free (loaded->trainee_name);
  g_free (loaded);
}

/* In the worker: the claim and whose it is. */
static gboolean
load_claim (XsJob         *job,
            XsDb          *db,
            gpointer       job_data,
            GCancellable  *cancellable,
            GError       **error)
{
  LoadData *data = job_data;
  g_autoptr(XsTrainee) trainee = NULL;
  g_autoptr(XsClaim) claim = NULL;
  gint64 trainee_id = data->trainee_id;
  Loaded *loaded;

  if (data->claim_id > 0)
    {
      claim = xs_claim_store_get (db, data->claim_id, error);
      if (claim == NULL)
        return FALSE;
      trainee_id = claim->trainee_id;
    }
  trainee = xs_trainee_store_get (db, trainee_id, NULL);
  loaded = g_new0 (Loaded, 1);
  loaded->claim = g_steal_pointer (&claim);
  loaded->trainee_name = g_strdup (trainee != NULL ? trainee->name : "");
  xs_job_set_result (job, loaded, (GDestroyNotify) loaded_free);
  return TRUE;
}

void
xs_claim_saver_load_async (XsClaimSaver        *self,
                           gint64               claim_id,
                           gint64               trainee_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  LoadData *data;

  g_return_if_fail (XS_IS_CLAIM_SAVER (self));

  data = g_new0 (LoadData, 1);
  data->claim_id = claim_id;
  data->trainee_id = trainee_id;
  run_job (self, xs_claim_saver_load_async, load_claim, data, g_free, cancellable, callback, user_data);
}

gboolean
xs_claim_saver_load_finish (XsClaimSaver  *self,
                            GAsyncResult  *result,
                            XsClaim      **claim,
                            char         **trainee_name,
                            GError       **error)
{
  Loaded *loaded;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;
  if (claim != NULL)
    *claim = g_steal_pointer (&loaded->claim);
  if (trainee_name != NULL)
    *trainee_name = g_steal_pointer (&loaded->trainee_name);
  loaded_free (loaded);
  return TRUE;
}

/* Saving ------------------------------------------------------------------- */

typedef struct
{
  XsClaim    *claim;
  GHashTable *pending;     /* material → GStrv of paths */
  GHashTable *texts;       /* path → recognition as JSON */
  gboolean    submit;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_pointer (&data->claim, xs_claim_free);
  g_clear_pointer (&data->pending, g_hash_table_unref);
  g_clear_pointer (&data->texts, g_hash_table_unref);
  g_free (data);
}

/* What was read on a pending scan goes with its stored copy, so that it is
 * not read again. */
static gboolean
store_texts (XsDb        *db,
             GHashTable  *texts,
             GError     **error)
{
  GHashTableIter iter;
  gpointer path, json;

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &path, &json))
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sha256 = NULL;
      g_autoptr(XsRecognition) found = NULL;

      if (mapped == NULL)
        return FALSE;
      bytes = g_mapped_file_get_bytes (mapped);
      sha256 = xs_evidence_hash_bytes (bytes);
      found = xs_recognition_from_json (json, error);
      if (found == NULL || !xs_evidence_text_store (db, sha256, found, error))
        return FALSE;
    }
  return TRUE;
}

/* In the worker: the claim, the files attached before it was saved (and
 * their text) and, for Submit, the submission, in one transaction. */
static gboolean
save_claim (XsJob         *job,
            XsDb          *db,
            gpointer       job_data,
            GCancellable  *cancellable,
            GError       **error)
{
  SaveData *data = job_data;
  GHashTableIter iter;
  gpointer material, paths;
  gboolean ok;

  if (!xs_db_begin (db, error))
    return FALSE;
  ok = data->claim->id == 0 ? xs_claim_store_add (db, data->claim, error)
                            : xs_claim_store_update (db, data->claim, error);
  g_hash_table_iter_init (&iter, data->pending);
  while (ok && g_hash_table_iter_next (&iter, &material, &paths))
    ok = xs_claim_store_attach (db, data->claim->id, material, paths, error);
  if (ok)
    ok = store_texts (db, data->texts, error);
  if (ok && data->submit)
    {
      ok = xs_claim_store_submit (db, data->claim->id, error);
      if (ok)
        data->claim->status = XS_STATUS_SUBMITTED;
    }
  if (!ok)
    {
      xs_db_rollback (db);
      return FALSE;
    }
  if (!xs_db_commit (db, error))
    return FALSE;
  xs_job_set_result (job, xs_claim_copy (data->claim), (GDestroyNotify) xs_claim_free);
  return TRUE;
}

static GHashTable *
empty_table (void)
{
  return g_hash_table_new (g_str_hash, g_str_equal);
}

void
xs_claim_saver_save_async (XsClaimSaver        *self,
                           const XsClaim       *claim,
                           GHashTable          *pending,
                           GHashTable          *texts,
                           gboolean             submit,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  SaveData *data;

  g_return_if_fail (XS_IS_CLAIM_SAVER (self));
  g_return_if_fail (claim != NULL);

  data = g_new0 (SaveData, 1);
  data->claim = xs_claim_copy (claim);
  data->pending = pending != NULL ? g_hash_table_ref (pending) : empty_table ();
  data->texts = texts != NULL ? g_hash_table_ref (texts) : empty_table ();
  data->submit = submit;
  run_job (self, xs_claim_saver_save_async, save_claim, data, (GDestroyNotify) save_data_free,
           cancellable, callback, user_data);
}

XsClaim *
xs_claim_saver_save_finish (XsClaimSaver  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Withdrawing -------------------------------------------------------------- */

typedef struct
{
  gint64   claim_id;
  char    *reason;
} WithdrawData;

static void
withdraw_data_free (WithdrawData *data)
{
  g_free (data->reason);
  g_free (data);
}

/* In the worker: back to draft, and the claim as it is now. */
static gboolean
withdraw_claim (XsJob         *job,
                XsDb          *db,
                gpointer       job_data,
                GCancellable  *cancellable,
                GError       **error)
{
  WithdrawData *data = job_data;
  XsClaim *claim;

  if (!xs_claim_store_withdraw (db, data->claim_id, data->reason, error))
    return FALSE;
  claim = xs_claim_store_get (db, data->claim_id, error);
  if (claim == NULL)
    return FALSE;
  xs_job_set_result (job, claim, (GDestroyNotify) xs_claim_free);
  return TRUE;
}

void
xs_claim_saver_withdraw_async (XsClaimSaver        *self,
                               gint64               claim_id,
                               const char          *reason,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  WithdrawData *data;

  g_return_if_fail (XS_IS_CLAIM_SAVER (self));
  g_return_if_fail (reason != NULL);

  data = g_new0 (WithdrawData, 1);
  data->claim_id = claim_id;
  data->reason = g_strdup (reason);
  run_job (self, xs_claim_saver_withdraw_async, withdraw_claim, data, (GDestroyNotify) withdraw_data_free,
           cancellable, callback, user_data);
}

XsClaim *
xs_claim_saver_withdraw_finish (XsClaimSaver  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GObject ------------------------------------------------------------------- */

XsClaimSaver *
xs_claim_saver_new (XsDb *db)
{
  XsClaimSaver *self;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  self = g_object_new (XS_TYPE_CLAIM_SAVER, NULL);
  self->db = g_object_ref (db);
  return self;
}

static void
xs_claim_saver_dispose (GObject *object)
{
  XsClaimSaver *self = XS_CLAIM_SAVER (object);

  g_clear_object (&self->db);
  G_OBJECT_CLASS (xs_claim_saver_parent_class)->dispose (object);
}

static void
xs_claim_saver_class_init (XsClaimSaverClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xs_claim_saver_dispose;
}

static void
xs_claim_saver_init (XsClaimSaver *self)
{
}
