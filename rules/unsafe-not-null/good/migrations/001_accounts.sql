CREATE TABLE profiles (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_data (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  profile_id uuid NOT NULL REFERENCES profiles (id),
  email text,
  phone text,
  country text,
  tax_id text
);

CREATE TABLE page_views (
  path text NOT NULL,
  viewed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE invoices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_ref text,
  due_on date,
  currency char(3) DEFAULT 'EUR'
);
