-- Migration: 002_user_metas.sql
-- Description: user metadata; the composite UNIQUE leads with "userId", so it serves the key
-- Date: 2025-03-02

CREATE TABLE IF NOT EXISTS "users_metas" (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"public.user\""
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" TEXT NOT NULL REFERENCES public."user"(id) ON DELETE CASCADE,
  "metaKey" TEXT NOT NULL,
  "metaValue" JSONB NOT NULL DEFAULT '{}'::jsonb,
  "isPublic" BOOLEAN NOT NULL DEFAULT FALSE,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT users_metas_unique_key UNIQUE ("userId", "metaKey")
);

CREATE INDEX IF NOT EXISTS idx_users_metas_key
  ON "users_metas"("metaKey");

CREATE INDEX IF NOT EXISTS idx_users_metas_value_gin
  ON "users_metas" USING GIN ("metaValue");

ALTER TABLE "users_metas" ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "users_metas_owner_all" ON "users_metas";
CREATE POLICY "users_metas_owner_all" ON "users_metas"
  FOR ALL
  TO authenticated
  USING ("userId" = public.get_auth_user_id());

DROP POLICY IF EXISTS users_metas_public_read ON "users_metas";
CREATE POLICY users_metas_public_read ON "users_metas"
  FOR SELECT
  TO anon
  USING ("isPublic" = TRUE);

DROP TRIGGER IF EXISTS users_metas_set_updated_at ON "users_metas";
CREATE TRIGGER users_metas_set_updated_at
  BEFORE UPDATE ON "users_metas"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();
