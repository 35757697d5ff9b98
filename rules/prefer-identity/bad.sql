CREATE TABLE accounts (
  id bigserial PRIMARY KEY,  -- expect: prefer-identity "\"id\" is bigserial: its sequence is a separate object"
  name text NOT NULL
);
CREATE TABLE tags (id serial PRIMARY KEY);  -- expect: prefer-identity "\"id\" is serial"
ALTER TABLE events ADD COLUMN seq serial8;  -- expect: prefer-identity "\"seq\" is bigserial"
