-- +goose Up
ALTER TABLE accounts ADD COLUMN plan text, ADD COLUMN seats int;  -- expect: lock-timeout
ALTER TABLE accounts ADD CONSTRAINT accounts_plan_check CHECK (plan IN ('free', 'pro') OR seats > 0);  -- expect: constraint-not-valid
ALTER TABLE accounts ADD CONSTRAINT accounts_id_check CHECK (id > 0);  -- expect: constraint-not-valid
