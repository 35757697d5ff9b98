CREATE INDEX IF NOT EXISTS idx_tasks_status ON tasks (status);  -- expect: migration-header "lacks `-- Migration:`, `-- Description:`, `-- Date:`"
