-- Nothing but statements that refuse a transaction: Flyway runs the script without one.
CREATE INDEX CONCURRENTLY item_name_idx ON item (name);
