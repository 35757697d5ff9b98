CREATE TABLE crates (id bigint PRIMARY KEY, name text NOT NULL);
