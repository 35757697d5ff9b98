CREATE TABLE countries (
  code char(2) PRIMARY KEY,  -- expect: no-char-type "\"code\" is char(2): values are padded with blanks"
  flag character  -- expect: no-char-type "\"flag\" is char(1)"
);
ALTER TABLE countries ADD COLUMN iso3 character(3);  -- expect: no-char-type "\"iso3\" is char(3)"
ALTER TABLE countries ALTER COLUMN code TYPE bpchar(3);  -- expect: no-char-type "\"code\" is char(3)"
