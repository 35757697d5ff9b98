-- migrate:up
CREATE TABLE widgets (
  id bigint PRIMARY KEY,
  name text NOT NULL
);

-- Record migration (seed 004's template): dbmate records it as well.
INSERT INTO schema_migrations (version) VALUES ('20240101120000');  -- expect: self-recording "history table dbmate keeps itself"

-- migrate:down
DROP TABLE widgets;
