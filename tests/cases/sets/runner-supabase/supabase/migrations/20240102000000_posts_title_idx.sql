-- First statement of its file: the CLI's pipeline runs it before its implicit transaction.
create index concurrently if not exists posts_title_idx on public.posts (title);
