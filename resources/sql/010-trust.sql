-- Xueshi schema, version 9: whom the base trusts, and what it sent.
--
-- reviewer: the reviewers whose signed decisions the base accepts, with the
-- side they decide for and their public key.
-- package_export: every submission package written (the SHA-256 of the
-- file), and package_export_claim each claim in it as it was then: a digest
-- of its content and one of its evidence files, with the hours and date to
-- say what changed. A decision applies only to the state that was sent.

CREATE TABLE reviewer (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  side        TEXT NOT NULL CHECK (side IN ('hr', 'industry')),
  public_key  TEXT NOT NULL UNIQUE,
  added_at    TEXT NOT NULL
);

CREATE TABLE package_export (
  id          INTEGER PRIMARY KEY,
  digest      TEXT NOT NULL UNIQUE,
  file_name   TEXT NOT NULL,
  year        INTEGER NOT NULL,
  exported_at TEXT NOT NULL
);

CREATE TABLE package_export_claim (
  export_id       INTEGER NOT NULL REFERENCES package_export (id) ON DELETE CASCADE,
  claim_id        INTEGER NOT NULL,
  content_digest  TEXT NOT NULL,
  evidence_digest TEXT NOT NULL,
  hours           INTEGER NOT NULL,
  date            TEXT NOT NULL,
  PRIMARY KEY (export_id, claim_id)
) WITHOUT ROWID;

PRAGMA user_version = 10;
