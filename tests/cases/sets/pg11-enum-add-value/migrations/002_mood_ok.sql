-- PostgreSQL 11 refuses ADD VALUE in any transaction block: the executor's, or the file's own.
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';  -- expect: new-enum-value-used "before PostgreSQL 12"
