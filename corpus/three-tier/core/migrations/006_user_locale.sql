-- Migration: 006_user_locale.sql
-- Description: Preferred locale and time zone on "user"
-- Date: 2025-02-17

-- ============================================
-- COLUMNS
-- ============================================
DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = 'user' AND column_name = 'locale'
  ) THEN
    ALTER TABLE "user" ADD COLUMN locale TEXT DEFAULT 'en';  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.user\""
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = 'user' AND column_name = 'timeZone'
  ) THEN
    ALTER TABLE "user" ADD COLUMN "timeZone" TEXT DEFAULT 'UTC';
  END IF;
END $$;
