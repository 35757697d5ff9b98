-- Even a type created in the same transaction: from PostgreSQL 12 its added values wait for the
-- commit too (its first ones do not).
CREATE TYPE feeling AS ENUM ('calm');
ALTER TYPE feeling ADD VALUE 'tense';
SELECT 'calm'::feeling;
SELECT 'tense'::feeling;  -- expect: new-enum-value-used "SQLSTATE 55P04"
