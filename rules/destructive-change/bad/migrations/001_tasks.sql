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
