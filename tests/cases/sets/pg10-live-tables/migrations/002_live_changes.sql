ALTER TABLE accounts ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'active';  -- expect: volatile-default "with a DEFAULT (before PostgreSQL 11 every default is written)", lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.accounts\""
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS note text DEFAULT NULL;
ALTER TABLE events DETACH PARTITION events_2019;  -- expect: blocking-maintenance "DETACH PARTITION"
