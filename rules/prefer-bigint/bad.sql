CREATE TABLE accounts (
  id serial PRIMARY KEY,  -- expect: prefer-bigint "\"id\" is serial: it runs out after 2,147,483,647 values"
  name text NOT NULL
);
CREATE TABLE countries (
  id smallint GENERATED ALWAYS AS IDENTITY,  -- expect: prefer-bigint "\"id\" is an identity column of type smallint: it runs out after 32,767 values"
  code text NOT NULL
);
CREATE TABLE labels (
  id integer,  -- expect: prefer-bigint "\"id\" is a primary key of type integer"
  name text NOT NULL,
  PRIMARY KEY (id)
);
ALTER TABLE events ADD COLUMN seq smallserial;  -- expect: prefer-bigint "\"seq\" is smallserial"
ALTER TABLE tags ADD COLUMN id int PRIMARY KEY;  -- expect: prefer-bigint "a primary key of type integer"
ALTER TABLE accounts ALTER COLUMN id TYPE integer;  -- expect: prefer-bigint "\"id\" is a primary key of type integer"
