-- Migration: 001_create_tasks.sql
-- Description: a user's tasks, recording itself as seed 004's template does
-- Date: 2025-03-02

CREATE TABLE IF NOT EXISTS "tasks" (
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" TEXT NOT NULL REFERENCES "user"(id),  -- expect: fk-on-delete "no ON DELETE action (NO ACTION), not ON DELETE CASCADE"
  title TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO "_entity_migrations" (entity_name, source_type, source_name, filename)  -- expect: self-recording "INSERT INTO public._entity_migrations"
VALUES ('tasks', 'theme', 'default', '001_create_tasks.sql');
