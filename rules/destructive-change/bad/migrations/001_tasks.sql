CREATE SCHEMA reporting;

CREATE TABLE tasks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  priority text,
  old_column text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE feature_x (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payload jsonb NOT NULL
);

CREATE TABLE sessions_legacy (
  token text PRIMARY KEY,
  user_id bigint NOT NULL
);

CREATE TABLE reporting.daily_totals (
  day date PRIMARY KEY,
  total bigint NOT NULL
);

CREATE TABLE login_attempts (
  user_id bigint NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);

CREATE VIEW open_tasks AS SELECT id, title FROM tasks;
CREATE MATERIALIZED VIEW task_counts AS SELECT count(*) AS n FROM tasks;
CREATE FUNCTION task_title(task_id bigint) RETURNS text LANGUAGE sql AS $$ SELECT title FROM tasks WHERE id = task_id $$;
CREATE TYPE task_state AS ENUM ('open', 'done');
CREATE SEQUENCE ticket_numbers;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE invoices (
  id bigint PRIMARY KEY,
  number text NOT NULL CONSTRAINT invoices_number_key UNIQUE,
  status text NOT NULL DEFAULT 'draft',
  total numeric GENERATED ALWAYS AS (0) STORED,
  customer_id bigint CONSTRAINT invoices_customer_fkey REFERENCES login_attempts (user_id),
  CONSTRAINT invoices_status_check CHECK (status IN ('draft', 'sent'))
);
