CREATE EXTENSION IF NOT EXISTS postgres_fdw WITH SCHEMA extensions;
CREATE SERVER billing FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'billing.internal', dbname 'billing');

-- In a schema the API does not serve; the app reads it through a checked function.
CREATE SCHEMA billing;
CREATE FOREIGN TABLE billing.invoices (
  id bigint NOT NULL,
  customer_id uuid NOT NULL,
  total_cents bigint NOT NULL
) SERVER billing OPTIONS (schema_name 'public', table_name 'invoices');

-- Granted, then revoked.
CREATE FOREIGN TABLE public.payouts (
  id bigint NOT NULL,
  amount_cents bigint NOT NULL
) SERVER billing OPTIONS (schema_name 'public', table_name 'payouts');
GRANT SELECT ON public.payouts TO authenticated;
REVOKE SELECT ON public.payouts FROM authenticated;
