-- Dropped by 003 and 004 already: dropping them again IF EXISTS does nothing.
DROP TABLE IF EXISTS item_likes;
DROP TABLE IF EXISTS user_data_import;
ALTER TABLE webhooks DROP COLUMN IF EXISTS internal;
DROP SCHEMA IF EXISTS import_staging CASCADE;
