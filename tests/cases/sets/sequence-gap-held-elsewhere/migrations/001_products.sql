-- A numbered set whose numbers are not all held by forward migrations: 003 survives only as its
-- rollback (the forward file was folded into 002), and 004 is a file named against the pattern.
-- Neither is a gap; 006, held by no file at all, is.
CREATE TABLE IF NOT EXISTS products (
  id bigserial PRIMARY KEY,  -- expect: prefer-identity
  name text NOT NULL
);
