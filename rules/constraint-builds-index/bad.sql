-- Tables this file does not create already exist, with rows and readers.
ALTER TABLE orders ADD PRIMARY KEY (id);  -- expect: constraint-builds-index "ADD PRIMARY KEY builds its index on \"public.orders\" under an ACCESS EXCLUSIVE lock"

ALTER TABLE users
  ADD CONSTRAINT users_email_key UNIQUE (email);  -- expect: constraint-builds-index "ADD CONSTRAINT \"users_email_key\" UNIQUE"

ALTER TABLE billing.reservations
  ADD CONSTRAINT reservations_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);  -- expect: constraint-builds-index "EXCLUDE builds its index on \"billing.reservations\""

-- A new key column: filled for every row, then indexed, all under the lock.
ALTER TABLE events ADD COLUMN id bigserial PRIMARY KEY;  -- expect: constraint-builds-index "ADD COLUMN \"id\" PRIMARY KEY"
ALTER TABLE devices
  ADD COLUMN serial_no bigint GENERATED ALWAYS AS IDENTITY UNIQUE;  -- expect: constraint-builds-index "ADD COLUMN \"serial_no\" UNIQUE"
