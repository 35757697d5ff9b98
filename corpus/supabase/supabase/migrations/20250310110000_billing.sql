-- Billing: the plan catalogue, one subscription per organization, invoices.
-- Rows are written by the Stripe webhook with the service role; members only read.

create table if not exists public.plans (
  id text primary key,
  name text not null,
  price_cents integer not null check (price_cents >= 0),
  currency text not null default 'usd' check (currency ~ '^[a-z]{3}$'),
  billing_interval text not null default 'month' check (billing_interval in ('month', 'year')),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists public.subscriptions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  plan_id text not null references public.plans (id),
  status text not null default 'trialing'
    check (status in ('trialing', 'active', 'past_due', 'canceled', 'incomplete')),
  stripe_subscription_id text unique,
  current_period_start timestamptz,
  current_period_end timestamptz,
  cancel_at_period_end boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- At most one live subscription per organization.
create unique index if not exists subscriptions_one_live_per_org_idx
  on public.subscriptions (organization_id)
  where status <> 'canceled';
create index if not exists subscriptions_organization_id_idx
  on public.subscriptions (organization_id);
create index if not exists subscriptions_plan_id_idx
  on public.subscriptions (plan_id);

create table if not exists public.invoices (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  subscription_id uuid references public.subscriptions (id) on delete set null,
  stripe_invoice_id text unique,
  amount_due_cents integer not null check (amount_due_cents >= 0),
  amount_paid_cents integer not null default 0 check (amount_paid_cents >= 0),
  status text not null default 'open' check (status in ('draft', 'open', 'paid', 'void', 'uncollectible')),
  issued_at timestamptz not null default now(),
  paid_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index if not exists invoices_organization_id_issued_at_idx
  on public.invoices (organization_id, issued_at desc);
create index if not exists invoices_subscription_id_idx
  on public.invoices (subscription_id);

drop trigger if exists plans_updated_at on public.plans;
create trigger plans_updated_at
  before update on public.plans
  for each row execute function public.handle_updated_at();

drop trigger if exists subscriptions_updated_at on public.subscriptions;
create trigger subscriptions_updated_at
  before update on public.subscriptions
  for each row execute function public.handle_updated_at();

drop trigger if exists invoices_updated_at on public.invoices;
create trigger invoices_updated_at
  before update on public.invoices
  for each row execute function public.handle_updated_at();

alter table public.plans enable row level security;
alter table public.subscriptions enable row level security;
alter table public.invoices enable row level security;

drop policy if exists "Active plans are public" on public.plans;
create policy "Active plans are public"
  on public.plans for select
  to anon, authenticated
  using (is_active);

drop policy if exists "Members can view their subscription" on public.subscriptions;
create policy "Members can view their subscription"
  on public.subscriptions for select
  to authenticated
  using (public.is_org_member(organization_id));

drop policy if exists "Billing contacts can view invoices" on public.invoices;
create policy "Billing contacts can view invoices"
  on public.invoices for select
  to authenticated
  using (public.has_org_role(organization_id, array['owner', 'billing']));
