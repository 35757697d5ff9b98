-- Row level security for every table of the initial schema, in a migration of its own.
ALTER TABLE public.user_roles ENABLE ROW LEVEL SECURITY;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.user_roles\""
ALTER TABLE public.user_api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.admin_audit_log ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "Users can view their own role" ON public.user_roles;
CREATE POLICY "Users can view their own role" ON public.user_roles
    FOR SELECT USING ((select auth.uid())::text = user_id);

DROP POLICY IF EXISTS "Users can manage their own API keys" ON public.user_api_keys;
CREATE POLICY "Users can manage their own API keys" ON public.user_api_keys
    FOR ALL USING ((select auth.uid())::text = user_id);

DROP POLICY IF EXISTS "Admins can view audit logs" ON public.admin_audit_log;
CREATE POLICY "Admins can view audit logs" ON public.admin_audit_log
    FOR SELECT USING (
        EXISTS (
            SELECT 1 FROM public.user_roles
            WHERE user_id = (select auth.uid())::text
              AND role = 'admin'
        )
    );
