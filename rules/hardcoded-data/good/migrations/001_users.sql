CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, owner_email text);
INSERT INTO accounts (id, owner_email) SELECT id, email FROM users;
