-- +goose Up
CREATE TABLE accounts (id bigint);  -- expect: duplicate-object "relation \"public.accounts\" already exists (created at \"001_base.sql\" line 2)"
CREATE TYPE status AS ENUM ('active');  -- created in a DO block: not sure, not reported
CREATE TABLE customer_subscription_renewal_reminder_notification_delivery_attempts_log_v2 (id int);  -- another long name cut to the same: identifier-too-long's
CREATE TABLE customer_subscription_renewal_reminder_notification_delivery_attempts_log (id int);  -- expect: duplicate-object "relation \"public.customer_subscription_renewal_reminder_notification_delivery_at\""
CREATE FUNCTION score(x int4, y text) RETURNS int LANGUAGE sql AS $$ SELECT 3 $$;  -- expect: duplicate-object "function \"public.score\" already exists"
CREATE FUNCTION score(integer, varchar) RETURNS int LANGUAGE sql AS $$ SELECT 2 $$;  -- an overload
CREATE FUNCTION score(integer, character varying) RETURNS int LANGUAGE sql AS $$ SELECT 2 $$;  -- expect: duplicate-object "SQLSTATE 42723"
DROP FUNCTION score(integer, varchar);
CREATE FUNCTION score(integer, varchar) RETURNS int LANGUAGE sql AS $$ SELECT 2 $$;
