-- no-transaction
CREATE INDEX CONCURRENTLY crates_name_idx ON crates (name);
