-- no-transaction
ALTER TABLE crates ADD COLUMN owner text;
CREATE INDEX CONCURRENTLY crates_owner_idx ON crates (owner);  -- expect: concurrently-in-transaction "sqlx sends as one query"
