-- No time zone said (migralint.toml) nor known from the runner: the server's may be local
-- time, where timestamp to timestamptz rewrites every row.
CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, at timestamp NOT NULL);  -- expect: prefer-timestamptz
