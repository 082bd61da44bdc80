-- Xueshi schema, version 13: the profile's one old template setting goes.
--
-- Before templates, a profile named its design ('standard', the only one).
-- Each kind of certificate now has its template (annual_template,
-- completion_template, version 9), chosen in one place; the old column
-- said nothing more.

ALTER TABLE base_profile DROP COLUMN template;

PRAGMA user_version = 13;
