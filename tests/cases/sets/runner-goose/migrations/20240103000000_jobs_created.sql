-- +goose Up
ALTER TABLE jobs ADD COLUMN created_at timestamptz;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.jobs\""
CREATE INDEX CONCURRENTLY jobs_created_idx ON jobs (created_at);  -- expect: concurrently-in-transaction "goose runs in a transaction"

-- +goose Down
ALTER TABLE jobs DROP COLUMN created_at;
