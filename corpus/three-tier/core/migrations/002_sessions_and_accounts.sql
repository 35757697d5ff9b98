-- Migration: 002_sessions_and_accounts.sql
-- Description: Login sessions, linked provider accounts, verification tokens
-- Date: 2025-02-03

-- ============================================
-- TABLES
-- ============================================
CREATE TABLE IF NOT EXISTS "session" (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"public.user\""
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  token TEXT NOT NULL,
  "expiresAt" TIMESTAMPTZ NOT NULL,
  "ipAddress" TEXT,
  "userAgent" TEXT,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT session_token_unique UNIQUE (token)
);

CREATE TABLE IF NOT EXISTS "account" (
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  "userId" TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  "providerId" TEXT NOT NULL,
  "accountId" TEXT NOT NULL,
  "accessToken" TEXT,
  "refreshToken" TEXT,
  "accessTokenExpiresAt" TIMESTAMPTZ,
  password TEXT,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT account_provider_unique UNIQUE ("providerId", "accountId")
);

CREATE TABLE IF NOT EXISTS "verification" (
  id TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  identifier TEXT NOT NULL,
  value TEXT NOT NULL,
  "expiresAt" TIMESTAMPTZ NOT NULL,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updatedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- ============================================
-- INDEXES
-- ============================================
CREATE INDEX IF NOT EXISTS idx_session_user_id
  ON "session"("userId");

CREATE INDEX IF NOT EXISTS idx_session_expires_at
  ON "session"("expiresAt");

CREATE INDEX IF NOT EXISTS idx_account_user_id
  ON "account"("userId");

CREATE INDEX IF NOT EXISTS idx_verification_identifier
  ON "verification"(identifier);

-- ============================================
-- RLS
-- ============================================
ALTER TABLE "session" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "account" ENABLE ROW LEVEL SECURITY;
-- "verification" is only touched by the auth server: RLS on, no policies.
ALTER TABLE "verification" ENABLE ROW LEVEL SECURITY;  -- expect: rls-without-policy "row level security is enabled on \"public.verification\" but no policy is left on it"

DROP POLICY IF EXISTS "session_select_own" ON "session";
CREATE POLICY "session_select_own" ON "session"
  FOR SELECT
  TO authenticated
  USING ("userId" = public.get_auth_user_id());

DROP POLICY IF EXISTS "session_delete_own" ON "session";
CREATE POLICY "session_delete_own" ON "session"
  FOR DELETE
  TO authenticated
  USING ("userId" = public.get_auth_user_id());

DROP POLICY IF EXISTS "account_select_own" ON "account";
CREATE POLICY "account_select_own" ON "account"
  FOR SELECT
  TO authenticated
  USING ("userId" = public.get_auth_user_id());

-- ============================================
-- TRIGGERS
-- ============================================
DROP TRIGGER IF EXISTS session_set_updated_at ON "session";
CREATE TRIGGER session_set_updated_at
  BEFORE UPDATE ON "session"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();

DROP TRIGGER IF EXISTS account_set_updated_at ON "account";
CREATE TRIGGER account_set_updated_at
  BEFORE UPDATE ON "account"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();

DROP TRIGGER IF EXISTS verification_set_updated_at ON "verification";
CREATE TRIGGER verification_set_updated_at
  BEFORE UPDATE ON "verification"
  FOR EACH ROW
  EXECUTE FUNCTION public.set_updated_at();
