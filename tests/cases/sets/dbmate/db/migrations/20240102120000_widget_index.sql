-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS widgets_name_idx ON widgets (name);  -- expect: concurrently-in-transaction "dbmate sends as one query of several statements"
SELECT (;  -- expect: syntax-error

-- migrate:down
DROP INDEX CONCURRENTLY widgets_name_idx;
