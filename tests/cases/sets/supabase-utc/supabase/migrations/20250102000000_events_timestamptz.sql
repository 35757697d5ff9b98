ALTER TABLE public.events ALTER COLUMN at TYPE timestamptz;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.events\""
