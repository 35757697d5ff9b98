ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'new';  -- expect: unsafe-not-null "ADD COLUMN \"status\" NOT NULL with a DEFAULT rewrites all of \"public.orders\" under an ACCESS EXCLUSIVE lock before PostgreSQL 11 (pg_version is 10)"
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;
