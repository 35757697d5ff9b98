-- The file's own transaction: the same.
BEGIN;
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'sad';
UPDATE people SET current_mood = 'meh' WHERE name = 'meh';  -- expect: new-enum-value-used "SQLSTATE 55P04"
COMMIT;
