-- Migration: 20250302_001_new_feature_data
-- Description: a new table with RLS, its policy, and a partial index on its nullable key
CREATE TABLE IF NOT EXISTS new_feature_data (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"auth.users\""
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID REFERENCES auth.users(id) ON DELETE CASCADE,
    feature_config JSONB DEFAULT '{}',
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);

ALTER TABLE new_feature_data ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "user_feature_isolation" ON new_feature_data;
CREATE POLICY "user_feature_isolation" ON new_feature_data
    FOR ALL USING ((SELECT auth.uid()) = user_id);

-- A lookup by user_id implies user_id IS NOT NULL: the partial index serves the key.
CREATE INDEX IF NOT EXISTS idx_new_feature_data_user_id
ON new_feature_data(user_id)
WHERE user_id IS NOT NULL;
