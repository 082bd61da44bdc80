-- Xueshi schema, version 1.
-- Hours are integer tenths of an hour; dates are ISO 8601 text (YYYY-MM-DD);
-- times are UTC ISO 8601 text. The stores bind created_at, updated_at and
-- decided_at of trainees and claims: one time per user action (the defaults
-- are for rows written otherwise).
-- On trainee and claim, which imports fill row by row, CHECKs list values
-- with OR rather than IN: SQLite 3.40 builds an ephemeral table for an IN
-- list on every row it checks.

CREATE TABLE trainee (
  id          INTEGER PRIMARY KEY,
  id_number   TEXT NOT NULL UNIQUE CHECK (length (id_number) = 18),
  name        TEXT NOT NULL CHECK (name <> ''),
  sex         TEXT NOT NULL CHECK (sex = 'male' OR sex = 'female'),
  birth_date  TEXT NOT NULL,
  employer    TEXT NOT NULL CHECK (employer <> ''),
  title       TEXT,
  specialty   TEXT,
  county      TEXT,
  phone       TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE training_class (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE CHECK (code <> ''),
  name        TEXT NOT NULL CHECK (name <> ''),
  year        INTEGER NOT NULL,
  category    TEXT NOT NULL CHECK (category IN ('public', 'professional')),
  compulsory  INTEGER NOT NULL DEFAULT 0 CHECK (compulsory IN (0, 1)),
  hours       INTEGER NOT NULL CHECK (hours > 0),
  start_date  TEXT NOT NULL,
  end_date    TEXT NOT NULL CHECK (end_date >= start_date),
  created_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE claim (
  id              INTEGER PRIMARY KEY,
  trainee_id      INTEGER NOT NULL REFERENCES trainee (id) ON DELETE CASCADE,
  class_id        INTEGER REFERENCES training_class (id) ON DELETE SET NULL,
  year            INTEGER NOT NULL,
  category        TEXT NOT NULL CHECK (category = 'public' OR category = 'professional'),
  compulsory      INTEGER NOT NULL DEFAULT 0 CHECK (compulsory = 0 OR compulsory = 1),
  kind            INTEGER CHECK (kind BETWEEN 1 AND 16),
  variant         TEXT,
  hours           INTEGER NOT NULL CHECK (hours > 0),
  title           TEXT NOT NULL CHECK (title <> ''),
  date            TEXT NOT NULL,
  source          TEXT NOT NULL CHECK (source = 'batch' OR source = 'individual'),
  status          TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status = 'draft' OR status = 'submitted' OR status = 'approved'
                         OR status = 'rejected'),
  reason          TEXT,
  reviewer        TEXT,
  decided_at      TEXT,
  plan_ref        TEXT,
  absence_kind    TEXT CHECK (absence_kind = 'abroad' OR absence_kind = 'sick-leave'
                              OR absence_kind = 'maternity' OR absence_kind = 'other'),
  absence_months  INTEGER CHECK (absence_months BETWEEN 1 AND 12),
  created_at      TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK ((category = 'public' AND kind IS NULL) OR (category = 'professional' AND kind IS NOT NULL)),
  CHECK (category = 'public' OR compulsory = 0)
);

-- The same trainee, title and date twice is the same claim.
CREATE UNIQUE INDEX claim_identity ON claim (trainee_id, title, date);
CREATE INDEX claim_year_trainee ON claim (year, trainee_id);
CREATE INDEX claim_class ON claim (class_id) WHERE class_id IS NOT NULL;

CREATE TABLE evidence (
  id          INTEGER PRIMARY KEY,
  sha256      TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64),
  media_type  TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size        INTEGER NOT NULL CHECK (size > 0),
  pages       INTEGER NOT NULL DEFAULT 1 CHECK (pages > 0),
  added_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Which material of a claim an evidence file proves.
CREATE TABLE claim_evidence (
  claim_id       INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
  evidence_id    INTEGER NOT NULL REFERENCES evidence (id) ON DELETE RESTRICT,
  material       TEXT NOT NULL CHECK (material <> ''),
  original_name  TEXT NOT NULL,
  added_at       TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (claim_id, material, evidence_id)
);

CREATE INDEX claim_evidence_evidence ON claim_evidence (evidence_id);

-- Append-only record of what was done. Identity numbers never appear here
-- unmasked.
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  entity     TEXT NOT NULL,
  entity_id  INTEGER,
  action     TEXT NOT NULL,
  detail     TEXT
);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE (ABORT, 'the audit table is append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE (ABORT, 'the audit table is append-only');
END;

-- Claim state changes are always recorded, whichever code path makes them.
CREATE TRIGGER audit_claim_insert AFTER INSERT ON claim
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail)
  VALUES ('claim', NEW.id, 'insert', NEW.status);
END;

CREATE TRIGGER audit_claim_status AFTER UPDATE OF status ON claim
WHEN OLD.status IS NOT NEW.status
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail)
  VALUES ('claim', NEW.id, 'status', OLD.status || ' -> ' || NEW.status);
END;

CREATE TRIGGER audit_claim_delete AFTER DELETE ON claim
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail)
  VALUES ('claim', OLD.id, 'delete', OLD.status);
END;

CREATE TRIGGER audit_claim_evidence_insert AFTER INSERT ON claim_evidence
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail)
  VALUES ('claim', NEW.claim_id, 'attach', NEW.material);
END;

CREATE TRIGGER audit_claim_evidence_delete AFTER DELETE ON claim_evidence
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail)
  VALUES ('claim', OLD.claim_id, 'detach', OLD.material);
END;

-- "XSHI" marks the file as a Xueshi database; the version is this file's number.
PRAGMA application_id = 1481853001;
PRAGMA user_version = 1;
