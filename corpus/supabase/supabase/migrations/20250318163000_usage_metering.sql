-- Metered usage: an append-only event log and two RPC functions.
-- Clients call record_usage() instead of inserting directly, so the
-- table itself has no insert policy.

create table if not exists public.usage_events (
  id bigint generated always as identity primary key,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  recorded_by uuid references auth.users (id) on delete set null,
  metric text not null check (metric in ('api_calls', 'storage_mb', 'seats')),
  quantity integer not null check (quantity > 0),
  idempotency_key text not null,
  occurred_at timestamptz not null default now(),
  unique (organization_id, idempotency_key)
);

-- (organization_id, idempotency_key) covers the organization FK.
create index if not exists usage_events_recorded_by_idx
  on public.usage_events (recorded_by);
create index if not exists usage_events_org_metric_time_idx
  on public.usage_events (organization_id, metric, occurred_at);

alter table public.usage_events enable row level security;

drop policy if exists "Members can view usage" on public.usage_events;
create policy "Members can view usage"
  on public.usage_events for select
  to authenticated
  using (public.is_org_member(organization_id));

create or replace function public.record_usage(
  org_id uuid,
  metric_name text,
  amount integer,
  request_key text
)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  event_id bigint;
begin
  if not public.is_org_member(org_id) then
    raise exception 'not a member of organization %', org_id
      using errcode = '42501';
  end if;

  insert into public.usage_events (organization_id, recorded_by, metric, quantity, idempotency_key)
  values (org_id, (select auth.uid()), metric_name, amount, request_key)
  on conflict (organization_id, idempotency_key) do nothing
  returning id into event_id;

  return event_id;
end;
$$;

create or replace function public.current_usage(org_id uuid)
returns table (metric text, total bigint)
language sql
stable
set search_path = ''
as $$
  select e.metric, sum(e.quantity)::bigint
  from public.usage_events e
  join public.subscriptions s
    on s.organization_id = e.organization_id
   and s.status in ('trialing', 'active', 'past_due')
  where e.organization_id = org_id
    and e.occurred_at >= coalesce(s.current_period_start, date_trunc('month', now()))
  group by e.metric;
$$;

revoke execute on function public.record_usage(uuid, text, integer, text) from public, anon;
grant execute on function public.record_usage(uuid, text, integer, text) to authenticated;

revoke execute on function public.current_usage(uuid) from public, anon;
grant execute on function public.current_usage(uuid) to authenticated service_role;

comment on table public.usage_events is
  'Append-only metered usage. Write through public.record_usage().';
