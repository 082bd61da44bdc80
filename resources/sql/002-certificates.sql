-- Xueshi schema, version 2: issued certificates.
-- A certificate is issued once: its document, the document's hash and its
-- PDF never change afterwards; revocation is the only change, and is
-- recorded. Serial numbers run per year and kind.

-- Seal images, stored once however many certificates show them.
CREATE TABLE certificate_asset (
  sha256  TEXT PRIMARY KEY CHECK (length (sha256) = 64),
  data    BLOB NOT NULL
);

CREATE TABLE certificate (
  id               INTEGER PRIMARY KEY,
  serial           TEXT NOT NULL UNIQUE,
  kind             TEXT NOT NULL CHECK (kind = 'annual' OR kind = 'completion'),
  year             INTEGER NOT NULL,
  number           INTEGER NOT NULL CHECK (number > 0),
  trainee_id       INTEGER NOT NULL REFERENCES trainee (id) ON DELETE RESTRICT,
  class_id         INTEGER REFERENCES training_class (id) ON DELETE RESTRICT,
  holder           TEXT NOT NULL,
  masked_id        TEXT NOT NULL,
  document         TEXT NOT NULL,
  document_sha256  TEXT NOT NULL CHECK (length (document_sha256) = 64),
  seal_sha256      TEXT REFERENCES certificate_asset (sha256),
  pdf              BLOB NOT NULL,
  issued_at        TEXT NOT NULL,
  revoked_at       TEXT,
  revoke_reason    TEXT,
  UNIQUE (kind, year, number),
  CHECK (kind = 'annual' OR class_id IS NOT NULL),
  CHECK (revoked_at IS NULL OR (revoke_reason IS NOT NULL AND revoke_reason <> ''))
);

-- One valid certificate per trainee and year, or per trainee and class.
CREATE UNIQUE INDEX certificate_annual_once ON certificate (trainee_id, year)
  WHERE kind = 'annual' AND revoked_at IS NULL;
CREATE UNIQUE INDEX certificate_completion_once ON certificate (trainee_id, class_id)
  WHERE kind = 'completion' AND revoked_at IS NULL;

CREATE TRIGGER certificate_immutable
BEFORE UPDATE OF serial, kind, year, number, trainee_id, class_id, holder, masked_id,
                 document, document_sha256, seal_sha256, pdf, issued_at ON certificate
BEGIN
  SELECT RAISE (ABORT, 'an issued certificate never changes');
END;

CREATE TRIGGER certificate_revoked_once
BEFORE UPDATE OF revoked_at, revoke_reason ON certificate
WHEN OLD.revoked_at IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'the certificate is already revoked');
END;

CREATE TRIGGER certificate_no_delete BEFORE DELETE ON certificate
BEGIN
  SELECT RAISE (ABORT, 'an issued certificate is never deleted');
END;

CREATE TRIGGER audit_certificate_issue AFTER INSERT ON certificate
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail)
  VALUES ('certificate', NEW.id, 'issue', NEW.serial);
END;

CREATE TRIGGER audit_certificate_revoke AFTER UPDATE OF revoked_at ON certificate
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail)
  VALUES ('certificate', NEW.id, 'revoke', NEW.serial || ': ' || NEW.revoke_reason);
END;

PRAGMA user_version = 2;
