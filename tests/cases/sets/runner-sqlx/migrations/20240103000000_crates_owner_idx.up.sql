-- no-transaction
ALTER TABLE crates ADD COLUMN owner text;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.crates\""
CREATE INDEX CONCURRENTLY crates_owner_idx ON crates (owner);  -- expect: concurrently-in-transaction "sqlx sends as one query"
