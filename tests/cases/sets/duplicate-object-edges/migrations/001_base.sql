-- +goose Up
CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
CREATE VIEW account_emails AS SELECT email FROM accounts;
DO $$
BEGIN
  CREATE TYPE status AS ENUM ('active');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
CREATE TABLE customer_subscription_renewal_reminder_notification_delivery_attempts_log (id int);  -- expect: missing-primary-key
CREATE FUNCTION score(a integer, b text DEFAULT 'x') RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE SCHEMA billing;
