ALTER TABLE products ALTER COLUMN price SET NOT NULL;  -- expect: breaking-change "SET NOT NULL on \"public.products.price\": writes of NULL there, which code still running may make, fail (23502)", unsafe-not-null, lock-timeout
ALTER TABLE products ADD CONSTRAINT products_price_positive CHECK (price > 0) NOT VALID;  -- expect: breaking-change "ADD CHECK on \"public.products\": writes it refuses"
ALTER TYPE product_state ADD VALUE 'archived';  -- expect: breaking-change "ADD VALUE 'archived' to enum \"public.product_state\""
REVOKE INSERT ON products FROM app_writer;  -- expect: breaking-change "REVOKE from app_writer on \"public.products\": code still running as that role fails (42501)"
DROP INDEX CONCURRENTLY products_sku_key;  -- expect: breaking-change "DROP INDEX \"public.products_sku_key\": queries of code still running that used it scan, and its INSERT … ON CONFLICT"

-- Made again, or made in this file: nothing old loses anything.
DROP INDEX CONCURRENTLY products_price_idx;
CREATE INDEX CONCURRENTLY products_price_idx ON products (price DESC);
REVOKE ALL ON carts FROM app_reader;
GRANT SELECT ON carts TO app_reader;
CREATE TYPE product_badge AS ENUM ('new');
ALTER TYPE product_badge ADD VALUE 'sale';
