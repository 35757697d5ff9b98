CREATE TABLE IF NOT EXISTS schema_migrations (
  version text PRIMARY KEY,
  description text,
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS widgets (id bigint PRIMARY KEY, name text NOT NULL);

-- psql keeps no history: writing it here is the convention.
INSERT INTO schema_migrations (version, description) VALUES ('001', 'widgets')
ON CONFLICT (version) DO NOTHING;
