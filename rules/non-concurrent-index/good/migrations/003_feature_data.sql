-- Seed 004's "adding tables" pattern: a new table and its indexes in one migration.
CREATE TABLE new_feature_data (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid,
  feature_config jsonb DEFAULT '{}',
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now()
);

CREATE INDEX idx_new_feature_data_user_id
ON new_feature_data(user_id)
WHERE user_id IS NOT NULL;

CREATE INDEX idx_new_feature_data_created_at ON new_feature_data (created_at);
DROP INDEX idx_new_feature_data_created_at;
REINDEX TABLE new_feature_data;

CREATE MATERIALIZED VIEW module_counts AS
  SELECT module, count(*) AS users FROM user_enabled_modules GROUP BY module;
CREATE UNIQUE INDEX module_counts_module_key ON module_counts (module);

-- Already built by 001: IF NOT EXISTS makes this a no-op.
CREATE INDEX IF NOT EXISTS idx_user_enabled_modules_user_id ON user_enabled_modules (user_id);
