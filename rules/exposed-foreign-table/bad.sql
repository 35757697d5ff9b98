CREATE EXTENSION IF NOT EXISTS postgres_fdw WITH SCHEMA extensions;
CREATE SERVER billing FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'billing.internal', dbname 'billing');

-- Every row of the remote table, to every caller: a foreign table has no row level security.
CREATE FOREIGN TABLE public.invoices (  -- expect: exposed-foreign-table "foreign table \"public.invoices\" is in exposed schema \"public\" and authenticated may select from it"
  id bigint NOT NULL,
  customer_id uuid NOT NULL,
  total_cents bigint NOT NULL
) SERVER billing OPTIONS (schema_name 'public', table_name 'invoices');
GRANT SELECT ON public.invoices TO authenticated;
