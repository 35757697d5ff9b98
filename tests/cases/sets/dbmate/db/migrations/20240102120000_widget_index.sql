-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY widgets_name_idx ON widgets (name);
SELECT (;  -- expect: syntax-error

-- migrate:down
DROP INDEX CONCURRENTLY widgets_name_idx;
