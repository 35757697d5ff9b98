-- Rows every environment needs: lookup values, a single-row settings table, job registrations,
-- a fixed internal tenant. None of them names a user or holds a secret.
CREATE TABLE IF NOT EXISTS languages (code text PRIMARY KEY, name text NOT NULL);
INSERT INTO languages (code, name) VALUES ('en', 'English'), ('fr', 'Français'), ('und', 'Undetermined')
ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  maintenance boolean NOT NULL DEFAULT false
);
INSERT INTO settings (id, maintenance) VALUES (true, false) ON CONFLICT (id) DO NOTHING;

CREATE TABLE IF NOT EXISTS scheduled_jobs (
  name text PRIMARY KEY,
  schedule text NOT NULL,
  function_name text NOT NULL,
  created_by text NOT NULL DEFAULT 'system'
);
INSERT INTO scheduled_jobs (name, schedule, function_name, created_by)
VALUES ('purge_expired_sessions', '0 3 * * *', 'purge_sessions', 'system'),
       ('refresh_exchange_rates_from_the_central_bank_2', '*/15 * * * *', 'refresh_rates', 'system')
ON CONFLICT (name) DO NOTHING;

CREATE TABLE IF NOT EXISTS token_kinds (token_type text PRIMARY KEY, lifetime interval NOT NULL);
INSERT INTO token_kinds (token_type, lifetime) VALUES ('refresh', interval '30 days')
ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS tenants (id uuid PRIMARY KEY, slug text NOT NULL UNIQUE);
INSERT INTO tenants (id, slug) VALUES ('8d420720-ef03-41dc-9c73-1c93f276db97', 'internal')
ON CONFLICT DO NOTHING;
