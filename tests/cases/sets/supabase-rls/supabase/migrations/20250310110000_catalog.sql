-- Two tables written from the "common tasks" snippets: a plain CREATE TABLE, and a
-- policy added on its own.
CREATE TABLE IF NOT EXISTS public.products (  -- expect: rls-disabled "\"public.products\" is in exposed schema \"public\"", lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"auth.users\""
    id UUID DEFAULT gen_random_uuid() PRIMARY KEY,
    name TEXT NOT NULL,
    price DECIMAL(10,2) NOT NULL,
    created_by UUID REFERENCES auth.users(id),  -- expect: fk-missing-index "\"public.products\" referencing \"auth.users\""
    created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS public.customers (  -- expect: rls-disabled "\"public.customers\""
    id UUID PRIMARY KEY REFERENCES auth.users(id) ON DELETE CASCADE,
    display_name TEXT,
    updated_at TIMESTAMPTZ DEFAULT NOW()  -- expect: updated-at-trigger "\"public.customers\" has column \"updated_at\" but no BEFORE UPDATE"
);

DROP POLICY IF EXISTS "Users can view own data" ON public.customers;
CREATE POLICY "Users can view own data" ON public.customers  -- expect: policy-without-rls "policy \"Users can view own data\""
    FOR SELECT USING ((select auth.uid()) = id);
