-- Numbered in tens to leave room for later inserts: 011–019 are not gaps, 040 is.
CREATE TABLE IF NOT EXISTS accounts (id bigserial PRIMARY KEY, name text NOT NULL);  -- expect: prefer-identity
