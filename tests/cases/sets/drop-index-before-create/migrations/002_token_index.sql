-- The index does not exist yet (this file creates it below), nor does the schema "legacy":
-- both drops are no-ops that lock nothing.
DROP INDEX IF EXISTS confirmation_token_idx;
DROP INDEX IF EXISTS legacy.users_token;
CREATE UNIQUE INDEX IF NOT EXISTS confirmation_token_idx ON users (confirmation_token);  -- expect: non-concurrent-index
-- An index the set never made, in a schema that exists: it may have been made by hand.
DROP INDEX IF EXISTS users_token_hand_made;  -- expect: non-concurrent-index
