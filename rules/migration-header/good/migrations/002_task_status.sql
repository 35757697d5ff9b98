/*
 * Migration: 002_task_status
 * Description: Task status, with its default
 * Date: 2024-02-29
 */
ALTER TABLE tasks ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'todo';
