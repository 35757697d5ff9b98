-- +goose Up
SET search_path TO billing;
CREATE TABLE accounts (id bigint);  -- billing.accounts: the model cannot tell, not reported
