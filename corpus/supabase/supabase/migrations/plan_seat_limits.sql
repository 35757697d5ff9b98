-- Seat limits per plan.
-- Created by hand instead of with `supabase migration new`, so it has no
-- timestamp and the CLI skips it.

alter table public.plans add column if not exists seat_limit integer check (seat_limit > 0);
