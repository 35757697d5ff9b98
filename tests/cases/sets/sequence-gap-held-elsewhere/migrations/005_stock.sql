ALTER TABLE products ADD COLUMN IF NOT EXISTS stock int NOT NULL DEFAULT 0;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.products\""
