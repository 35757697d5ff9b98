CREATE TABLE plans (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TYPE account_status AS ENUM ('active', 'closed');
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END $$;
