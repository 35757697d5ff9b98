-- RESET goes back to the server's default (none), not to the executor's setting.
RESET lock_timeout;
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS locale text;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.accounts\""
SELECT set_config('lock_timeout', '1s', false);
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS plan text;
SELECT set_config('lock_timeout', '0', false);
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS seats int;  -- expect: lock-timeout "with no lock_timeout set"
