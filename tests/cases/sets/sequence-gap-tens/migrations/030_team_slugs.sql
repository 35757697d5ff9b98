ALTER TABLE teams ADD COLUMN IF NOT EXISTS slug text;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.teams\""
