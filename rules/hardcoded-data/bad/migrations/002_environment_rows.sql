-- Rows that belong to one environment: a user's project, a live API key, an operator's address.
CREATE TABLE IF NOT EXISTS projects (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  owner bigint NOT NULL REFERENCES users (id)
);
INSERT INTO projects (id, name, owner) VALUES (1, 'demo', 1) ON CONFLICT DO NOTHING;  -- expect: hardcoded-data "column \"owner\" references the user table \"public.users\""

CREATE TABLE IF NOT EXISTS invitations (id bigint PRIMARY KEY, invited_by bigint NOT NULL, code text);
INSERT INTO invitations VALUES (1, 42, 'WELCOME') ON CONFLICT DO NOTHING;  -- expect: hardcoded-data "column \"invited_by\" holds a user's id"

CREATE TABLE IF NOT EXISTS integrations (provider text PRIMARY KEY, api_key text NOT NULL);
INSERT INTO integrations (provider, api_key) VALUES ('payments', 'not-a-real-key') ON CONFLICT DO NOTHING;  -- expect: hardcoded-data "column \"api_key\" holds a credential"

CREATE TABLE IF NOT EXISTS webhooks (name text PRIMARY KEY, url text NOT NULL, signing text NOT NULL);
INSERT INTO webhooks (name, url, signing)  -- expect: hardcoded-data "a value is a credential (column \"signing\")"
VALUES ('billing', 'https://hooks.example.com/billing', 'Q2xhc3NpY2FsbHlSYW5kb21LZXkxMjM0NTY3ODkw')
ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS alerts (kind text PRIMARY KEY, recipient text NOT NULL);
INSERT INTO alerts (kind, recipient) VALUES ('disk_full', 'ops@example.com') ON CONFLICT DO NOTHING;  -- expect: hardcoded-data "a value is an e-mail address"
