-- Row level security for the tenant tables.
-- Membership checks go through SECURITY DEFINER helpers so that policies on
-- memberships do not recurse into themselves.

create or replace function public.is_org_member(org_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.memberships m
    where m.organization_id = org_id
      and m.user_id = (select auth.uid())
  );
$$;

create or replace function public.has_org_role(org_id uuid, roles text[])
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.memberships m
    where m.organization_id = org_id
      and m.user_id = (select auth.uid())
      and m.role = any (roles)
  );
$$;

alter table public.organizations enable row level security;
alter table public.profiles enable row level security;
alter table public.memberships enable row level security;

-- organizations --------------------------------------------------------------
drop policy if exists "Members can view their organizations" on public.organizations;
create policy "Members can view their organizations"
  on public.organizations for select
  to authenticated
  using (public.is_org_member(id));

drop policy if exists "Users can create organizations" on public.organizations;
create policy "Users can create organizations"
  on public.organizations for insert
  to authenticated
  with check (created_by = (select auth.uid()));

drop policy if exists "Owners and admins can update organizations" on public.organizations;
create policy "Owners and admins can update organizations"
  on public.organizations for update
  to authenticated
  using (public.has_org_role(id, array['owner', 'admin']))
  with check (public.has_org_role(id, array['owner', 'admin']));

-- profiles -------------------------------------------------------------------
drop policy if exists "Users can view their own profile" on public.profiles;
create policy "Users can view their own profile"
  on public.profiles for select
  to authenticated
  using (id = (select auth.uid()));

drop policy if exists "Users can update their own profile" on public.profiles;
create policy "Users can update their own profile"
  on public.profiles for update
  to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

-- memberships ----------------------------------------------------------------
drop policy if exists "Members can view co-members" on public.memberships;
create policy "Members can view co-members"
  on public.memberships for select
  to authenticated
  using (public.is_org_member(organization_id));

drop policy if exists "Owners manage memberships" on public.memberships;
create policy "Owners manage memberships"
  on public.memberships for all
  to authenticated
  using (public.has_org_role(organization_id, array['owner']))
  with check (public.has_org_role(organization_id, array['owner']));
