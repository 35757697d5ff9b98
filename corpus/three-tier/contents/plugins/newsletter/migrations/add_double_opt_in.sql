-- expect-file: file-naming
-- Migration: add_double_opt_in.sql
-- Description: Require confirmation e-mails per list
-- Date: 2025-03-11
-- (Committed without its sequence number, so the runner never picks it up.)

DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = 'newsletter_lists' AND column_name = 'doubleOptIn'
  ) THEN
    ALTER TABLE "newsletter_lists" ADD COLUMN "doubleOptIn" BOOLEAN DEFAULT TRUE;
  END IF;
END $$;
