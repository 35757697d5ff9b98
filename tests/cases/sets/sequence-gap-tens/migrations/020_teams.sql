CREATE TABLE IF NOT EXISTS teams (id bigserial PRIMARY KEY, name text NOT NULL);  -- expect: prefer-identity
