-- migralint:no-transaction
-- Outside a transaction each statement commits on its own.
ALTER TYPE mood ADD VALUE 'meh';
ALTER TABLE people ALTER COLUMN current_mood SET DEFAULT 'meh';
