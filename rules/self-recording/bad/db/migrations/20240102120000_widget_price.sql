-- migrate:up
ALTER TABLE widgets ADD COLUMN price numeric;
UPDATE public.schema_migrations SET version = '20240102120000' WHERE version = '20240102';  -- expect: self-recording "UPDATE public.schema_migrations: that is the history table dbmate keeps itself: changing its rows"

-- migrate:down
ALTER TABLE widgets DROP COLUMN price;
