-- Invitations: owners invite by e-mail; the invitee accepts with the token
-- from the e-mail after signing in.

create table if not exists public.organization_invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  email text not null,
  role text not null default 'member' check (role in ('admin', 'member', 'billing')),
  token uuid not null unique default gen_random_uuid(),
  invited_by uuid references auth.users (id) on delete set null,
  expires_at timestamptz not null default (now() + interval '7 days'),
  accepted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index if not exists organization_invitations_organization_id_idx
  on public.organization_invitations (organization_id);
create index if not exists organization_invitations_invited_by_idx
  on public.organization_invitations (invited_by);
create unique index if not exists organization_invitations_pending_email_idx
  on public.organization_invitations (organization_id, lower(email))
  where accepted_at is null;

drop trigger if exists organization_invitations_updated_at on public.organization_invitations;
create trigger organization_invitations_updated_at
  before update on public.organization_invitations
  for each row execute function public.handle_updated_at();

alter table public.organization_invitations enable row level security;

drop policy if exists "Owners and admins manage invitations" on public.organization_invitations;
create policy "Owners and admins manage invitations"
  on public.organization_invitations for all
  to authenticated
  using (public.has_org_role(organization_id, array['owner', 'admin']))
  with check (public.has_org_role(organization_id, array['owner', 'admin']));

create or replace function public.accept_invitation(invite_token uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  invite public.organization_invitations;
  caller_email text;
begin
  select u.email into caller_email
  from auth.users u
  where u.id = (select auth.uid());

  select * into invite
  from public.organization_invitations i
  where i.token = invite_token
    and i.accepted_at is null
    and i.expires_at > now()
  for update;

  if invite.id is null or lower(invite.email) <> lower(caller_email) then
    raise exception 'invitation not found or expired' using errcode = 'P0002';
  end if;

  insert into public.memberships (organization_id, user_id, role)
  values (invite.organization_id, (select auth.uid()), invite.role)
  on conflict (organization_id, user_id) do update set role = excluded.role;

  update public.organization_invitations
  set accepted_at = now()
  where id = invite.id;

  return invite.organization_id;
end;
$$;

revoke execute on function public.accept_invitation(uuid) from public, anon;
grant execute on function public.accept_invitation(uuid) to authenticated;
