-- The executor runs this file in one transaction: the new value cannot be used before it commits.
ALTER TYPE mood ADD VALUE 'ok';
ALTER TABLE people ALTER COLUMN current_mood SET DEFAULT 'ok';  -- expect: new-enum-value-used "SQLSTATE 55P04"
INSERT INTO people (id, name, current_mood) VALUES (1, 'ok', 'ok');  -- expect: new-enum-value-used "enum value 'ok' of \"public.mood\" is used in the transaction that adds it (line 2, in a file migralint runs in a transaction): PostgreSQL rejects it until that transaction commits (SQLSTATE 55P04"
UPDATE people SET current_mood = 'ok' WHERE current_mood = 'sad';  -- expect: new-enum-value-used "SQLSTATE 55P04"
SELECT count(*) FROM people WHERE current_mood IN ('happy', 'ok');  -- expect: new-enum-value-used "SQLSTATE 55P04"
SELECT 'ok'::mood;  -- expect: new-enum-value-used "SQLSTATE 55P04"
