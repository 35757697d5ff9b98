-- A type created in the same transaction: its new values are usable at once (PostgreSQL 12+).
CREATE TYPE feeling AS ENUM ('calm');
ALTER TYPE feeling ADD VALUE 'tense';
SELECT 'tense'::feeling;
