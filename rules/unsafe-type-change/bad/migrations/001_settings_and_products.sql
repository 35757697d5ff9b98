CREATE TABLE user_settings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL,
  setting_key varchar(64) NOT NULL,
  setting_value text,
  updated_at timestamp NOT NULL DEFAULT now()
);

CREATE TABLE products (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku varchar(255) NOT NULL UNIQUE,
  title text NOT NULL,
  price numeric(10,2) NOT NULL,
  weight_kg numeric(8,3),
  released_at timestamptz(3),
  warranty interval year to month,
  lead_time interval day to second(0)
);
