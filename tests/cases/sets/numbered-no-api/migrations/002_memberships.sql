CREATE TABLE IF NOT EXISTS teams (
  id bigserial PRIMARY KEY,  -- expect: prefer-identity
  name text NOT NULL
);

-- The primary key serves account_id; team_id needs its own index.
CREATE TABLE IF NOT EXISTS memberships (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"public.accounts\""
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  team_id bigint NOT NULL REFERENCES teams (id) ON DELETE CASCADE,  -- expect: fk-missing-index "(\"team_id\") of \"public.memberships\" referencing \"public.teams\""
  PRIMARY KEY (account_id, team_id)
);
