-- Xueshi schema: imports that can be undone.
--
-- Every import that writes (roster, hours, a class's hours, a reviewer's
-- decisions) is one import_batch. What undoing it needs is kept here, not
-- in memory, so that an import can be undone after the program restarts:
-- - the rows it added, as ranges of ids: an import holds the write lock
--   from its first row to its last, so the trainees (and claims) it adds
--   take consecutive ids above every id there was;
-- - the previous values of the rows it changed, one import_change each.
-- The audit ids the import wrote (audit_first < id <= audit_last) let undo
-- find what was recorded later about the same rows: undo is refused while
-- anything later depends on the import.

CREATE TABLE import_batch (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind = 'roster' OR kind = 'hours' OR kind = 'class'
                                         OR kind = 'decisions'),
  file_name         TEXT NOT NULL,
  summary           TEXT,
  at                TEXT NOT NULL,
  audit_first       INTEGER NOT NULL,
  audit_last        INTEGER,
  trainee_first     INTEGER,
  trainee_last      INTEGER,
  claim_first       INTEGER,
  claim_last        INTEGER,
  undone_at         TEXT,
  undo_audit_first  INTEGER,
  undo_audit_last   INTEGER
);

-- before: a JSON object of the fields as they were before the import.
CREATE TABLE import_change (
  id         INTEGER PRIMARY KEY,
  import_id  INTEGER NOT NULL REFERENCES import_batch (id),
  entity     TEXT NOT NULL CHECK (entity = 'trainee' OR entity = 'claim'),
  entity_id  INTEGER NOT NULL,
  before     TEXT NOT NULL
);

CREATE INDEX import_change_import ON import_change (import_id);

-- Holds one row while an undo runs, inside its transaction: an undo may
-- take a decided claim back to submitted, which no other path may do.
CREATE TABLE import_undo_running (
  one INTEGER PRIMARY KEY CHECK (one = 1)
);

DROP TRIGGER claim_status_move;

CREATE TRIGGER claim_status_move
BEFORE UPDATE OF status ON claim
WHEN OLD.status IS NOT NEW.status
     AND NOT ((OLD.status = 'draft' AND NEW.status = 'submitted')
              OR (OLD.status = 'rejected' AND NEW.status = 'submitted')
              OR (OLD.status = 'submitted' AND NEW.status = 'approved')
              OR (OLD.status = 'submitted' AND NEW.status = 'rejected')
              OR (OLD.status = 'submitted' AND NEW.status = 'draft')
              OR (OLD.status = 'rejected' AND NEW.status = 'draft'))
     AND NOT ((OLD.status = 'approved' OR OLD.status = 'rejected') AND NEW.status = 'submitted'
              AND EXISTS (SELECT 1 FROM import_undo_running))
BEGIN
  SELECT RAISE (ABORT, 'a claim cannot move between these states');
END;

-- A file taken off a draft claim, so that the removal can be undone (the
-- evidence row and its stored file stay: evidence is never deleted while
-- anything refers to it, and this does).
CREATE TABLE detached_evidence (
  id             INTEGER PRIMARY KEY,
  claim_id       INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
  evidence_id    INTEGER NOT NULL REFERENCES evidence (id) ON DELETE RESTRICT,
  material       TEXT NOT NULL,
  original_name  TEXT NOT NULL,
  added_at       TEXT NOT NULL,
  detached_at    TEXT NOT NULL
);

CREATE INDEX detached_evidence_claim ON detached_evidence (claim_id);
CREATE INDEX detached_evidence_evidence ON detached_evidence (evidence_id);

PRAGMA user_version = 5;
