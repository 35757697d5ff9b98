-- Migration: 001_create_subscribers.sql
-- Entity: subscribers
-- Description: People subscribed to a newsletter list
-- Date: 2025-02-26

-- ============================================
-- TABLE
-- ============================================
CREATE TABLE IF NOT EXISTS "subscribers" (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"public.newsletter_lists\""
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "listId" TEXT NOT NULL REFERENCES "newsletter_lists"(id) ON DELETE CASCADE,
  "userId" TEXT REFERENCES "user"(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'confirmed', 'unsubscribed', 'bounced')),
  "confirmedAt" TIMESTAMPTZ,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT subscribers_list_email_unique UNIQUE ("listId", email)
);

-- ============================================
-- INDEXES
-- ============================================
-- ("listId", email) is covered by the unique constraint.
CREATE INDEX IF NOT EXISTS idx_subscribers_user_id
  ON "subscribers"("userId");

CREATE INDEX IF NOT EXISTS idx_subscribers_status
  ON "subscribers"(status);

-- ============================================
-- RLS
-- ============================================
ALTER TABLE "subscribers" ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "subscribers_signup" ON "subscribers";
CREATE POLICY "subscribers_signup" ON "subscribers"
  FOR INSERT
  TO anon, authenticated
  WITH CHECK (status = 'pending');

DROP POLICY IF EXISTS "subscribers_view_own" ON "subscribers";
CREATE POLICY "subscribers_view_own" ON "subscribers"
  FOR SELECT
  TO authenticated
  USING ("userId" = public.get_auth_user_id() OR public.is_admin());

-- ============================================
-- TRIGGERS
-- ============================================
DROP TRIGGER IF EXISTS subscribers_set_updated_at ON "subscribers";
CREATE TRIGGER subscribers_set_updated_at
  BEFORE UPDATE ON "subscribers"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();
