-- Migration: 001_tasks.sql
-- Description: Tasks table
-- Date: 2025-01-19

-- ============================================
-- TABLES
-- ============================================
CREATE TABLE IF NOT EXISTS tasks (id text PRIMARY KEY, title text NOT NULL);
