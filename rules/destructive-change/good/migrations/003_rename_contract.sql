-- Phase 4, after the application switched: the data lives on in new_name.
ALTER TABLE user_data
DROP COLUMN old_name;

ALTER TABLE user_data DROP COLUMN setting_value;
ALTER TABLE user_data RENAME COLUMN setting_value_int TO setting_value;

-- Objects created in this file hold no old data.
CREATE SCHEMA import_staging;
CREATE TABLE import_staging.rows (line integer, raw text);
CREATE TABLE user_data_import (id bigint, name text);
TRUNCATE user_data_import;
ALTER TABLE user_data ADD COLUMN import_batch integer;
ALTER TABLE user_data DROP COLUMN import_batch;
DROP TABLE user_data_import;
DROP SCHEMA import_staging CASCADE;
