-- Migration: 004_api_keys.sql
-- Description: Hashed API keys for headless access to the content API
-- Date: 2025-02-10

-- ============================================
-- TABLE
-- ============================================
CREATE TABLE IF NOT EXISTS "api_key" (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"public.user\""
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  "keyPrefix" TEXT NOT NULL,
  "keyHash" TEXT NOT NULL,
  scopes TEXT[] NOT NULL DEFAULT ARRAY['content:read']::text[],
  "lastUsedAt" TIMESTAMPTZ,
  "expiresAt" TIMESTAMPTZ,
  "revokedAt" TIMESTAMPTZ,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT api_key_hash_unique UNIQUE ("keyHash")
);

-- ============================================
-- INDEXES
-- ============================================
CREATE INDEX IF NOT EXISTS idx_api_key_user_id
  ON "api_key"("userId");

CREATE INDEX IF NOT EXISTS idx_api_key_prefix
  ON "api_key"("keyPrefix")
  WHERE "revokedAt" IS NULL;

-- ============================================
-- RLS
-- ============================================
ALTER TABLE "api_key" ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "api_key_owner_select" ON "api_key";
CREATE POLICY "api_key_owner_select" ON "api_key"
  FOR SELECT
  TO authenticated
  USING ("userId" = public.get_auth_user_id());

DROP POLICY IF EXISTS "api_key_owner_insert" ON "api_key";
CREATE POLICY "api_key_owner_insert" ON "api_key"
  FOR INSERT
  TO authenticated
  WITH CHECK ("userId" = public.get_auth_user_id());

DROP POLICY IF EXISTS "api_key_owner_update" ON "api_key";
CREATE POLICY "api_key_owner_update" ON "api_key"
  FOR UPDATE
  TO authenticated
  USING ("userId" = public.get_auth_user_id())
  WITH CHECK ("userId" = public.get_auth_user_id());

-- ============================================
-- TRIGGERS
-- ============================================
DROP TRIGGER IF EXISTS api_key_set_updated_at ON "api_key";
CREATE TRIGGER api_key_set_updated_at
  BEFORE UPDATE ON "api_key"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();
