CREATE TABLE events (
  id bigint PRIMARY KEY,
  happened_at timestamp NOT NULL,  -- expect: prefer-timestamptz "\"happened_at\" is timestamp (without time zone): it stores a wall-clock reading"
  seen_at timestamp(3) without time zone  -- expect: prefer-timestamptz "\"seen_at\" is timestamp"
);
ALTER TABLE events ADD COLUMN archived_at timestamp;  -- expect: prefer-timestamptz "\"archived_at\""
ALTER TABLE events ALTER COLUMN happened_at TYPE timestamp without time zone;  -- expect: prefer-timestamptz "\"happened_at\""
