-- Activity log: what members did in their organization, shown on the dashboard's activity tab.

create table if not exists public.activity_log (
  id bigint generated always as identity primary key,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  actor_id uuid references auth.users (id) on delete set null,
  action text not null,
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

create index if not exists activity_log_organization_id_idx
  on public.activity_log (organization_id, created_at desc);
create index if not exists activity_log_actor_id_idx on public.activity_log (actor_id);

alter table public.activity_log enable row level security;

-- "The client logs its own actions": any caller, signed in or not, may write any entry.
drop policy if exists "Clients write the log" on public.activity_log;
create policy "Clients write the log" on public.activity_log for insert
  with check (true);

drop policy if exists "Actors read their entries" on public.activity_log;
create policy "Actors read their entries" on public.activity_log for select to authenticated
  using (actor_id = auth.uid());

-- Support staff flag set from the admin panel... in user_metadata, which users edit themselves.
drop policy if exists "Support reads everything" on public.activity_log;
create policy "Support reads everything" on public.activity_log for select to authenticated
  using ((select auth.jwt() -> 'user_metadata' ->> 'support') = 'true');

-- Added for the actor filter, which the index above already serves.
create index if not exists activity_log_actor_idx on public.activity_log (actor_id);
