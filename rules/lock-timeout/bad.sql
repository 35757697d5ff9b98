-- Tables this file does not create already exist, with rows and readers; nothing sets a
-- lock_timeout (neither this file nor migralint.toml).
ALTER TABLE users ADD COLUMN nickname text;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.users\" with no lock_timeout set"

-- Reported once per file: what follows needs the same SET.
ALTER TABLE users ALTER COLUMN nickname SET DEFAULT '';
DROP TABLE legacy_sessions;
TRUNCATE audit_log;

-- A timeout set, then turned off again (RESET or 0: the server's default, normally none): the
-- next strong lock is reported again.
SET lock_timeout = '2s';
ALTER TABLE users ADD COLUMN avatar_url text;
RESET lock_timeout;
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();  -- expect: lock-timeout "CREATE TRIGGER takes a SHARE ROW EXCLUSIVE lock on \"public.users\" with no lock_timeout set: while it waits behind any transaction using the table, every later write"
