CREATE TABLE users (
  id bigint PRIMARY KEY,
  email varchar(255) NOT NULL,  -- expect: prefer-text "\"email\" is varchar(255): the length limit is part of the type"
  tags character varying(40)[]  -- expect: prefer-text "\"tags\" is varchar(40)[]"
);
ALTER TABLE users ADD COLUMN nickname varchar(30);  -- expect: prefer-text "\"nickname\" is varchar(30)"
ALTER TABLE users ALTER COLUMN email TYPE varchar(320);  -- expect: prefer-text "\"email\" is varchar(320)"
