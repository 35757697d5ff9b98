-- Local development data, loaded by `supabase db reset` after the migrations.
-- Never run against production.

-- Three sign-ups; the on_auth_user_created trigger creates their profiles.
insert into auth.users (id, email) values
  ('7c9e6679-7425-40de-944b-e07fc1f90ae7', 'olivia.owner@ledgerly.test'),
  ('2f1b6a3e-5d4c-4b8a-9e7f-1a2b3c4d5e6f', 'max.member@ledgerly.test'),
  ('9d8c7b6a-5f4e-4d3c-8b2a-0f1e2d3c4b5a', 'bea.billing@ledgerly.test')
on conflict (id) do nothing;

insert into public.plans (id, name, price_cents, currency, billing_interval) values
  ('free', 'Free', 0, 'usd', 'month'),
  ('team', 'Team', 2900, 'usd', 'month'),
  ('team-annual', 'Team (annual)', 29000, 'usd', 'year'),
  ('enterprise', 'Enterprise', 99000, 'usd', 'month')
on conflict (id) do nothing;

insert into public.organizations (id, name, slug, billing_email, created_by) values
  ('a1b2c3d4-0000-4000-8000-000000000001', 'Acme Analytics', 'acme-analytics',
   'billing@acme.test', '7c9e6679-7425-40de-944b-e07fc1f90ae7'),
  ('a1b2c3d4-0000-4000-8000-000000000002', 'Side Project', 'side-project',
   null, '2f1b6a3e-5d4c-4b8a-9e7f-1a2b3c4d5e6f')
on conflict (id) do nothing;

insert into public.memberships (organization_id, user_id, role) values
  ('a1b2c3d4-0000-4000-8000-000000000001', '7c9e6679-7425-40de-944b-e07fc1f90ae7', 'owner'),
  ('a1b2c3d4-0000-4000-8000-000000000001', '2f1b6a3e-5d4c-4b8a-9e7f-1a2b3c4d5e6f', 'member'),
  ('a1b2c3d4-0000-4000-8000-000000000001', '9d8c7b6a-5f4e-4d3c-8b2a-0f1e2d3c4b5a', 'billing'),
  ('a1b2c3d4-0000-4000-8000-000000000002', '2f1b6a3e-5d4c-4b8a-9e7f-1a2b3c4d5e6f', 'owner')
on conflict (organization_id, user_id) do nothing;

insert into public.subscriptions
  (id, organization_id, plan_id, status, stripe_subscription_id, current_period_start, current_period_end)
values
  ('b2c3d4e5-0000-4000-8000-000000000001', 'a1b2c3d4-0000-4000-8000-000000000001', 'team',
   'active', 'sub_test_acme', date_trunc('month', now()), date_trunc('month', now()) + interval '1 month'),
  ('b2c3d4e5-0000-4000-8000-000000000002', 'a1b2c3d4-0000-4000-8000-000000000002', 'free',
   'trialing', null, date_trunc('month', now()), date_trunc('month', now()) + interval '1 month')
on conflict (id) do nothing;

insert into public.invoices
  (organization_id, subscription_id, stripe_invoice_id, amount_due_cents, amount_paid_cents, status, issued_at, paid_at)
values
  ('a1b2c3d4-0000-4000-8000-000000000001', 'b2c3d4e5-0000-4000-8000-000000000001', 'in_test_0001',
   2900, 2900, 'paid', now() - interval '1 month', now() - interval '1 month'),
  ('a1b2c3d4-0000-4000-8000-000000000001', 'b2c3d4e5-0000-4000-8000-000000000001', 'in_test_0002',
   2900, 0, 'open', now(), null)
on conflict (stripe_invoice_id) do nothing;

insert into public.usage_events (organization_id, recorded_by, metric, quantity, idempotency_key) values
  ('a1b2c3d4-0000-4000-8000-000000000001', '2f1b6a3e-5d4c-4b8a-9e7f-1a2b3c4d5e6f', 'api_calls', 1200, 'seed-1'),
  ('a1b2c3d4-0000-4000-8000-000000000001', '2f1b6a3e-5d4c-4b8a-9e7f-1a2b3c4d5e6f', 'api_calls', 340, 'seed-2'),
  ('a1b2c3d4-0000-4000-8000-000000000001', '7c9e6679-7425-40de-944b-e07fc1f90ae7', 'storage_mb', 512, 'seed-3')
on conflict (organization_id, idempotency_key) do nothing;
