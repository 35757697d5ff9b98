-- Plain VACUUM and ANALYZE take no lock that blocks reads or writes.
VACUUM orders;
VACUUM (ANALYZE) orders;
ANALYZE orders;

-- CONCURRENTLY keeps the view readable (it needs a unique index on the view).
REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales;

-- migralint:no-transaction
ALTER TABLE measurements DETACH PARTITION measurements_2019 CONCURRENTLY;

-- Weaker modes let reads go on.
LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE;

-- Relations created earlier in the same file have no rows and no readers yet.
CREATE TABLE staging_rows (id bigint, payload jsonb);
ALTER TABLE staging_rows SET UNLOGGED;
VACUUM FULL staging_rows;
LOCK TABLE staging_rows;
CREATE MATERIALIZED VIEW staging_summary AS SELECT count(*) AS n FROM staging_rows;
REFRESH MATERIALIZED VIEW staging_summary;
