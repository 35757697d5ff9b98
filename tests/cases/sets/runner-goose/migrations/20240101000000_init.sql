-- +goose Up
CREATE TABLE jobs (id bigint PRIMARY KEY, queue text NOT NULL);

-- +goose Down
-- Only the Up section runs forward: nothing below is replayed or flagged as destructive.
DROP TABLE jobs;
