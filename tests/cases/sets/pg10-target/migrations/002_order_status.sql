ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'new';  -- expect: volatile-default "before PostgreSQL 11 every default is written"
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;
