CREATE TABLE IF NOT EXISTS "user" (id text PRIMARY KEY);

CREATE TABLE IF NOT EXISTS tasks (
  id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" text NOT NULL REFERENCES "user"(id),  -- expect: fk-on-delete "no ON DELETE action"
  "assigneeId" text REFERENCES "user"(id) ON DELETE SET NULL,  -- expect: fk-on-delete "ON DELETE SET NULL, not ON DELETE CASCADE: deleting a \"public.user\" row leaves these rows with a NULL reference"
  title text NOT NULL
);

ALTER TABLE tasks ADD COLUMN "parentId" text;
-- expect: fk-on-delete "(\"parentId\") → \"public.tasks\" has ON DELETE RESTRICT"
ALTER TABLE tasks ADD CONSTRAINT tasks_parent_fk
  FOREIGN KEY ("parentId") REFERENCES tasks(id) ON DELETE RESTRICT;
