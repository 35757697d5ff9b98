-- Migration: 003_feature_flags.sql
-- Description: per-user feature flags; the table alone, with indexes, RLS and trigger
--              left "as needed" — that is, forgotten
-- Date: 2025-03-05

CREATE TABLE IF NOT EXISTS "feature_flags" (  -- expect: rls-disabled "\"public.feature_flags\"", lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"public.user\""
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,  -- expect: fk-missing-index "(\"userId\") of \"public.feature_flags\" referencing \"public.user\""
  name TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now()  -- expect: updated-at-trigger "\"public.feature_flags\" has column \"updatedAt\""
);
