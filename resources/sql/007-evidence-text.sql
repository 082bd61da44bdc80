-- What was read on each evidence file: kept so that the same file attached
-- again is not read twice, and so that claims can be found by the words on
-- their scans. One row per stored content (evidence), whoever attached it.
CREATE TABLE evidence_text (
  evidence_id    INTEGER PRIMARY KEY REFERENCES evidence (id) ON DELETE CASCADE,
  text           TEXT NOT NULL,
  -- JSON: id_numbers, names, dates, hours, title, material { code, confidence }
  findings       TEXT NOT NULL CHECK (json_valid (findings)),
  recognised_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

PRAGMA user_version = 7;
