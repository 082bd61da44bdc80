/* xs-evidence-attacher.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-evidence-attacher"

#include "config.h"

#include "xs-claim-store.h"
#include "xs-evidence-attacher.h"
#include "xs-evidence-text.h"
#include "xs-job.h"
#include "xs-recognise.h"
#include "xs-scan-pdf.h"
#include "xs-trainee-store.h"

struct _XsEvidenceAttacher
{
  GObject       parent_instance;

  XsDb         *db;
  gint64        claim_id;
  gint64        trainee_id;     /* of a claim not saved yet */
  char         *material;
  GPtrArray    *pending;        /* char *, NULL-ended */
  GHashTable   *scans;          /* pending path of a scan → XsRecognition or NULL */
  GHashTable   *texts;          /* pending attached file → XsRecognition */
  GCancellable *cancellable;    /* of the attach in flight */
  GCancellable *read_cancellable; /* of the pending files' reading */
};

G_DEFINE_FINAL_TYPE (XsEvidenceAttacher, xs_evidence_attacher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DB,
  PROP_CLAIM_ID,
  PROP_MATERIAL,
  PROP_BUSY,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  DETACHED,
  RECOGNISED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  OP_ATTACH,
  OP_DETACH,
  OP_UNDO_DETACH,
  OP_READ,                 /* pending files of a claim not saved yet */
} Op;

typedef struct
{
  Op       op;
  gint64   claim_id;
  char    *material;
  GStrv    paths;          /* to attach */
  gint64   evidence_id;    /* to detach, or to link again */
  gint64   trainee_id;     /* whose name and number the files are read for */
} AttachData;

/* What the first file with text says, read in the worker. */
typedef struct
{
  char          *path;
  XsRecognition *found;
  char          *trainee_id_number;
} ReadResult;

static void
attach_data_free (AttachData *data)
{
  g_free (data->material);
  g_strfreev (data->paths);
  g_free (data);
}

static void
read_result_free (ReadResult *result)
{
  g_free (result->path);
  g_clear_pointer (&result->found, xs_recognition_free);
  g_free (result->trainee_id_number);
  g_free (result);
}

static XsRecognition *
copy_recognition (const XsRecognition *found)
{
  g_autoptr(JsonNode) node = xs_recognition_to_json (found);
  g_autofree char *json = json_to_string (node, FALSE);

  return xs_recognition_from_json (json, NULL);
}

/* Reads what each of @paths says (the text already stored for a file's
 * content is taken as it is) and keeps the first that says anything;
 * @stored: the files are stored evidence, whose text is kept with them. */
static gboolean
read_files (XsJob         *job,
            XsDb          *db,
            AttachData    *data,
            gboolean       stored,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(XsTrainee) trainee = NULL;
  ReadResult *result = g_new0 (ReadResult, 1);

  xs_job_set_result (job, result, (GDestroyNotify) read_result_free);
  if (data->claim_id > 0)
    {
      g_autoptr(XsClaim) claim = xs_claim_store_get (db, data->claim_id, NULL);

      trainee = claim ? xs_trainee_store_get (db, claim->trainee_id, NULL) : NULL;
    }
  else if (data->trainee_id > 0)
    trainee = xs_trainee_store_get (db, data->trainee_id, NULL);
  result->trainee_id_number = trainee ? g_strdup (trainee->id_number) : NULL;

  for (guint i = 0; xs_recognise_is_supported () && data->paths[i] != NULL; i++)
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (data->paths[i], FALSE, NULL);
      g_autoptr(GBytes) bytes = mapped ? g_mapped_file_get_bytes (mapped) : NULL;
      g_autofree char *sha256 = bytes ? xs_evidence_hash_bytes (bytes) : NULL;
      g_autoptr(XsRecognition) found = NULL;
      const char *name = trainee ? trainee->name : NULL;

      if (sha256 == NULL)
        continue;
      if (stored)
        found = xs_evidence_recognise (db, sha256, name, cancellable, NULL);
      else
        {
          found = xs_evidence_text_get (db, sha256, NULL);
          if (found == NULL)
            found = xs_recognise_bytes (bytes, data->paths[i], name, cancellable, NULL);
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (found != NULL && result->found == NULL && found->text != NULL && found->text[strspn (found->text, " \t\r\n")] != '\0')
        {
          result->path = g_strdup (data->paths[i]);
          result->found = g_steal_pointer (&found);
        }
    }
  return TRUE;
}

static void
recognition_free (gpointer data)
{
  g_clear_pointer (&data, xs_recognition_free);
}

/* In the worker, on its own connection. */
static gboolean
attach_files_to_claim (XsJob         *job,
                       XsDb          *db,
                       gpointer       task_data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  AttachData *data = task_data;

  if (data->op == OP_DETACH)
    return xs_claim_store_detach (db, data->claim_id, data->material, data->evidence_id, error);
  if (data->op == OP_UNDO_DETACH)
    return xs_claim_store_undo_detach (db, data->claim_id, data->material, data->evidence_id, error);
  if (data->op == OP_READ)
    return read_files (job, db, data, FALSE, cancellable, error);

  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || !xs_claim_store_attach (db, data->claim_id, data->material,
                                 (const char * const *) data->paths, error))
    return FALSE;
  /* The text of each file is read once and kept for search and Check
   * Data; a file that cannot be read is still attached. */
  return read_files (job, db, data, TRUE, cancellable, error);
}

static void
job_done (XsEvidenceAttacher *self,
          GObject            *source,
          GAsyncResult       *result)
{
  AttachData *data = xs_job_get_data (XS_JOB (source));
  g_autoptr(GError) error = NULL;
  ReadResult *read;

  if (!xs_job_run_finish (XS_JOB (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (data->op == OP_READ)
    g_clear_object (&self->read_cancellable);
  else
    g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  if (error == NULL && data->op == OP_DETACH)
    g_signal_emit (self, signals[DETACHED], 0, data->evidence_id);
  read = error == NULL ? xs_job_get_result (XS_JOB (source)) : NULL;
  /* a pending file read: kept with its text, unless dropped meanwhile */
  if (data->op == OP_READ && read != NULL && read->found != NULL
      && g_strv_contains ((const char * const *) self->pending->pdata, read->path))
    g_hash_table_replace (self->texts, g_strdup (read->path), copy_recognition (read->found));
  if (data->op != OP_READ)
    g_signal_emit (self, signals[FINISHED], 0, error != NULL ? error->message : NULL);
  if (read != NULL && read->found != NULL)
    g_signal_emit (self, signals[RECOGNISED], 0, read->found, read->trainee_id_number);
}

static void
attach_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XsEvidenceAttacher) self = user_data;

  job_done (self, source, result);
}

/* Reading holds the attacher weakly: an editor closed meanwhile goes. */
static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(XsEvidenceAttacher) self = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self != NULL)
    job_done (self, source, result);
}

/* Runs @data (given) for the claim and material in a job. Reading the
 * pending files goes on beside the rest and does not make the attacher
 * busy: they are the claim's as soon as they are chosen. */
static void
run (XsEvidenceAttacher *self,
     AttachData         *data)
{
  g_autoptr(XsJob) job = NULL;
  GCancellable *cancellable;

  data->claim_id = self->claim_id;
  data->trainee_id = self->trainee_id;
  data->material = g_strdup (self->material);
  if (data->op == OP_READ)
    cancellable = self->read_cancellable = g_cancellable_new ();
  else
    {
      cancellable = self->cancellable = g_cancellable_new ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  job = xs_job_new (xs_db_get_data_dir (self->db), attach_files_to_claim,
                    data, (GDestroyNotify) attach_data_free);
  if (data->op == OP_READ)
    {
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (ref, self);
      xs_job_run_async (job, cancellable, read_done, ref);
    }
  else
    xs_job_run_async (job, cancellable, attach_done, g_object_ref (self));
}

/* Reads the pending files not read yet (scans were, by the scan dialog);
 * a reading under way starts again with them. */
static void
read_pending (XsEvidenceAttacher *self)
{
  g_autoptr(GPtrArray) unread = g_ptr_array_new ();
  AttachData *data;

  if (!xs_recognise_is_supported ())
    return;
  for (guint i = 0; i + 1 < self->pending->len; i++)
    {
      const char *path = g_ptr_array_index (self->pending, i);

      if (!g_hash_table_contains (self->scans, path) && !g_hash_table_contains (self->texts, path))
        g_ptr_array_add (unread, (gpointer) path);
    }
  if (unread->len == 0)
    return;
  g_ptr_array_add (unread, NULL);
  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  data = g_new0 (AttachData, 1);
  data->op = OP_READ;
  data->paths = g_strdupv ((char **) unread->pdata);
  run (self, data);
}

void
xs_evidence_attacher_attach (XsEvidenceAttacher *self,
                             const char * const *paths)
{
  AttachData *data;

  g_return_if_fail (XS_IS_EVIDENCE_ATTACHER (self));
  g_return_if_fail (paths != NULL);

  if (paths[0] == NULL || self->cancellable != NULL)
    return;

  if (self->claim_id <= 0)
    {
      /* kept until the claim is saved, each file once */
      for (guint i = 0; paths[i] != NULL; i++)
        if (!g_strv_contains ((const char * const *) self->pending->pdata, paths[i]))
          g_ptr_array_insert (self->pending, self->pending->len - 1, g_strdup (paths[i]));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
      g_signal_emit (self, signals[FINISHED], 0, NULL);
      /* then read, to offer what they say */
      read_pending (self);
      return;
    }

  data = g_new0 (AttachData, 1);
  data->op = OP_ATTACH;
  data->paths = g_strdupv ((char **) paths);
  run (self, data);
}

static void
run_on_file (XsEvidenceAttacher *self,
             Op                  op,
             gint64              evidence_id)
{
  AttachData *data;

  if (self->cancellable != NULL || self->claim_id <= 0)
    return;
  data = g_new0 (AttachData, 1);
  data->op = op;
  data->evidence_id = evidence_id;
  run (self, data);
}

void
xs_evidence_attacher_detach (XsEvidenceAttacher *self,
                             gint64              evidence_id)
{
  g_return_if_fail (XS_IS_EVIDENCE_ATTACHER (self));
  run_on_file (self, OP_DETACH, evidence_id);
}

void
xs_evidence_attacher_undo_detach (XsEvidenceAttacher *self,
                                  gint64              evidence_id)
{
  g_return_if_fail (XS_IS_EVIDENCE_ATTACHER (self));
  run_on_file (self, OP_UNDO_DETACH, evidence_id);
}

void
xs_evidence_attacher_cancel (XsEvidenceAttacher *self)
{
  g_return_if_fail (XS_IS_EVIDENCE_ATTACHER (self));

  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* A scan made for the claim is deleted once it is no longer pending:
 * stored with the claim (which keeps its own copy), removed, or dropped
 * with the claim. */
static void
forget_scan (XsEvidenceAttacher *self,
             const char         *path)
{
  g_hash_table_remove (self->texts, path);
  if (!g_hash_table_contains (self->scans, path))
    return;
  xs_scan_remove_tmp (path);
  g_hash_table_remove (self->scans, path);
}

void
xs_evidence_attacher_add_scan (XsEvidenceAttacher  *self,
                               const char          *path,
                               const XsRecognition *found)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  XsRecognition *copy = NULL;

  g_return_if_fail (XS_IS_EVIDENCE_ATTACHER (self));
  g_return_if_fail (path != NULL);

  if (g_strv_contains ((const char * const *) self->pending->pdata, path))
    return;
  if (self->claim_id > 0)
    {
      /* not ours to keep: a scan of a saved claim is stored at once */
      xs_scan_remove_tmp (path);
      return;
    }
  if (found != NULL)
    {
      node = xs_recognition_to_json (found);
      json = json_to_string (node, FALSE);
      copy = xs_recognition_from_json (json, NULL);
    }
  g_hash_table_insert (self->scans, g_strdup (path), copy);
  g_ptr_array_insert (self->pending, self->pending->len - 1, g_strdup (path));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  g_signal_emit (self, signals[FINISHED], 0, NULL);
}

const XsRecognition *
xs_evidence_attacher_get_pending_text (XsEvidenceAttacher *self,
                                       const char         *path)
{
  g_return_val_if_fail (XS_IS_EVIDENCE_ATTACHER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  if (g_hash_table_contains (self->scans, path))
    return g_hash_table_lookup (self->scans, path);
  return g_hash_table_lookup (self->texts, path);
}

void
xs_evidence_attacher_set_trainee_id (XsEvidenceAttacher *self,
                                     gint64              trainee_id)
{
  g_return_if_fail (XS_IS_EVIDENCE_ATTACHER (self));
  self->trainee_id = trainee_id;
}

const char * const *
xs_evidence_attacher_get_pending (XsEvidenceAttacher *self)
{
  g_return_val_if_fail (XS_IS_EVIDENCE_ATTACHER (self), NULL);
  return (const char * const *) self->pending->pdata;
}

void
xs_evidence_attacher_drop_pending (XsEvidenceAttacher *self,
                                   const char         *path)
{
  guint before;

  g_return_if_fail (XS_IS_EVIDENCE_ATTACHER (self));

  before = self->pending->len;
  for (guint i = self->pending->len - 1; i-- > 0;)
    if (path == NULL || g_strcmp0 (g_ptr_array_index (self->pending, i), path) == 0)
      {
        forget_scan (self, g_ptr_array_index (self->pending, i));
        g_ptr_array_remove_index (self->pending, i);
      }
  if (before != self->pending->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

gint64
xs_evidence_attacher_get_claim_id (XsEvidenceAttacher *self)
{
  g_return_val_if_fail (XS_IS_EVIDENCE_ATTACHER (self), 0);
  return self->claim_id;
}

/* A claim just saved: its pending files were stored with it. */
void
xs_evidence_attacher_set_claim_id (XsEvidenceAttacher *self,
                                   gint64              claim_id)
{
  g_return_if_fail (XS_IS_EVIDENCE_ATTACHER (self));

  if (self->claim_id == claim_id)
    return;
  xs_evidence_attacher_cancel (self);
  self->claim_id = claim_id;
  if (claim_id > 0)
    xs_evidence_attacher_drop_pending (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIM_ID]);
}

const char *
xs_evidence_attacher_get_material (XsEvidenceAttacher *self)
{
  g_return_val_if_fail (XS_IS_EVIDENCE_ATTACHER (self), NULL);
  return self->material;
}

gboolean
xs_evidence_attacher_get_busy (XsEvidenceAttacher *self)
{
  g_return_val_if_fail (XS_IS_EVIDENCE_ATTACHER (self), FALSE);
  return self->cancellable != NULL;
}

XsEvidenceAttacher *
xs_evidence_attacher_new (XsDb       *db,
                          gint64      claim_id,
                          const char *material)
{
  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (material != NULL, NULL);

  return g_object_new (XS_TYPE_EVIDENCE_ATTACHER,
                       "db", db, "claim-id", claim_id, "material", material, NULL);
}

static void
xs_evidence_attacher_dispose (GObject *object)
{
  XsEvidenceAttacher *self = XS_EVIDENCE_ATTACHER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (xs_evidence_attacher_parent_class)->dispose (object);
}

static void
xs_evidence_attacher_finalize (GObject *object)
{
  XsEvidenceAttacher *self = XS_EVIDENCE_ATTACHER (object);

  /* the claim was not saved: its scans go with it */
  while (g_hash_table_size (self->scans) > 0)
    {
      GHashTableIter iter;
      gpointer path;

      g_hash_table_iter_init (&iter, self->scans);
      g_hash_table_iter_next (&iter, &path, NULL);
      forget_scan (self, path);
    }
  g_hash_table_unref (self->scans);
  g_hash_table_unref (self->texts);
  g_free (self->material);
  g_ptr_array_unref (self->pending);

  G_OBJECT_CLASS (xs_evidence_attacher_parent_class)->finalize (object);
}

static void
xs_evidence_attacher_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XsEvidenceAttacher *self = XS_EVIDENCE_ATTACHER (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_CLAIM_ID:
      g_value_set_int64 (value, self->claim_id);
      break;
    case PROP_MATERIAL:
      g_value_set_string (value, self->material);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    case PROP_PENDING:
      g_value_set_boxed (value, self->pending->pdata);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_evidence_attacher_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  XsEvidenceAttacher *self = XS_EVIDENCE_ATTACHER (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;
    case PROP_CLAIM_ID:
      xs_evidence_attacher_set_claim_id (self, g_value_get_int64 (value));
      break;
    case PROP_MATERIAL:
      self->material = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_evidence_attacher_class_init (XsEvidenceAttacherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xs_evidence_attacher_dispose;
  object_class->finalize = xs_evidence_attacher_finalize;
  object_class->get_property = xs_evidence_attacher_get_property;
  object_class->set_property = xs_evidence_attacher_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLAIM_ID] =
    g_param_spec_int64 ("claim-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MATERIAL] =
    g_param_spec_string ("material", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PENDING] =
    g_param_spec_boxed ("pending", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XsEvidenceAttacher::finished:
   * @message: (nullable): why the files were refused, or NULL
   *
   * An attach ended: the claim's evidence should be read again.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * XsEvidenceAttacher::detached:
   * @evidence_id: the file taken off the material
   *
   * A file was removed (before ::finished); xs_evidence_attacher_undo_detach()
   * links it again.
   */
  signals[DETACHED] =
    g_signal_new ("detached",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * XsEvidenceAttacher::recognised:
   * @found: (type gpointer): what the first file with text says
   *   (const XsRecognition *, valid during the emission)
   * @trainee_id_number: (nullable): the claim's trainee's identity number
   *
   * The files attached (or kept pending) were read, after ::finished.
   */
  signals[RECOGNISED] =
    g_signal_new ("recognised",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_STRING);
}

static void
xs_evidence_attacher_init (XsEvidenceAttacher *self)
{
  self->pending = g_ptr_array_new_with_free_func (g_free);
  self->scans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, recognition_free);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, recognition_free);
  g_ptr_array_add (self->pending, NULL);
}
