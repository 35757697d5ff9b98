-- The target is PostgreSQL 12 with sessions in UTC (migralint.toml): timestamp and timestamptz
-- hold the same instants there, so the change is made in the catalog only. billing.ledger
-- exists before the set: the CHECK recipe spares the SET NOT NULL scan there too.
CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, at timestamp(3) NOT NULL);  -- expect: prefer-timestamptz
