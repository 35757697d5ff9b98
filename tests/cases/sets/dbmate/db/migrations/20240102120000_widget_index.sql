-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS widgets_name_idx ON widgets (name);
SELECT (;  -- expect: syntax-error

-- migrate:down
DROP INDEX CONCURRENTLY widgets_name_idx;
