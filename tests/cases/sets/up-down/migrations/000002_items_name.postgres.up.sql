ALTER TABLE items ADD COLUMN IF NOT EXISTS name text;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.items\""
