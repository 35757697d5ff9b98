ALTER TABLE plans ADD COLUMN discount_id bigint;
