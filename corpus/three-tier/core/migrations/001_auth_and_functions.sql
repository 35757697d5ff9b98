-- Migration: 001_auth_and_functions.sql
-- Description: API roles, helper functions and the "user" table
-- Date: 2025-02-03

-- ============================================
-- ROLES
-- ============================================
-- Self-hosted installs do not have the hosted API roles; create them once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN
    CREATE ROLE anon NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN
    CREATE ROLE authenticated NOLOGIN;
  END IF;
END $$;

-- ============================================
-- FUNCTIONS
-- ============================================
CREATE OR REPLACE FUNCTION public.set_updated_at()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
  NEW."updatedAt" = now();
  RETURN NEW;
END;
$$;

-- The API layer sets app.user_id for every request it forwards.
CREATE OR REPLACE FUNCTION public.get_auth_user_id()
RETURNS TEXT
LANGUAGE sql
STABLE
AS $$
  SELECT NULLIF(current_setting('app.user_id', true), '')
$$;

-- ============================================
-- TABLES
-- ============================================
CREATE TABLE IF NOT EXISTS "user" (
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  email TEXT NOT NULL,
  name TEXT,
  image TEXT,
  "emailVerified" BOOLEAN NOT NULL DEFAULT FALSE,
  role TEXT NOT NULL DEFAULT 'member'
    CHECK (role IN ('member', 'editor', 'admin', 'superadmin')),
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT user_email_unique UNIQUE (email)
);

-- Policies must not query "user" directly (recursive RLS); they call this instead.
CREATE OR REPLACE FUNCTION public.is_admin()  -- expect: definer-function-exposed "SECURITY DEFINER function \"public.is_admin()\" in exposed schema \"public\" may be executed by anon and authenticated through PUBLIC's EXECUTE"
RETURNS BOOLEAN
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1 FROM "user"
    WHERE id = public.get_auth_user_id()
      AND role IN ('admin', 'superadmin')
  )
$$;

-- ============================================
-- INDEXES
-- ============================================
CREATE INDEX IF NOT EXISTS idx_user_role
  ON "user"(role);

CREATE INDEX IF NOT EXISTS idx_user_created_at
  ON "user"("createdAt");

-- ============================================
-- RLS
-- ============================================
ALTER TABLE "user" ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "user_select_own" ON "user";
CREATE POLICY "user_select_own" ON "user"
  FOR SELECT
  TO authenticated
  USING (id = public.get_auth_user_id() OR public.is_admin());

DROP POLICY IF EXISTS "user_update_own" ON "user";
CREATE POLICY "user_update_own" ON "user"
  FOR UPDATE
  TO authenticated
  USING (id = public.get_auth_user_id())
  WITH CHECK (id = public.get_auth_user_id());

DROP POLICY IF EXISTS "user_admin_all" ON "user";
CREATE POLICY "user_admin_all" ON "user"  -- expect: multiple-permissive-policies "\"public.user\" has 2 permissive policies for role authenticated on select (\"user_select_own\", \"user_admin_all\")", multiple-permissive-policies "\"public.user\" has 2 permissive policies for role authenticated on update (\"user_update_own\", \"user_admin_all\")"
  FOR ALL
  TO authenticated
  USING (public.is_admin())
  WITH CHECK (public.is_admin());

-- ============================================
-- TRIGGERS
-- ============================================
DROP TRIGGER IF EXISTS user_set_updated_at ON "user";
CREATE TRIGGER user_set_updated_at
  BEFORE UPDATE ON "user"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();
