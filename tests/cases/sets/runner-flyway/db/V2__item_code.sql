ALTER TABLE item ADD COLUMN code text;
CREATE INDEX CONCURRENTLY item_code_idx ON item (code);  -- expect: concurrently-in-transaction "flyway refuses to run"
