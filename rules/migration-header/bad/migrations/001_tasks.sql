-- expect-file: migration-header "lacks `-- Date:`"
-- Migration: 001_tasks.sql
-- Description: Tasks table

CREATE TABLE IF NOT EXISTS tasks (id text PRIMARY KEY, title text NOT NULL);
