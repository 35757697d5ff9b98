-- Dropped to change columns or a signature, and created again in the same migration: the name
-- keeps answering.
DROP VIEW active_users;
ALTER TABLE user_data ALTER COLUMN id TYPE bigint;
CREATE VIEW active_users AS SELECT id, theme FROM user_data;

DROP FUNCTION user_label(bigint);
CREATE FUNCTION user_label(user_id bigint, prefix text DEFAULT 'user ') RETURNS text
LANGUAGE sql AS $$ SELECT prefix || user_id $$;

DROP TYPE IF EXISTS user_kind;
CREATE TYPE user_kind AS ENUM ('person', 'bot', 'service');

-- A trigger function: only its triggers call it, never the application.
DROP FUNCTION touch();

-- A constraint replaced in the same migration by one at least as strong.
ALTER TABLE accounts DROP CONSTRAINT accounts_plan_check,
  ADD CONSTRAINT accounts_plan_check CHECK (plan IN ('free', 'pro', 'team'));
ALTER TABLE accounts DROP CONSTRAINT accounts_owner_fkey;
ALTER TABLE accounts ADD CONSTRAINT accounts_owner_id_fkey FOREIGN KEY (owner_id)
  REFERENCES user_data (id) ON DELETE CASCADE;
ALTER TABLE accounts DROP CONSTRAINT accounts_email_key;
CREATE UNIQUE INDEX CONCURRENTLY accounts_email_lower ON accounts (email);

-- A default changed: dropped, then set again.
ALTER TABLE accounts ALTER COLUMN plan DROP DEFAULT;
ALTER TABLE accounts ALTER COLUMN plan SET DEFAULT 'pro';

-- Made in this migration: nothing used them yet.
CREATE SEQUENCE import_numbers;
CREATE VIEW import_preview AS SELECT 1 AS n;
DROP VIEW import_preview;
DROP SEQUENCE import_numbers;

-- The enum swap: columns moved to a new type, the old one dropped, the new one renamed into its
-- place. No column and no name goes.
CREATE TYPE user_kind_new AS ENUM ('person', 'bot', 'service', 'team');
DROP TYPE user_kind;
ALTER TYPE user_kind_new RENAME TO user_kind;

-- A foreign key dropped with its column (that DROP COLUMN is the finding, when there is one).
ALTER TABLE accounts ADD COLUMN referrer_id bigint REFERENCES user_data (id);
