-- +goose Up
-- +goose StatementBegin
DO $$
BEGIN
  ALTER TYPE mood ADD VALUE 'ok';
  UPDATE people SET current_mood = 'ok' WHERE id = 1;  -- expect: new-enum-value-used "SQLSTATE 55P04"
END $$;
-- +goose StatementEnd
UPDATE people SET name = 'ok' WHERE name = 'sad';  -- text, not the enum: no use
SELECT 1 FROM people p JOIN labels l ON true WHERE l.current_mood = 'ok';  -- labels.current_mood is text
SELECT 1 FROM people p JOIN labels l ON true WHERE p.current_mood = 'ok';  -- expect: new-enum-value-used "SQLSTATE 55P04"
