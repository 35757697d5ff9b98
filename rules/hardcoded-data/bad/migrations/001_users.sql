CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, email text NOT NULL);
INSERT INTO users (id, email) VALUES  -- expect: hardcoded-data "2 literal rows into \"public.users\" that belong to one environment (\"public.users\" is a user table)"
  (1, 'demo@example.com'),
  (2, 'test@example.com')
ON CONFLICT (id) DO NOTHING;
