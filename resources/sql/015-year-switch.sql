-- Xueshi schema, version 15: a year's progress read from one index.
--
-- Every trainee's progress for a year (xs_progress_compute(), read each
-- time the window's year changes) sums each trainee's claims of the year
-- by status and category. With those columns in the index the query reads
-- the index alone instead of each claim's row: 100,000 trainees with
-- 1,000,000 claims of the year took 1.27 s in the sqlite3 shell, 0.69 s
-- with it. It replaces claim_year_trainee, whose columns it begins with,
-- so that imports keep one index of the year to write, not two.

DROP INDEX claim_year_trainee;
CREATE INDEX claim_year_progress ON claim (year, trainee_id, status, category, compulsory, hours);

PRAGMA user_version = 15;
