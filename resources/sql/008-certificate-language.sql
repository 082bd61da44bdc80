-- Xueshi schema, version 10: the language certificates are printed in.
--
-- The base chooses it in its profile: 'zh' (Chinese, the default) or 'en'.
-- What a certificate says does not follow the desktop's locale.

ALTER TABLE base_profile ADD COLUMN language TEXT NOT NULL DEFAULT 'zh'
  CHECK (language IN ('zh', 'en'));

PRAGMA user_version = 8;
