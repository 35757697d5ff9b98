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

CREATE VIEW active_users AS SELECT id FROM user_data;
CREATE FUNCTION user_label(user_id bigint) RETURNS text LANGUAGE sql AS $$ SELECT 'user ' || user_id $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TYPE user_kind AS ENUM ('person', 'bot');
CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  email text NOT NULL CONSTRAINT accounts_email_key UNIQUE,
  plan text NOT NULL DEFAULT 'free',
  owner_id bigint CONSTRAINT accounts_owner_fkey REFERENCES user_data (id),
  CONSTRAINT accounts_plan_check CHECK (plan IN ('free', 'pro'))
);
