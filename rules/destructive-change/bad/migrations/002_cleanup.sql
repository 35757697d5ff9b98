-- Seed 000's "rollback migration" run forward: the column and its data are gone.
ALTER TABLE "tasks" DROP COLUMN IF EXISTS priority;  -- expect: destructive-change "DROP COLUMN \"priority\" deletes its data from every row of \"public.tasks\""

-- Seed 004's two-phase removal: the linter cannot see that the application stopped using it.
ALTER TABLE tasks
DROP COLUMN IF EXISTS old_column;  -- expect: destructive-change "\"old_column\""

-- Seed 001's rollback of a feature table.
DROP TABLE IF EXISTS feature_x;  -- expect: destructive-change "DROP TABLE \"public.feature_x\""

TRUNCATE sessions_legacy;  -- expect: destructive-change "TRUNCATE deletes every row of \"public.sessions_legacy\""

DROP SCHEMA reporting CASCADE;  -- expect: destructive-change "DROP SCHEMA \"reporting\" deletes the schema and every object"

-- Objects the set never created exist before it: dropping them loses data too.
DROP TABLE IF EXISTS platform.project_limits;  -- expect: destructive-change "\"platform.project_limits\""

ALTER TABLE platform.projects
DROP COLUMN IF EXISTS max_databases,  -- expect: destructive-change "\"max_databases\" deletes its data from every row of \"platform.projects\""
DROP COLUMN IF EXISTS max_storage_gb;  -- expect: destructive-change "\"max_storage_gb\""

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'sessions_legacy') THEN
    DROP TABLE sessions_legacy;  -- expect: destructive-change "\"public.sessions_legacy\""
  END IF;
END
$$;

-- Dropped and created again: the old rows are gone all the same.
DROP TABLE IF EXISTS tasks;  -- expect: destructive-change "DROP TABLE \"public.tasks\""
CREATE TABLE tasks (id bigint PRIMARY KEY, title text NOT NULL);

-- Read, but not copied anywhere: a count is no backup.
SELECT count(*) FROM login_attempts;
UPDATE tasks SET title = 'Review failed logins' WHERE id IN (SELECT user_id FROM login_attempts);
DROP TABLE login_attempts;  -- expect: destructive-change "\"public.login_attempts\""

-- A whole database, whatever it holds.
DROP DATABASE IF EXISTS analytics_archive;  -- expect: destructive-change "DROP DATABASE \"analytics_archive\" deletes the database"
