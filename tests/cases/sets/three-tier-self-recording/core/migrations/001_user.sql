-- Migration: 001_user.sql
-- Description: the "user" table; the runner records this file in "_migrations" itself
-- Date: 2025-03-01

CREATE TABLE IF NOT EXISTS "user" (
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  email TEXT NOT NULL UNIQUE,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Seed 000's "Remove failed migration from tracking", pasted into a migration.
DELETE FROM "_migrations" WHERE filename = '001_user.sql';  -- expect: self-recording "DELETE FROM public._migrations: that is the history table seed000 keeps itself"
