CREATE TABLE IF NOT EXISTS "user" (id text PRIMARY KEY);

CREATE TABLE IF NOT EXISTS tasks (
  id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" text NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  "assigneeId" text REFERENCES "user"(id) ON DELETE SET NULL,
  title text NOT NULL
);
