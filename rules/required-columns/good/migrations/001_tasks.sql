CREATE TABLE IF NOT EXISTS "user" (id text PRIMARY KEY, email text NOT NULL);

CREATE TABLE IF NOT EXISTS tasks (
  id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" text NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  title text NOT NULL,
  "createdAt" timestamptz NOT NULL DEFAULT now()
);

-- Added later in the set: the table ends up with every standard column.
ALTER TABLE tasks ADD COLUMN IF NOT EXISTS "updatedAt" timestamptz NOT NULL DEFAULT now();
