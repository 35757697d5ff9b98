INSERT INTO settings (key, value, key) VALUES ('a', 'b', 'c');  -- expect: duplicate-column "column \"key\" is named twice in the INSERT column list"
UPDATE users SET email = lower(email), name = 'x', email = NULL WHERE id = 1;  -- expect: duplicate-column "column \"email\" is named twice in UPDATE … SET"

CREATE TABLE invoices (
  id bigint PRIMARY KEY,
  total_cents bigint NOT NULL,
  total_cents numeric  -- expect: duplicate-column "column \"total_cents\" is named twice in CREATE TABLE"
);

-- PostgreSQL folds unquoted names to lower case.
CREATE TABLE line_items (
  Qty int,
  qty int,  -- expect: duplicate-column "column \"qty\""
  PRIMARY KEY (qty, qty)  -- expect: duplicate-column "column \"qty\" is named twice in the PRIMARY KEY"
);

ALTER TABLE users ADD COLUMN nickname text, ADD COLUMN nickname varchar(40);  -- expect: duplicate-column "named twice in one ALTER TABLE"
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email, email);  -- expect: duplicate-column "the UNIQUE constraint"

INSERT INTO counters (name, hits) VALUES ('home', 1)
  ON CONFLICT (name) DO UPDATE SET hits = counters.hits + 1, hits = 0;  -- expect: duplicate-column "ON CONFLICT … DO UPDATE SET"
