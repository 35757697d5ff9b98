-- expect-file: file-naming "4-discounts.sql"
CREATE TABLE IF NOT EXISTS discounts (id bigserial PRIMARY KEY, percent int NOT NULL);  -- expect: prefer-identity
