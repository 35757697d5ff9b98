-- expect-file: modified-migration "semantic change"
CREATE TABLE plans (id bigint PRIMARY KEY, price numeric(12,2));
