-- Dependencies: None
CREATE SCHEMA billing;
