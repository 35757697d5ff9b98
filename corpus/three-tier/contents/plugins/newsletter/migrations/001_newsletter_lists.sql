-- Migration: 001_newsletter_lists.sql
-- Description: Newsletter plugin - mailing lists owned by site staff
-- Date: 2025-02-26

-- ============================================
-- TABLE
-- ============================================
CREATE TABLE IF NOT EXISTS "newsletter_lists" (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"public.user\""
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  slug TEXT NOT NULL,
  description TEXT,
  "isPublic" BOOLEAN NOT NULL DEFAULT TRUE,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT newsletter_lists_slug_unique UNIQUE (slug)
);

-- ============================================
-- INDEXES
-- ============================================
CREATE INDEX IF NOT EXISTS idx_newsletter_lists_user_id
  ON "newsletter_lists"("userId");

-- ============================================
-- RLS
-- ============================================
ALTER TABLE "newsletter_lists" ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "newsletter_lists_public_read" ON "newsletter_lists";
CREATE POLICY "newsletter_lists_public_read" ON "newsletter_lists"
  FOR SELECT
  TO anon, authenticated
  USING ("isPublic" = TRUE);

DROP POLICY IF EXISTS "newsletter_lists_owner_all" ON "newsletter_lists";
CREATE POLICY "newsletter_lists_owner_all" ON "newsletter_lists"  -- expect: multiple-permissive-policies "\"public.newsletter_lists\" has 2 permissive policies for role authenticated on select (\"newsletter_lists_public_read\", \"newsletter_lists_owner_all\")"
  FOR ALL
  TO authenticated
  USING ("userId" = public.get_auth_user_id() OR public.is_admin())
  WITH CHECK ("userId" = public.get_auth_user_id() OR public.is_admin());

-- ============================================
-- TRIGGERS
-- ============================================
DROP TRIGGER IF EXISTS newsletter_lists_set_updated_at ON "newsletter_lists";
CREATE TRIGGER newsletter_lists_set_updated_at
  BEFORE UPDATE ON "newsletter_lists"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();
