#!/usr/bin/env bash
# precommit_test.sh MIGRALINT SOURCE_DIR: Debian's pre-commit runs the hook of
# .pre-commit-hooks.yaml in a scratch git repository, as a `repo: local` hook whose entry is the
# built binary (offline: language system downloads nothing). A staged migration with a syntax
# error refuses the commit and names the finding; once fixed, the commit goes through; a commit
# without .sql files skips the hook; a finding in a migration the commit does not touch does not
# block it (--changed-since HEAD). Exit 77 = skipped: pre-commit or git is not installed.
set -uo pipefail
migralint=$1 source=$2
for tool in pre-commit git; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed (ci/install-deps.sh installs it)"
    exit 77
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Nothing from the user's environment: no ~/.gitconfig, no ~/.cache/pre-commit.
export HOME=$work/home PRE_COMMIT_HOME=$work/pre-commit-home GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
mkdir -p "$HOME" "$PRE_COMMIT_HOME"
repo=$work/repo
mkdir -p "$repo/db/migrations"
cd "$repo" || exit 1
git init -q -b main . || fail "git init"

# The published hook, as a local one: every key of .pre-commit-hooks.yaml, entry -> the binary.
hooks=$source/.pre-commit-hooks.yaml
grep -q '^  entry: migralint lint --changed-since HEAD$' "$hooks" ||
  fail "$hooks: no 'entry: migralint lint --changed-since HEAD'"
{
  echo "repos:"
  echo "  - repo: local"
  echo "    hooks:"
  grep -v '^#' "$hooks" | sed -e "s|^  entry: migralint |  entry: $migralint |" -e 's/^/      /'
} > .pre-commit-config.yaml

cat > db/migrations/001_create_notes.sql <<'SQL'
CREATE TABLE IF NOT EXISTS public.notes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body text NOT NULL
);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
SQL
pre-commit install >/dev/null || fail "pre-commit install"

# 1. A clean set commits (the hook runs and passes).
git add -A
out=$(git commit -q -m "notes" 2>&1) || fail "clean commit refused:"$'\n'"$out"
grep -q 'migralint.*Passed' <<<"$out" || fail "the hook did not run on the first commit:"$'\n'"$out"

# 2. A syntax error staged: the commit is refused, the output names file, position and rule.
cat > db/migrations/002_add_tags.sql <<'SQL'
ALTER TABLE public.notes ADD COLUMN IF NOT EXISTS tags text[];
CREATE INDEX IF NOT EXISTS notes_tags_idx ON public.notes USING gin (tags;
SQL
git add db/migrations/002_add_tags.sql
out=$(git commit -q -m "tags" 2>&1) && fail "commit with a syntax error went through:"$'\n'"$out"
echo "$out"
grep -q 'migralint.*Failed' <<<"$out" || fail "the hook did not fail"
grep -q 'syntax-error' <<<"$out" || fail "the output does not name the rule"
location='db/migrations/002_add_tags.sql:2:'
count=$(grep -c -F "$location" <<<"$out")
[[ $count -eq 1 ]] || fail "expected the finding at $location once (the hook runs once), got $count"
[[ $(git rev-list --count HEAD) -eq 1 ]] || fail "a commit was made"

# 3. Fixed: the commit goes through.
sed -i 's/gin (tags;/gin (tags);/' db/migrations/002_add_tags.sql
git add db/migrations/002_add_tags.sql
out=$(git commit -q -m "tags" 2>&1) || fail "fixed commit refused:"$'\n'"$out"
grep -q 'migralint.*Passed' <<<"$out" || fail "the hook did not run on the fixed commit:"$'\n'"$out"
[[ $(git rev-list --count HEAD) -eq 2 ]] || fail "the fixed commit is missing"

# 4. No .sql staged: the hook is skipped (files: \.sql$).
echo "notes" > README.md
git add README.md
out=$(git commit -q -m "readme" 2>&1) || fail "README commit refused:"$'\n'"$out"
grep -q 'migralint.*Skipped' <<<"$out" || fail "the hook was not skipped without .sql files:"$'\n'"$out"
# 5. An old migration with an error, committed without the hook: a commit adding another
# migration is not blocked by it, and still is by its own error.
cat > db/migrations/003_old.sql <<'SQL'
ALTER TABLE public.notes ADD COLUMN IF NOT EXISTS title text NOT NULL;
SQL
git add db/migrations/003_old.sql
git commit -q --no-verify -m "old" || fail "commit without the hook"
"$migralint" lint db >/dev/null && fail "the old migration has no error to ignore"
cat > db/migrations/004_new.sql <<'SQL'
CREATE INDEX IF NOT EXISTS notes_body_idx ON public.notes (body);
SQL
git add db/migrations/004_new.sql
out=$(git commit -q -m "new" 2>&1) || fail "an untouched migration's finding blocked the commit:"$'\n'"$out"
grep -q 'migralint.*Passed' <<<"$out" || fail "the hook did not run on the new migration:"$'\n'"$out"
echo "CREATE INDEX oops ON;" > db/migrations/005_broken.sql
git add db/migrations/005_broken.sql
out=$(git commit -q -m "broken" 2>&1) && fail "a new migration's error went through:"$'\n'"$out"
grep -q '005_broken.sql:1:' <<<"$out" || fail "the new migration's error is not named:"$'\n'"$out"
grep -q '003_old.sql' <<<"$out" && fail "the old migration's finding was reported:"$'\n'"$out"
echo "OK: pre-commit refused the syntax error and accepted the fix; only changed migrations count"
