create schema if not exists api;
grant usage on schema api to anon, authenticated;

create table if not exists public.orders (
  id bigint generated always as identity primary key,
  total_cents bigint not null
);
alter table public.orders enable row level security;

-- In public, which this project does not serve: not reported.
create or replace view public.order_totals as
  select sum(total_cents) as total_cents from public.orders;

-- In api, served, granted to anon: reported.
create or replace view api.order_totals as  -- expect: security-definer-view "view \"api.order_totals\" in exposed schema \"api\""
  select sum(total_cents) as total_cents from public.orders;
grant select on api.order_totals to anon;
