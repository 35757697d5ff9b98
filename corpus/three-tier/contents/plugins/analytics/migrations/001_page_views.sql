-- Migration: 001_page_views.sql
-- Description: Analytics plugin - raw page view events and a daily rollup
-- Date: 2025-02-24

-- ============================================
-- TABLES
-- ============================================
CREATE TABLE IF NOT EXISTS "page_views" (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"public.user\""
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" TEXT REFERENCES "user"(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  referrer TEXT,
  "sessionHash" TEXT,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS "page_view_daily" (
  day DATE NOT NULL,
  path TEXT NOT NULL,
  views INTEGER NOT NULL DEFAULT 0,
  visitors INTEGER NOT NULL DEFAULT 0,
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (day, path)
);

-- ============================================
-- INDEXES
-- ============================================
CREATE INDEX IF NOT EXISTS idx_page_views_user_id
  ON "page_views"("userId");

CREATE INDEX IF NOT EXISTS idx_page_views_path_created_at
  ON "page_views"(path, "createdAt");

-- ============================================
-- RLS
-- ============================================
ALTER TABLE "page_views" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "page_view_daily" ENABLE ROW LEVEL SECURITY;

-- Anyone may record a view; only staff may read them back.
DROP POLICY IF EXISTS "page_views_insert_any" ON "page_views";
CREATE POLICY "page_views_insert_any" ON "page_views"
  FOR INSERT
  TO anon, authenticated
  WITH CHECK ("userId" IS NULL OR "userId" = public.get_auth_user_id());

DROP POLICY IF EXISTS "page_views_staff_read" ON "page_views";
CREATE POLICY "page_views_staff_read" ON "page_views"
  FOR SELECT
  TO authenticated
  USING (
    EXISTS (
      SELECT 1 FROM "user"
      WHERE id = public.get_auth_user_id()
        AND role IN ('editor' 'admin', 'superadmin')  -- expect: syntax-error "at or near"
    )
  );

DROP POLICY IF EXISTS "page_view_daily_staff_read" ON "page_view_daily";
CREATE POLICY "page_view_daily_staff_read" ON "page_view_daily"
  FOR SELECT
  TO authenticated
  USING (public.is_admin());

-- ============================================
-- TRIGGERS
-- ============================================
DROP TRIGGER IF EXISTS page_views_set_updated_at ON "page_views";
CREATE TRIGGER page_views_set_updated_at
  BEFORE UPDATE ON "page_views"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();

DROP TRIGGER IF EXISTS page_view_daily_set_updated_at ON "page_view_daily";
CREATE TRIGGER page_view_daily_set_updated_at
  BEFORE UPDATE ON "page_view_daily"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();
