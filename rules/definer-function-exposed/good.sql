CREATE TABLE public.accounts (
  id uuid PRIMARY KEY,
  balance_cents bigint NOT NULL DEFAULT 0
);
ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON public.accounts TO authenticated;

-- Only the server calls it: EXECUTE revoked from PUBLIC and the API roles.
CREATE FUNCTION public.credit(account uuid, amount bigint) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = '' AS $$
  UPDATE public.accounts SET balance_cents = balance_cents + amount WHERE id = account;
$$;
REVOKE EXECUTE ON FUNCTION public.credit(uuid, bigint) FROM PUBLIC, anon, authenticated;
GRANT EXECUTE ON FUNCTION public.credit(uuid, bigint) TO service_role;

-- Revoked in bulk, as a later migration may do.
CREATE FUNCTION public.balance_of(account uuid) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $$
  SELECT balance_cents FROM public.accounts WHERE id = account;
$$;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC, anon, authenticated;

-- Meant for signed-in users: revoked from PUBLIC and anon, granted to authenticated by name
-- (a decision, not a default); it checks the caller itself.
CREATE FUNCTION public.withdraw(amount bigint) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = '' AS $$
  UPDATE public.accounts SET balance_cents = balance_cents - amount
  WHERE id = auth.uid() AND balance_cents >= amount;
$$;
REVOKE EXECUTE ON FUNCTION public.withdraw(bigint) FROM PUBLIC, anon;
GRANT EXECUTE ON FUNCTION public.withdraw(bigint) TO authenticated;

-- SECURITY INVOKER: runs with the caller's rights, policies apply.
CREATE FUNCTION public.my_balance() RETURNS bigint
LANGUAGE sql STABLE SET search_path = '' AS $$
  SELECT balance_cents FROM public.accounts WHERE id = auth.uid();
$$;
GRANT EXECUTE ON FUNCTION public.my_balance() TO authenticated;

-- A trigger function cannot be called through the API.
CREATE FUNCTION public.audit_account() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  RETURN NEW;
END;
$$;
GRANT EXECUTE ON FUNCTION public.audit_account() TO anon;

-- New functions no longer go to PUBLIC; a schema the API does not serve.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
CREATE FUNCTION public.close_account(account uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = '' AS $$
  DELETE FROM public.accounts WHERE id = account;
$$;
CREATE SCHEMA private;
CREATE FUNCTION private.purge() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = '' AS $$
  DELETE FROM public.accounts WHERE balance_cents = 0;
$$;
GRANT USAGE ON SCHEMA private TO authenticated;
GRANT EXECUTE ON FUNCTION private.purge() TO authenticated;
