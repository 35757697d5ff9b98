CREATE TABLE countries (
  code text PRIMARY KEY CHECK (char_length(code) = 2),
  kind "char"  -- the one-byte internal type, not char(n)
);
ALTER TABLE countries ADD COLUMN iso3 text;
