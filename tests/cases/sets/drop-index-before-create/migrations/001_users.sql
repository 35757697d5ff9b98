CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, confirmation_token text);
