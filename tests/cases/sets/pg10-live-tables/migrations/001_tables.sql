CREATE TABLE IF NOT EXISTS accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL
);
CREATE TABLE IF NOT EXISTS events (at date NOT NULL, payload jsonb) PARTITION BY RANGE (at);  -- expect: missing-primary-key "\"public.events\" has no primary key"
CREATE TABLE IF NOT EXISTS events_2019 PARTITION OF events
  FOR VALUES FROM ('2019-01-01') TO ('2020-01-01');
