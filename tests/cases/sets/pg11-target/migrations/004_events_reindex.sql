-- migralint:no-transaction
REINDEX TABLE CONCURRENTLY events;  -- expect: non-concurrent-index "REINDEX … CONCURRENTLY needs PostgreSQL 12; the target is PostgreSQL 11"
REINDEX INDEX events_at_idx;  -- expect: non-concurrent-index "REINDEX index \"public.events_at_idx\""
