CREATE TABLE IF NOT EXISTS "user" (id text PRIMARY KEY, email text NOT NULL);

CREATE TABLE IF NOT EXISTS tasks (  -- expect: required-columns "lacks the standard column(s) \"createdAt\", \"updatedAt\""
  id text PRIMARY KEY,
  "userId" text NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  title text NOT NULL
);

CREATE TABLE IF NOT EXISTS notes (  -- expect: required-columns "has userid (not \"userId\")"
  id text PRIMARY KEY,
  userId text NOT NULL,
  "createdAt" timestamptz NOT NULL DEFAULT now(),
  "updatedAt" timestamptz NOT NULL DEFAULT now()
);
