-- migralint:no-transaction
-- Built and dropped CONCURRENTLY: reads and writes go on.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_user_enabled_modules_priority
ON user_enabled_modules(priority)
WHERE priority > 0;

CREATE UNIQUE INDEX CONCURRENTLY user_enabled_modules_user_module_key ON user_enabled_modules (user_id, module);
DROP INDEX CONCURRENTLY IF EXISTS idx_user_enabled_modules_enabled_at;
REINDEX INDEX CONCURRENTLY idx_user_enabled_modules_user_id;
REINDEX (VERBOSE) TABLE CONCURRENTLY user_enabled_modules;
