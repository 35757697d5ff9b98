BEGIN;
DROP INDEX CONCURRENTLY orders_old_idx;  -- expect: concurrently-in-transaction "opens with BEGIN"
COMMIT;
