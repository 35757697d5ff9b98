-- new_feature_data (003) goes, and its indexes with it; the primary key of
-- user_enabled_modules goes with its constraint. Dropping those indexes IF EXISTS afterwards
-- does nothing, so it takes no lock.
DROP TABLE new_feature_data;
DROP INDEX IF EXISTS idx_new_feature_data_user_id;
ALTER TABLE user_enabled_modules DROP CONSTRAINT IF EXISTS user_enabled_modules_pkey;
DROP INDEX IF EXISTS user_enabled_modules_pkey;
