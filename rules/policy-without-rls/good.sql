CREATE TABLE IF NOT EXISTS profiles (
  id uuid PRIMARY KEY,
  display_name text
);
ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "Users can view own data" ON profiles;
CREATE POLICY "Users can view own data" ON profiles
  FOR SELECT USING (current_setting('app.user_id', true)::uuid = id);

-- RLS enabled after the policies, in a later statement: what counts is the end of the set.
CREATE TABLE IF NOT EXISTS notes (
  id bigint PRIMARY KEY,
  owner_id uuid NOT NULL
);
DROP POLICY IF EXISTS notes_owner_select ON notes;
CREATE POLICY notes_owner_select ON notes
  FOR SELECT USING (owner_id = current_setting('app.user_id', true)::uuid);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
