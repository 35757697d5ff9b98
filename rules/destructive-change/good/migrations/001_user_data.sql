CREATE TABLE user_data (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  old_name text,
  setting_value text
);
