create table if not exists public.posts (id bigint primary key, title text);
alter table public.posts enable row level security;  -- expect: rls-without-policy "\"public.posts\" but no policy"
