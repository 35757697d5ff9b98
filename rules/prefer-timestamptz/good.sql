CREATE TABLE events (
  id bigint PRIMARY KEY,
  happened_at timestamptz NOT NULL,
  seen_at timestamp(3) with time zone,
  local_date date  -- a calendar date has no time zone to lose
);
ALTER TABLE events ALTER COLUMN happened_at TYPE timestamptz;
