-- migrate:up
CREATE TABLE IF NOT EXISTS widgets (
  id bigint PRIMARY KEY,
  name text NOT NULL
);

-- migrate:down
DROP TABLE widgets;
