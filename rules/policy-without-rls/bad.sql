CREATE TABLE IF NOT EXISTS profiles (
  id uuid PRIMARY KEY,
  display_name text
);

-- A policy pasted on its own: RLS was never enabled, so PostgreSQL ignores it.
DROP POLICY IF EXISTS "Users can view own data" ON profiles;
CREATE POLICY "Users can view own data" ON profiles  -- expect: policy-without-rls "\"public.profiles\" has policy \"Users can view own data\" but its row level security is never enabled"
  FOR SELECT USING (current_setting('app.user_id', true)::uuid = id);

CREATE TABLE IF NOT EXISTS notes (
  id bigint PRIMARY KEY,
  owner_id uuid NOT NULL,
  body text NOT NULL
);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS notes_owner_select ON notes;
CREATE POLICY notes_owner_select ON notes  -- expect: policy-without-rls "2 policies (\"notes_owner_select\", ...) but its row level security is disabled again"
  FOR SELECT USING (owner_id = current_setting('app.user_id', true)::uuid);
DROP POLICY IF EXISTS notes_owner_write ON notes;
CREATE POLICY notes_owner_write ON notes
  FOR UPDATE USING (owner_id = current_setting('app.user_id', true)::uuid);
-- A later "temporary" fix that was never undone.
ALTER TABLE notes DISABLE ROW LEVEL SECURITY;
