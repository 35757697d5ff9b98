-- +goose Up
ALTER TABLE accounts ADD COLUMN plan text, ADD COLUMN seats int;
ALTER TABLE accounts ADD CONSTRAINT accounts_plan_check CHECK (plan IN ('free', 'pro') OR seats > 0);
ALTER TABLE accounts ADD CONSTRAINT accounts_id_check CHECK (id > 0);
