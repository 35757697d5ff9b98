-- Seed 004's dangerous type change: a cast with USING rewrites every row and can fail halfway.
ALTER TABLE user_settings
  ALTER COLUMN setting_value TYPE INTEGER USING setting_value::INTEGER;  -- expect: unsafe-type-change "from text to int4 rewrites"

-- Widening integer to bigint still rewrites the table and its indexes.
ALTER TABLE products ALTER COLUMN id TYPE bigint;  -- expect: unsafe-type-change "from int4 to int8"

-- Narrowing: every value is checked and the table rewritten.
ALTER TABLE products ALTER COLUMN sku TYPE varchar(64);  -- expect: unsafe-type-change "from varchar(255) to varchar(64)"

-- A new scale changes the stored values.
ALTER TABLE products ALTER COLUMN price TYPE numeric(12,4);  -- expect: unsafe-type-change "numeric(10,2) to numeric(12,4)"

-- text to a limited varchar must check every row.
ALTER TABLE products ALTER COLUMN title TYPE varchar(200);  -- expect: unsafe-type-change "from text to varchar(200)"

-- timestamp to timestamptz rewrites (unless the session time zone is UTC, which a migration cannot rely on).
ALTER TABLE user_settings ALTER COLUMN updated_at TYPE timestamptz;  -- expect: unsafe-type-change "from timestamp to timestamptz"

-- Lowering a precision rounds every value.
ALTER TABLE products ALTER COLUMN released_at TYPE timestamptz(0);  -- expect: unsafe-type-change "timestamptz(3) to timestamptz(0)"

-- Coarser fields: minutes and seconds of every value are cut off.
ALTER TABLE products ALTER COLUMN lead_time TYPE interval day to hour;  -- expect: unsafe-type-change "from interval day to second(0) to interval day to hour"

-- Even a widening counts as a rewrite once USING is written.
ALTER TABLE user_settings ALTER COLUMN setting_key TYPE varchar(128) USING lower(setting_key);  -- expect: unsafe-type-change "with USING"

-- A column the set never created: its current type is unknown, so the change cannot be proven safe.
ALTER TABLE legacy_orders ALTER COLUMN amount TYPE numeric(14,2);  -- expect: unsafe-type-change "current type is unknown"

DO $$
BEGIN
  ALTER TABLE products ALTER COLUMN weight_kg TYPE real;  -- expect: unsafe-type-change "from numeric(8,3) to float4"
END
$$;
