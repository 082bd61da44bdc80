-- Xueshi schema, version 9: certificate templates and the printer's offset.
--
-- A base may print onto pre-printed certificate paper: its own templates
-- (JSON, checked when added) say where each field goes. The profile chooses
-- a template per kind of certificate ('' for the standard design in the
-- profile's orientation) and the offset, in mm, that corrects the printer's
-- drift. An issued certificate keeps the template it was drawn with in
-- certificate_asset, like its seal, and the offset in its document.
--
-- From this version on, certificate.pdf is empty: the document (the texts,
-- template, offset and the fonts and libraries that drew it) is the
-- snapshot, and the PDF is drawn from it whenever it is needed. Rows issued
-- before keep the PDF they were issued with.

CREATE TABLE certificate_template (
  name      TEXT PRIMARY KEY CHECK (length (name) BETWEEN 1 AND 40),
  data      BLOB NOT NULL,
  added_at  TEXT NOT NULL
);

ALTER TABLE base_profile ADD COLUMN annual_template TEXT NOT NULL DEFAULT '';
ALTER TABLE base_profile ADD COLUMN completion_template TEXT NOT NULL DEFAULT '';
-- tenths of a millimetre, right and down positive
ALTER TABLE base_profile ADD COLUMN offset_x INTEGER NOT NULL DEFAULT 0
  CHECK (offset_x BETWEEN -200 AND 200);
ALTER TABLE base_profile ADD COLUMN offset_y INTEGER NOT NULL DEFAULT 0
  CHECK (offset_y BETWEEN -200 AND 200);

PRAGMA user_version = 9;
