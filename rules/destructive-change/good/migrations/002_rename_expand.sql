-- Seed 004's multi-phase rename, phases 1 and 2: add the new column and copy the data.
ALTER TABLE user_data
ADD COLUMN new_name TEXT;

UPDATE user_data
SET new_name = old_name
WHERE new_name IS NULL;

-- Seed 004's multi-phase type change: a new column, filled from the old one.
ALTER TABLE user_data ADD COLUMN setting_value_int integer;
UPDATE user_data SET setting_value_int = setting_value::integer WHERE setting_value ~ '^[0-9]+$';
