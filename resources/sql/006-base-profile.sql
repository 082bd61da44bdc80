-- Xueshi schema, version 6: the base's profile, kept with its data.
--
-- Who the base is travels with the database (backups, a second data folder,
-- a new computer): its name as certificates and submission packages show
-- it, a second issuing body, the seal (a PNG, stored as bytes), how
-- certificates are printed and which template draws them. One row, id 1.
-- updated_at stays NULL until the profile is first saved: an empty profile
-- is one nobody has set yet.

CREATE TABLE base_profile (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  name           TEXT NOT NULL DEFAULT '',
  issuer         TEXT NOT NULL DEFAULT '',
  seal           BLOB CHECK (seal IS NULL OR (typeof (seal) = 'blob'
                                              AND substr (seal, 1, 8) = X'89504E470D0A1A0A')),
  orientation    TEXT NOT NULL DEFAULT 'portrait'
                 CHECK (orientation IN ('portrait', 'landscape')),
  full_id_number INTEGER NOT NULL DEFAULT 0 CHECK (full_id_number IN (0, 1)),
  template       TEXT NOT NULL DEFAULT 'standard',
  updated_at     TEXT
);

INSERT INTO base_profile (id) VALUES (1);

PRAGMA user_version = 6;
