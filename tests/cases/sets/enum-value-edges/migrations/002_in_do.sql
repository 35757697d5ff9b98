-- +goose Up
-- +goose StatementBegin
DO $$
BEGIN
  ALTER TYPE mood ADD VALUE 'ok';
  UPDATE people SET current_mood = 'ok' WHERE id = 1;  -- expect: new-enum-value-used "SQLSTATE 55P04"
END $$;
-- +goose StatementEnd
UPDATE people SET name = 'ok' WHERE name = 'sad';  -- text, not the enum: no use
