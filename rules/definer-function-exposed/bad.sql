-- As Supabase sets it up for public: new functions are granted to the API roles.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO anon, authenticated;

CREATE TABLE public.accounts (
  id uuid PRIMARY KEY,
  balance_cents bigint NOT NULL DEFAULT 0
);
ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;

-- EXECUTE goes to PUBLIC by default: anon and authenticated may call it through the API.
CREATE FUNCTION public.credit(account uuid, amount bigint) RETURNS void  -- expect: definer-function-exposed "SECURITY DEFINER function \"public.credit(uuid, int8)\" in exposed schema \"public\" may be executed by anon and authenticated through PUBLIC's EXECUTE"
LANGUAGE sql SECURITY DEFINER SET search_path = '' AS $$
  UPDATE public.accounts SET balance_cents = balance_cents + amount WHERE id = account;
$$;

-- Revoked from PUBLIC only: the default privileges' grant to the API roles stays.
CREATE FUNCTION public.balance_of(account uuid) RETURNS bigint  -- expect: definer-function-exposed "\"public.balance_of(uuid)\" in exposed schema \"public\" may be executed by anon and authenticated through default privileges"
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $$
  SELECT balance_cents FROM public.accounts WHERE id = account;
$$;
REVOKE ALL ON FUNCTION public.balance_of(uuid) FROM PUBLIC;

-- Made SECURITY DEFINER afterwards.
CREATE FUNCTION public.reset_balance(account uuid) RETURNS void  -- expect: definer-function-exposed "\"public.reset_balance(uuid)\""
LANGUAGE sql SET search_path = '' AS $$
  UPDATE public.accounts SET balance_cents = 0 WHERE id = account;
$$;
ALTER FUNCTION public.reset_balance(uuid) SECURITY DEFINER;
