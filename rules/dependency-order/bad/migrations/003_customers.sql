CREATE TABLE billing.customers (id bigint PRIMARY KEY);
