ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'new';  -- expect: volatile-default "before PostgreSQL 11 every default is written", lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.orders\""
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;
