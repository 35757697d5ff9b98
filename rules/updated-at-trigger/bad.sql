CREATE OR REPLACE FUNCTION public.set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$;

-- DEFAULT now() fills it on insert only.
CREATE TABLE IF NOT EXISTS projects (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()  -- expect: updated-at-trigger "\"public.projects\" has column \"updated_at\" but no BEFORE UPDATE"
);

-- An AFTER trigger runs once the row is written: too late to change NEW.
CREATE TABLE IF NOT EXISTS "task" (
  id text PRIMARY KEY,
  title text NOT NULL,
  "updatedAt" timestamptz NOT NULL DEFAULT now()  -- expect: updated-at-trigger "runs AFTER the row is written"
);
DROP TRIGGER IF EXISTS task_touch ON "task";
CREATE TRIGGER task_touch
  AFTER UPDATE ON "task"
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- Without FOR EACH ROW a trigger is per statement: there is no NEW row.
CREATE TABLE IF NOT EXISTS labels (
  id bigint PRIMARY KEY,
  name text NOT NULL
);
ALTER TABLE labels ADD COLUMN IF NOT EXISTS updated_at timestamptz DEFAULT now();  -- expect: updated-at-trigger "once per statement"
DROP TRIGGER IF EXISTS labels_set_updated_at ON labels;
CREATE TRIGGER labels_set_updated_at
  BEFORE UPDATE ON labels
  EXECUTE FUNCTION public.set_updated_at();

-- The trigger is dropped by a later migration and never recreated.
CREATE TABLE IF NOT EXISTS comments (
  id bigint PRIMARY KEY,
  body text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()  -- expect: updated-at-trigger "public.comments"
);
DROP TRIGGER IF EXISTS comments_set_updated_at ON comments;
CREATE TRIGGER comments_set_updated_at
  BEFORE UPDATE ON comments
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
DROP TRIGGER IF EXISTS comments_set_updated_at ON comments;
