CREATE TABLE IF NOT EXISTS profiles (
  id uuid PRIMARY KEY,
  display_name text
);
ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;

-- RLS with no policy: only the owner and BYPASSRLS roles see rows.
CREATE TABLE IF NOT EXISTS products (
  id uuid PRIMARY KEY,
  name text NOT NULL
);
ALTER TABLE products ENABLE ROW LEVEL SECURITY;

-- A schema the API does not serve.
CREATE SCHEMA IF NOT EXISTS internal;
CREATE TABLE IF NOT EXISTS internal.job_queue (
  id bigint PRIMARY KEY,
  payload jsonb NOT NULL
);

-- Scratch data of one session.
CREATE TEMPORARY TABLE import_rows (line text);
