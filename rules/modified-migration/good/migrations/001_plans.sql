CREATE TABLE plans (id bigint PRIMARY KEY, price numeric(10,2));
