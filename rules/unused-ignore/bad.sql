-- migralint-ignore syntax-eror: typo in the rule name  -- expect: unused-ignore "unknown rule"
CREATE TABLE notes (id bigint PRIMARY KEY);
