-- +goose no transaction
-- +goose Up
-- Annotations are case-insensitive; goose executes each statement on its own.
CREATE INDEX CONCURRENTLY IF NOT EXISTS jobs_queue_idx ON jobs (queue);
CREATE INDEX CONCURRENTLY IF NOT EXISTS jobs_id_queue_idx ON jobs (id, queue);

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS jobs_queue_idx;
