-- expect-file: sequence-gap "006 is missing after \"005_stock.sql\""
CREATE TABLE IF NOT EXISTS tags (id bigserial PRIMARY KEY, label text NOT NULL);  -- expect: prefer-identity
