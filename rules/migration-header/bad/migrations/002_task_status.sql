-- expect-file: migration-header "names the migration \"001_tasks.sql\" but the file is \"002_task_status.sql\""
-- expect-file: migration-header "date \"19/01/2025\" is not"
-- Migration: 001_tasks.sql
-- Description: Task status
-- Date: 19/01/2025

ALTER TABLE tasks ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'todo';
