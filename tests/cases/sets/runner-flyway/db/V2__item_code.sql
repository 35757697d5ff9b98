ALTER TABLE item ADD COLUMN code text;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.item\""
CREATE INDEX CONCURRENTLY item_code_idx ON item (code);  -- expect: concurrently-in-transaction "flyway refuses to run"
