ALTER TABLE events ALTER COLUMN at TYPE timestamptz;  -- expect: unsafe-type-change "from timestamp to timestamptz rewrites the table"
