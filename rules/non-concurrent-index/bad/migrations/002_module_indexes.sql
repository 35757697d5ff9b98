-- Seed 004 calls this "safe", but on a live table the build blocks every write until it ends.
CREATE INDEX idx_user_enabled_modules_priority  -- expect: non-concurrent-index "CREATE INDEX \"idx_user_enabled_modules_priority\" without CONCURRENTLY takes a SHARE lock on \"public.user_enabled_modules\""
ON user_enabled_modules(priority)
WHERE priority > 0;

CREATE UNIQUE INDEX user_enabled_modules_user_module_key ON user_enabled_modules (user_id, module);  -- expect: non-concurrent-index "CREATE UNIQUE INDEX"

-- Dropping takes an ACCESS EXCLUSIVE lock on the table.
DROP INDEX idx_user_enabled_modules_enabled_at;  -- expect: non-concurrent-index "ACCESS EXCLUSIVE lock on \"public.user_enabled_modules\""

-- An index the set never created is assumed to be on a live table.
DROP INDEX IF EXISTS idx_sessions_token;  -- expect: non-concurrent-index "\"public.idx_sessions_token\""

REINDEX INDEX idx_user_enabled_modules_user_id;  -- expect: non-concurrent-index "REINDEX index"
REINDEX TABLE user_enabled_modules;  -- expect: non-concurrent-index "REINDEX table"

-- A table the set never created (here: one that exists before it) is live.
CREATE INDEX idx_audit_log_created_at ON audit.log (created_at);  -- expect: non-concurrent-index "\"audit.log\""

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'idx_user_enabled_modules_module') THEN
    CREATE INDEX idx_user_enabled_modules_module ON user_enabled_modules (module);  -- expect: non-concurrent-index
  END IF;
END
$$;
