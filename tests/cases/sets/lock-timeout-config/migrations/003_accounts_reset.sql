-- RESET goes back to the server's default (none), not to the executor's setting.
RESET lock_timeout;
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS locale text;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.accounts\""
SELECT set_config('lock_timeout', '1s', false);
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS plan text;
SELECT set_config('lock_timeout', '0', false);
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS seats int;  -- expect: lock-timeout "with no lock_timeout set"
SET SESSION lock_timeout TO 1500;
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS region text;
SET lock_timeout = 0;
CREATE OR REPLACE TRIGGER accounts_same BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();  -- expect: lock-timeout "CREATE TRIGGER takes a SHARE ROW EXCLUSIVE lock on \"public.accounts\""
