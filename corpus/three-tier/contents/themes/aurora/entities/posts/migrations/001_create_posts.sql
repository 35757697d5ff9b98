-- Migration: 001_create_posts.sql
-- Entity: posts
-- Description: Blog posts authored in the Aurora theme
-- Date: 2025-02-20

-- ============================================
-- TABLE
-- ============================================
CREATE TABLE IF NOT EXISTS "posts" (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"public.user\""
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  slug TEXT NOT NULL,
  excerpt TEXT,
  body TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'scheduled', 'published', 'archived')),
  "publishedAt" TIMESTAMPTZ,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT posts_slug_unique UNIQUE (slug)
);

-- ============================================
-- INDEXES
-- ============================================
CREATE INDEX IF NOT EXISTS idx_posts_user_id
  ON "posts"("userId");

CREATE INDEX IF NOT EXISTS idx_posts_published
  ON "posts"("publishedAt" DESC)
  WHERE status = 'published';

-- ============================================
-- RLS
-- ============================================
ALTER TABLE "posts" ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "posts_public_read_published" ON "posts";
CREATE POLICY "posts_public_read_published" ON "posts"
  FOR SELECT
  TO anon, authenticated
  USING (status = 'published');

DROP POLICY IF EXISTS "posts_author_all" ON "posts";
CREATE POLICY "posts_author_all" ON "posts"  -- expect: multiple-permissive-policies "\"public.posts\" has 2 permissive policies for role authenticated on select (\"posts_public_read_published\", \"posts_author_all\")"
  FOR ALL
  TO authenticated
  USING ("userId" = public.get_auth_user_id() OR public.is_admin())
  WITH CHECK ("userId" = public.get_auth_user_id() OR public.is_admin());

-- ============================================
-- TRIGGERS
-- ============================================
DROP TRIGGER IF EXISTS posts_set_updated_at ON "posts";
CREATE TRIGGER posts_set_updated_at
  BEFORE UPDATE ON "posts"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();
