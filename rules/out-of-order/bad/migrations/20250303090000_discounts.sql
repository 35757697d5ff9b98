-- expect-file: out-of-order "sorts before"
CREATE TABLE discounts (id bigint PRIMARY KEY);
