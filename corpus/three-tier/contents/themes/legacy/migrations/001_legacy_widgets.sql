-- Migration: 001_legacy_widgets.sql
-- Description: Sidebar widgets of the retired Legacy theme.
--              The theme is installed but not active, so this never runs.
-- Date: 2024-06-11

-- ============================================
-- TABLE
-- ============================================
CREATE TABLE IF NOT EXISTS "legacy_widgets" (
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  area TEXT NOT NULL DEFAULT 'sidebar',
  kind TEXT NOT NULL,
  settings JSONB NOT NULL DEFAULT '{}'::jsonb,
  position INTEGER NOT NULL DEFAULT 0,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- ============================================
-- INDEXES
-- ============================================
CREATE INDEX IF NOT EXISTS idx_legacy_widgets_area
  ON "legacy_widgets"(area, position);

-- ============================================
-- RLS
-- ============================================
ALTER TABLE "legacy_widgets" ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "legacy_widgets_public_read" ON "legacy_widgets";
CREATE POLICY "legacy_widgets_public_read" ON "legacy_widgets"
  FOR SELECT
  TO anon, authenticated
  USING (TRUE);

-- ============================================
-- TRIGGERS
-- ============================================
DROP TRIGGER IF EXISTS legacy_widgets_set_updated_at ON "legacy_widgets";
CREATE TRIGGER legacy_widgets_set_updated_at
  BEFORE UPDATE ON "legacy_widgets"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();
