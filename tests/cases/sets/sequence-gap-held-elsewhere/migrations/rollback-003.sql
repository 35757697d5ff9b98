DROP INDEX IF EXISTS prices_product_id_idx;
