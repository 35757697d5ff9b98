CREATE OR REPLACE FUNCTION public.set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$;

CREATE TABLE IF NOT EXISTS projects (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
DROP TRIGGER IF EXISTS projects_set_updated_at ON projects;
CREATE TRIGGER projects_set_updated_at
  BEFORE UPDATE ON projects
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- One trigger for inserts and updates counts too.
CREATE TABLE IF NOT EXISTS labels (
  id bigint PRIMARY KEY,
  name text NOT NULL
);
ALTER TABLE labels ADD COLUMN IF NOT EXISTS updated_at timestamptz;
DROP TRIGGER IF EXISTS labels_touch ON labels;
CREATE TRIGGER labels_touch
  BEFORE INSERT OR UPDATE ON labels
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- An append-only table has no updated_at to keep.
CREATE TABLE IF NOT EXISTS audit_events (
  id bigint PRIMARY KEY,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Diesel's helper creates the trigger with dynamic SQL when the migration runs.
CREATE OR REPLACE FUNCTION diesel_manage_updated_at(_tbl regclass) RETURNS void AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER set_updated_at BEFORE UPDATE ON %s
                    FOR EACH ROW EXECUTE PROCEDURE diesel_set_updated_at()', _tbl);
END;
$$ LANGUAGE plpgsql;

CREATE TABLE IF NOT EXISTS notes (
  id bigint PRIMARY KEY,
  body text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
SELECT diesel_manage_updated_at('notes');
