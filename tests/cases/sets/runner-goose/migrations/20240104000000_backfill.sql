-- +goose Up
UPDATE jobs SET queue = 'default' WHERE queue IS NULL;
COMMIT;  -- expect: transaction-nesting "ends the transaction goose runs the file in"
ALTER TABLE jobs ALTER COLUMN queue SET DEFAULT 'default';  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.jobs\""

-- +goose Down
ALTER TABLE jobs ALTER COLUMN queue DROP DEFAULT;
