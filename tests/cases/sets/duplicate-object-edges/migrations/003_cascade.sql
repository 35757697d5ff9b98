-- +goose Up
ALTER TABLE accounts DROP COLUMN email CASCADE;  -- expect: destructive-change, lock-timeout
-- (the CASCADE takes account_emails with it)
CREATE VIEW account_emails AS SELECT id FROM accounts;
