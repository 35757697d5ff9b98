-- +goose Up
UPDATE jobs SET queue = 'default' WHERE queue IS NULL;
COMMIT;  -- expect: transaction-nesting "ends the transaction goose runs the file in"
ALTER TABLE jobs ALTER COLUMN queue SET DEFAULT 'default';

-- +goose Down
ALTER TABLE jobs ALTER COLUMN queue DROP DEFAULT;
