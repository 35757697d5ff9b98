-- Since PostgreSQL 11 a constant or STABLE default is stored once in the catalog: no rewrite.
ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';
ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE users ADD COLUMN tags text[] DEFAULT ARRAY[]::text[];
ALTER TABLE users ADD COLUMN note text DEFAULT NULL;

-- A function the set declared IMMUTABLE or STABLE is evaluated once.
CREATE FUNCTION default_region() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'eu' $$;
ALTER TABLE users ADD COLUMN region text DEFAULT default_region();

-- The recipe: a plain column, the default for new rows, existing rows filled in batches.
ALTER TABLE users ADD COLUMN api_token uuid;
ALTER TABLE users ALTER COLUMN api_token SET DEFAULT gen_random_uuid();
UPDATE users SET api_token = gen_random_uuid() WHERE id BETWEEN 1 AND 10000 AND api_token IS NULL;

-- A table created earlier in the same file has no rows yet.
CREATE TABLE sessions (user_id bigint NOT NULL);
ALTER TABLE sessions ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE sessions ADD COLUMN seq bigserial;
