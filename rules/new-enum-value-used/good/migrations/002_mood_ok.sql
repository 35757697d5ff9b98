-- Added in its own transaction, used after it commits.
BEGIN;
ALTER TYPE mood ADD VALUE 'ok';
INSERT INTO people (id, name) VALUES (1, 'ok');  -- 'ok' is text here: not a use of the value
SELECT count(*) FROM people WHERE name = 'ok';
UPDATE people SET current_mood = 'sad' WHERE name = 'ok';
COMMIT;
UPDATE people SET current_mood = 'ok' WHERE name = 'ok';
