CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text NOT NULL CHECK (char_length(email) <= 320),
  nickname varchar  -- without a length: the same as text
);
ALTER TABLE users ALTER COLUMN nickname TYPE text;
