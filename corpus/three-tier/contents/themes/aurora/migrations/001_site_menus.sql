-- Migration: 001_site_menus.sql
-- Description: Aurora theme navigation menus (header, footer, sidebar)
-- Date: 2025-02-20

-- ============================================
-- TABLES
-- ============================================
CREATE TABLE IF NOT EXISTS "site_menus" (
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  slot TEXT NOT NULL CHECK (slot IN ('header', 'footer', 'sidebar')),
  label TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT site_menus_slot_unique UNIQUE (slot)
);

CREATE TABLE IF NOT EXISTS "site_menu_items" (
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "menuId" TEXT NOT NULL REFERENCES "site_menus"(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  href TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- ============================================
-- INDEXES
-- ============================================
CREATE INDEX IF NOT EXISTS idx_site_menu_items_menu_id
  ON "site_menu_items"("menuId", position);

-- ============================================
-- RLS
-- ============================================
ALTER TABLE "site_menus" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "site_menu_items" ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "site_menus_public_read" ON "site_menus";
CREATE POLICY "site_menus_public_read" ON "site_menus"
  FOR SELECT
  TO anon, authenticated
  USING (TRUE);  -- expect: policy-always-true "policy \"site_menus_public_read\" on \"public.site_menus\" (FOR select) has USING that is always true"

DROP POLICY IF EXISTS "site_menus_admin_write" ON "site_menus";
CREATE POLICY "site_menus_admin_write" ON "site_menus"  -- expect: multiple-permissive-policies "\"public.site_menus\" has 2 permissive policies for role authenticated on select (\"site_menus_public_read\", \"site_menus_admin_write\")"
  FOR ALL
  TO authenticated
  USING (public.is_admin())
  WITH CHECK (public.is_admin());

DROP POLICY IF EXISTS "site_menu_items_public_read" ON "site_menu_items";
CREATE POLICY "site_menu_items_public_read" ON "site_menu_items"
  FOR SELECT
  TO anon, authenticated
  USING (TRUE);  -- expect: policy-always-true "policy \"site_menu_items_public_read\" on \"public.site_menu_items\" (FOR select) has USING that is always true"

DROP POLICY IF EXISTS "site_menu_items_admin_write" ON "site_menu_items";
CREATE POLICY "site_menu_items_admin_write" ON "site_menu_items"  -- expect: multiple-permissive-policies "\"public.site_menu_items\" has 2 permissive policies for role authenticated on select (\"site_menu_items_public_read\", \"site_menu_items_admin_write\")"
  FOR ALL
  TO authenticated
  USING (public.is_admin())
  WITH CHECK (public.is_admin());

-- ============================================
-- TRIGGERS
-- ============================================
DROP TRIGGER IF EXISTS site_menus_set_updated_at ON "site_menus";
CREATE TRIGGER site_menus_set_updated_at
  BEFORE UPDATE ON "site_menus"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();

DROP TRIGGER IF EXISTS site_menu_items_set_updated_at ON "site_menu_items";
CREATE TRIGGER site_menu_items_set_updated_at
  BEFORE UPDATE ON "site_menu_items"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();
