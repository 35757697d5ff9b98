-- migrate:up
CREATE TABLE widgets (
  id bigint PRIMARY KEY,
  name text NOT NULL
);

-- migrate:down
DROP TABLE widgets;
