-- Tables this file does not create already exist, with rows and readers.
ALTER TABLE users ADD COLUMN api_token uuid NOT NULL DEFAULT gen_random_uuid();  -- expect: volatile-default "ADD COLUMN \"api_token\" with the volatile default gen_random_uuid() rewrites \"public.users\" under an ACCESS EXCLUSIVE lock"
ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();  -- expect: volatile-default "clock_timestamp()"
ALTER TABLE users ADD COLUMN bucket int DEFAULT (random() * 100)::int;  -- expect: volatile-default "random()"

-- serial and identity columns get a nextval() per row.
ALTER TABLE events ADD COLUMN seq bigserial;  -- expect: volatile-default "\"seq\" of type bigserial"
ALTER TABLE events
  ADD COLUMN event_no bigint GENERATED ALWAYS AS IDENTITY;  -- expect: volatile-default "\"event_no\" AS IDENTITY"

-- A stored generated column is computed for every row.
ALTER TABLE orders
  ADD COLUMN total_cents bigint GENERATED ALWAYS AS (quantity * unit_cents) STORED;  -- expect: volatile-default "GENERATED … STORED rewrites \"public.orders\""

-- A function the set created without IMMUTABLE or STABLE is VOLATILE.
CREATE FUNCTION new_ref() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;
ALTER TABLE orders ADD COLUMN ref text DEFAULT new_ref();  -- expect: volatile-default "volatile default new_ref()"
