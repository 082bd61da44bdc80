-- Xueshi schema: large imports committed in chunks.
--
-- A large import commits every few thousand rows, so that another writer
-- (a revocation, a claim saved in the window) waits well under a second.
-- From the clerk's side it stays one action, whole or undone:
-- - import_batch.incomplete is 1 from the import's first chunk until its
--   last; an import that stops half-way (killed, power cut) is rolled back
--   the next time the database is opened, with nothing to ask: what was
--   written of it was never reported as imported.
-- - trainee.import_id names the import that added the row. Undoing it
--   deletes the rows that carry its number (while nothing refers to
--   them): other writers may add trainees between two chunks, so the ids
--   an import adds are no longer one range. Such a row's arrival is the
--   import's own audit entry, not one entry per row; the trainee's History
--   shows it from import_id.
-- - import_chunk keeps, for each chunk, the audit ids it wrote
--   (audit_first < id <= audit_last): what another writer recorded between
--   two chunks about the import's trainees is a later change that undo
--   must respect, not part of the import.

ALTER TABLE trainee ADD COLUMN import_id INTEGER;

ALTER TABLE import_batch ADD COLUMN incomplete INTEGER NOT NULL DEFAULT 0
  CHECK (incomplete = 0 OR incomplete = 1);

CREATE TABLE import_chunk (
  id           INTEGER PRIMARY KEY,
  import_id    INTEGER NOT NULL REFERENCES import_batch (id),
  audit_first  INTEGER NOT NULL,
  audit_last   INTEGER NOT NULL
);

CREATE INDEX import_chunk_import ON import_chunk (import_id);

DROP TRIGGER audit_trainee_insert;

CREATE TRIGGER audit_trainee_insert AFTER INSERT ON trainee
WHEN NEW.import_id IS NULL
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail, trainee_id)
  VALUES ('trainee', NEW.id, 'insert', NEW.name, NEW.id);
END;

-- Undoing an import deletes the rows it added as its own one entry, as it
-- added them.
DROP TRIGGER audit_trainee_delete;

CREATE TRIGGER audit_trainee_delete AFTER DELETE ON trainee
WHEN OLD.import_id IS NULL OR NOT EXISTS (SELECT 1 FROM import_undo_running)
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail, trainee_id)
  VALUES ('trainee', OLD.id, 'delete', OLD.name, OLD.id);
END;

PRAGMA user_version = 11;
