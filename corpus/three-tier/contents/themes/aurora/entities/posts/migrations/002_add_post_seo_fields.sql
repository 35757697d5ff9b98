-- Migration: 002_add_post_seo_fields.sql
-- Entity: posts
-- Description: SEO title/description overrides and a cover image
-- Date: 2025-03-04

-- ============================================
-- COLUMNS
-- ============================================
DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = 'posts' AND column_name = 'seoTitle'
  ) THEN
    ALTER TABLE "posts" ADD COLUMN "seoTitle" TEXT;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.posts\""
  END IF;

  IF NOT EXISTS (
    SELECT 1 FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = 'posts' AND column_name = 'seoDescription'
  ) THEN
    ALTER TABLE "posts" ADD COLUMN "seoDescription" TEXT;
  END IF;

  IF NOT EXISTS (
    SELECT 1 FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = 'posts' AND column_name = 'coverImageUrl'
  ) THEN
    ALTER TABLE "posts" ADD COLUMN "coverImageUrl" TEXT;
  END IF;
END $$;
