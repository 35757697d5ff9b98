CREATE TYPE sort_type AS ENUM ('hot', 'new', 'old');  -- expect: non-idempotent-ddl "CREATE TYPE"
CREATE TABLE IF NOT EXISTS posts (id bigint PRIMARY KEY, sort sort_type NOT NULL DEFAULT 'hot');
