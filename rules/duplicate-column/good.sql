INSERT INTO settings (key, value) VALUES ('a', 'b');
UPDATE users SET email = lower(email), name = 'x' WHERE id = 1;

-- Two parts of one composite or array column may be set in one statement.
UPDATE shapes SET point.x = 1, point.y = 2;
INSERT INTO matrices (cells[1], cells[2]) VALUES (1, 2);

-- Quoted names keep their case: "Qty" and qty are two columns.
CREATE TABLE line_items (
  "Qty" int,
  qty int,
  PRIMARY KEY (qty)
);

ALTER TABLE users ADD COLUMN nickname text, ADD COLUMN display_name text;
