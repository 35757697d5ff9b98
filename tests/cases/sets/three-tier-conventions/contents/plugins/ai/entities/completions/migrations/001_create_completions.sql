-- Migration: 001_create_completions.sql
-- Entity: completions — policies written, RLS never switched on; the index is on the
-- wrong column and the trigger fires AFTER the update.
-- Description: AI completions requested by a user
-- Date: 2025-03-06

CREATE TABLE IF NOT EXISTS "completions" (  -- expect: rls-disabled "\"public.completions\"", lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"public.user\""
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,  -- expect: fk-missing-index "\"public.completions\""
  prompt TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now()  -- expect: updated-at-trigger "runs AFTER"
);

CREATE INDEX IF NOT EXISTS idx_completions_created_at
  ON "completions"("createdAt");

DROP POLICY IF EXISTS "users_can_view_own_completions" ON "completions";
-- expect: policy-without-rls "\"public.completions\" has policy \"users_can_view_own_completions\""
CREATE POLICY "users_can_view_own_completions" ON "completions"
  FOR SELECT
  TO authenticated
  USING ("userId" = public.get_auth_user_id());

DROP TRIGGER IF EXISTS completions_set_updated_at ON "completions";
CREATE TRIGGER completions_set_updated_at
  AFTER UPDATE ON "completions"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();
