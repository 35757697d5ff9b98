-- A server-side application: only its own connection reaches the database, so its tables
-- need no row level security (rls-disabled stays silent on such sets), and its ORM sets
-- updated_at on every write (no table here keeps it by trigger: updated-at-trigger stays silent).
CREATE TABLE IF NOT EXISTS accounts (
  id bigserial PRIMARY KEY,  -- expect: prefer-identity
  email text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS sessions (
  id bigserial PRIMARY KEY,  -- expect: prefer-identity
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_account_id_idx ON sessions (account_id);
