-- expect-file: sequence-gap "040 is missing after \"030_team_slugs.sql\""
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS locale text;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.accounts\""
