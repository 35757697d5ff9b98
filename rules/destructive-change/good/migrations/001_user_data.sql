CREATE TABLE user_data (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  old_name text,
  setting_value text,
  theme text
);

CREATE TABLE user_preferences (user_id bigint PRIMARY KEY, theme text);
CREATE TABLE item_likes (user_id bigint, item_id bigint);
CREATE TABLE item_saves (user_id bigint, item_id bigint);
CREATE TABLE webhooks (id bigint PRIMARY KEY, internal boolean NOT NULL DEFAULT false);
