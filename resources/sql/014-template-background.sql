-- Xueshi schema, version 14: the scan of a pre-printed form's blank paper.
--
-- A template for pre-printed paper may name a scan of the blank form (PNG
-- or JPEG), kept with the template: the window's preview draws it under the
-- fields so that the clerk sees where they land. It is never printed nor
-- written into a PDF, and an issued certificate does not keep it.

ALTER TABLE certificate_template ADD COLUMN background BLOB;

PRAGMA user_version = 14;
