CREATE TABLE cities (name text);
INSERT INTO cities VALUES ('Bogotá');
