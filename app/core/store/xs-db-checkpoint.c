/* xs-db-checkpoint.c: copying a large import's log into the database
 * while the import goes on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A large import commits in chunks into the write-ahead log; copying the
 * log into the database (and syncing both files) at the end took a
 * fifth of its time, all of it waiting on the disk. A checkpointer
 * copies what the chunks committed so far on a connection of its own, in
 * a thread, while the import reads and writes the next chunks: SQLite
 * lets a passive checkpoint run beside a writer, and never copies a page
 * a transaction has not committed. At the end only what was committed
 * since its last run is left to copy. It changes nothing an import guarantees: the log is the same,
 * what is committed is durable as before, and a process that stops leaves
 * a database SQLite recovers as after any checkpoint.
 */
#define G_LOG_DOMAIN "xs-db"

#include "config.h"

#include <sqlite3.h>

#include "xs-db-private.h"

struct _XsDbCheckpointer
{
  char    *path;
  sqlite3 *handle;    /* opened by the first run, in its thread */
  gboolean failed;    /* could not open it: no checkpoints */
  GThread *thread;
  gint     running;
};

static gpointer
checkpoint_thread (gpointer data)
{
  XsDbCheckpointer *self = data;

  /* Opened once, by the first run; it finds the log at its first read. */
  if (self->handle == NULL && !self->failed)
    {
      if (sqlite3_open_v2 (self->path, &self->handle,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK
          || sqlite3_exec (self->handle, "PRAGMA schema_version", NULL, NULL, NULL) != SQLITE_OK)
        {
          /* The import goes on; its last commit copies the whole log. */
          g_debug ("No checkpointer for %s: %s", self->path,
                   self->handle != NULL ? sqlite3_errmsg (self->handle) : "out of memory");
          g_clear_pointer (&self->handle, sqlite3_close);
          self->failed = TRUE;
        }
    }
  /* Passive: copies what no reader still needs, waits for no one; busy
   * (another checkpoint running) is no failure. */
  if (self->handle != NULL)
    sqlite3_wal_checkpoint_v2 (self->handle, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  g_atomic_int_set (&self->running, 0);
  return NULL;
}

XsDbCheckpointer *
_xs_db_checkpointer_new (XsDb *db)
{
  XsDbCheckpointer *self;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  self = g_new0 (XsDbCheckpointer, 1);
  self->path = g_strdup (xs_db_get_path (db));
  return self;
}

void
_xs_db_checkpointer_run (XsDbCheckpointer *self)
{
  g_return_if_fail (self != NULL);

  /* One at a time: a chunk committed while one runs is copied by the
   * next. */
  if (g_atomic_int_get (&self->running))
    return;
  g_clear_pointer (&self->thread, g_thread_join);
  g_atomic_int_set (&self->running, 1);
  self->thread = g_thread_try_new ("xs-checkpoint", checkpoint_thread, self, NULL);
  if (self->thread == NULL)
    g_atomic_int_set (&self->running, 0);
}

void
_xs_db_checkpointer_free (XsDbCheckpointer *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->thread, g_thread_join);
  /* Another connection is open (the import's): closing this one copies
   * nothing more. */
  g_clear_pointer (&self->handle, sqlite3_close);
  g_free (self->path);
  g_free (self);
}
