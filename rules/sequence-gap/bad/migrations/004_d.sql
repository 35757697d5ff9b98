-- expect-file: sequence-gap "003 is missing"
CREATE TABLE d (id int);
