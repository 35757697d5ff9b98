-- +goose Up
ALTER TABLE accounts DROP COLUMN seats;  -- expect: destructive-change, lock-timeout
-- (dropping seats took accounts_plan_check with it: PostgreSQL drops a constraint on a dropped column)
ALTER TABLE accounts ADD CONSTRAINT accounts_plan_check CHECK (plan IN ('free', 'pro'));  -- expect: constraint-not-valid
ALTER TABLE accounts ADD CONSTRAINT accounts_id_check CHECK (id >= 0);  -- expect: duplicate-object "constraint \"accounts_id_check\" of \"public.accounts\" already exists (created at \"005_check_column.sql\" line 4)", constraint-not-valid
