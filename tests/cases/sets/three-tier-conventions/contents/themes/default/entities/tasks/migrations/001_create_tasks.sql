-- Migration: 001_create_tasks.sql
-- Entity: tasks — the standard structure: id, owner key, timestamps, indexes, RLS, trigger
-- Description: a user's tasks
-- Date: 2025-03-06

CREATE TABLE IF NOT EXISTS "tasks" (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"public.user\""
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  status TEXT DEFAULT 'todo',
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS idx_tasks_user_id
  ON "tasks"("userId");

CREATE INDEX IF NOT EXISTS idx_tasks_status
  ON "tasks"(status);

ALTER TABLE "tasks" ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "users_can_view_own_tasks" ON "tasks";
CREATE POLICY "users_can_view_own_tasks" ON "tasks"
  FOR SELECT
  TO authenticated
  USING ("userId" = public.get_auth_user_id());

DROP TRIGGER IF EXISTS tasks_set_updated_at ON "tasks";
CREATE TRIGGER tasks_set_updated_at
  BEFORE UPDATE ON "tasks"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();
