alter table public.posts add column if not exists slug text;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.posts\""
create index concurrently if not exists posts_slug_idx on public.posts (slug);  -- expect: concurrently-in-transaction "not the first statement"
