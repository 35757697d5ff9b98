-- Migration: 003_user_metas.sql
-- Description: Key/value metadata attached to users (profile fields, preferences)
-- Date: 2025-02-04

-- ============================================
-- TABLE
-- ============================================
CREATE TABLE IF NOT EXISTS "users_metas" (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"public.user\""
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  "metaKey" TEXT NOT NULL,
  "metaValue" JSONB NOT NULL DEFAULT '{}'::jsonb,
  "isPublic" BOOLEAN NOT NULL DEFAULT FALSE,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT users_metas_user_key_unique UNIQUE ("userId", "metaKey")
);

-- ============================================
-- INDEXES
-- ============================================
-- The unique constraint already leads with "userId", so it covers the FK.
CREATE INDEX IF NOT EXISTS idx_users_metas_key
  ON "users_metas"("metaKey");

CREATE INDEX IF NOT EXISTS idx_users_metas_public
  ON "users_metas"("userId")
  WHERE "isPublic" = TRUE;

CREATE INDEX IF NOT EXISTS idx_users_metas_value_gin
  ON "users_metas" USING GIN ("metaValue");

-- ============================================
-- RLS
-- ============================================
ALTER TABLE "users_metas" ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "users_metas_owner_all" ON "users_metas";
CREATE POLICY "users_metas_owner_all" ON "users_metas"
  FOR ALL
  TO authenticated
  USING ("userId" = public.get_auth_user_id() OR public.is_admin())
  WITH CHECK ("userId" = public.get_auth_user_id() OR public.is_admin());

DROP POLICY IF EXISTS "users_metas_public_read" ON "users_metas";
CREATE POLICY "users_metas_public_read" ON "users_metas"
  FOR SELECT
  TO anon
  USING ("isPublic" = TRUE);

-- ============================================
-- TRIGGER
-- ============================================
DROP TRIGGER IF EXISTS users_metas_set_updated_at ON "users_metas";
CREATE TRIGGER users_metas_set_updated_at
  BEFORE UPDATE ON "users_metas"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();
