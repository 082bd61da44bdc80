-- Xueshi schema: roster imports without a trigger on every insert, hours
-- imports in chunks.
--
-- - A trainee's arrival is recorded by the code that adds it (the store's
--   merge, in the same statement's transaction), no longer by a trigger:
--   an import's rows carry its import_id and have no entry of their own,
--   so the trigger never fired for them, yet its mere presence made SQLite
--   keep a statement journal for every row an import inserts. Changes and
--   removals are still recorded by their triggers, whatever code path
--   makes them.
-- - An hours or class import commits in chunks too. The claims a chunk
--   adds take consecutive ids (the chunk holds the write lock from its
--   first row to its last): import_chunk keeps their range, which undo
--   deletes and whose later changes it respects. A chunked import has no
--   range of its own in import_batch: another writer's claims between two
--   chunks are not its.

DROP TRIGGER audit_trainee_insert;

ALTER TABLE import_chunk ADD COLUMN claim_first INTEGER;
ALTER TABLE import_chunk ADD COLUMN claim_last INTEGER;

PRAGMA user_version = 12;
