-- +goose Up
-- +goose NO TRANSACTION
ALTER TYPE mood ADD VALUE 'meh';
UPDATE people SET current_mood = 'meh' WHERE id = 1;  -- each statement commits: usable
-- +goose StatementBegin
DO $$
BEGIN
  ALTER TYPE mood ADD VALUE 'eh';
  UPDATE people SET name = name WHERE current_mood = 'eh';  -- expect: new-enum-value-used "inside a DO block"
END $$;
-- +goose StatementEnd
SELECT 'eh'::mood;  -- the DO block committed
