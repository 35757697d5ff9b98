CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, at timestamp NOT NULL, seen timestamp);  -- expect: prefer-timestamptz, prefer-timestamptz
