-- The primary key of auth.users, named or implied.
CREATE TABLE public.profiles (
  id uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
  inviter uuid REFERENCES auth.users ON DELETE SET NULL,
  phone text  -- a copy, kept in step by a trigger on auth.users
);

-- A set's own table in a schema it happens to call auth is its own to change.
CREATE SCHEMA IF NOT EXISTS auth;
CREATE TABLE auth.accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login text NOT NULL UNIQUE
);
CREATE TABLE public.sessions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login text NOT NULL REFERENCES auth.accounts (login)
);

-- Dropped again before the set ends: nothing depends on users_phone_key afterwards.
ALTER TABLE public.profiles
  ADD CONSTRAINT profiles_phone_fkey FOREIGN KEY (phone) REFERENCES auth.users (phone);
ALTER TABLE public.profiles DROP CONSTRAINT profiles_phone_fkey;
