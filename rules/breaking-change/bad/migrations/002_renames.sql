-- Seed 004's rename done in one step: the deployed code still says "display_name".
ALTER TABLE accounts RENAME COLUMN display_name TO full_name;  -- expect: breaking-change "RENAME COLUMN \"display_name\" of \"public.accounts\" to \"full_name\": code still using the old name fails (42703)"
ALTER TABLE invoices RENAME TO bills;  -- expect: breaking-change "RENAME of table \"public.invoices\" to \"bills\": code still using the old name fails (42P01)"
ALTER VIEW account_emails RENAME TO account_addresses;  -- expect: breaking-change "RENAME of view \"public.account_emails\""
ALTER TYPE account_tier RENAME TO plan_tier;  -- expect: breaking-change "RENAME of type \"public.account_tier\" to \"plan_tier\""
ALTER FUNCTION account_label(bigint) RENAME TO account_title;  -- expect: breaking-change "RENAME of function \"public.account_label\" to \"account_title\""
ALTER TABLE bills SET SCHEMA billing;  -- expect: breaking-change "SET SCHEMA moves \"public.bills\" to schema \"billing\""

-- Readers that assume a value get NULL from rows the new code writes.
ALTER TABLE accounts ALTER COLUMN legacy_code DROP NOT NULL;  -- expect: breaking-change "DROP NOT NULL on \"public.accounts.legacy_code\""

-- Old code inserts explicit ids: refused once the identity is ALWAYS.
ALTER TABLE accounts ALTER COLUMN id SET GENERATED ALWAYS;  -- expect: breaking-change "SET GENERATED ALWAYS on \"public.accounts.id\""
ALTER TABLE accounts ALTER COLUMN id DROP IDENTITY;  -- expect: breaking-change "DROP IDENTITY on \"public.accounts.id\""

-- Tables the set never created existed before it.
ALTER TABLE platform.projects RENAME COLUMN max_databases TO database_limit;  -- expect: breaking-change "\"max_databases\" of \"platform.projects\""
