-- The target is PostgreSQL 10 (migralint.toml): a DEFAULT on a new column is written into
-- every row, under an ACCESS EXCLUSIVE lock, until PostgreSQL 11.
CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY, total_cents bigint NOT NULL);
