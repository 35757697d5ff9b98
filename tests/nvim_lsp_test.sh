#!/usr/bin/env bash
# nvim_lsp_test.sh: Debian's neovim, headless, attaches its built-in LSP client to `migralint lsp`
# and reads the diagnostics back — on open, then after an unsaved edit that clears the finding.
#   bash tests/nvim_lsp_test.sh MIGRALINT_BINARY
# Exit 77 (skipped) when nvim is not installed (ci/install-deps.sh installs it).
set -euo pipefail
migralint=$(realpath "$1")
if ! command -v nvim > /dev/null; then
  echo "nvim_lsp_test: skipped: nvim is not installed (apt-get install neovim)"
  exit 77
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/db/migrations"
cat > "$dir/db/migrations/001_tables.sql" << 'EOF'
CREATE TABLE IF NOT EXISTS a (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS b (id bigint PRIMARY KEY,
  a_id bigint REFERENCES a (id));
EOF
cat > "$dir/check.lua" << 'EOF'
-- Attach, wait for diagnostics, write them to $OUT; then edit the buffer (not saved) so that
-- the finding goes, and wait for the empty list.
local out = assert(io.open(os.getenv("OUT"), "w"))
local function fail(message)
  out:write("FAIL: " .. message .. "\n")
  out:close()
  vim.cmd("cquit 1")
end
local client = vim.lsp.start_client({
  name = "migralint",
  cmd = { os.getenv("MIGRALINT"), "lsp" },
  root_dir = os.getenv("SET_DIR"),
})
if not client then fail("the client did not start") end
vim.lsp.buf_attach_client(0, client)
if not vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50) then
  fail("no diagnostics after opening the file")
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
  out:write(string.format("%d:%d %s %s\n", d.lnum, d.col, code, d.source or "?"))
end
vim.api.nvim_buf_set_lines(0, -1, -1, false,
  { "CREATE INDEX IF NOT EXISTS b_a_id ON b (a_id);" })
local cleared = vim.wait(20000, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == "fk-missing-index" then return false end
  end
  return true
end, 50)
if not cleared then fail("the edit did not clear fk-missing-index") end
out:write("cleared after edit\n")
out:close()
vim.lsp.stop_client(client)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
vim.cmd("qa!")
EOF

cd "$dir"
export OUT="$dir/out.txt" MIGRALINT="$migralint" SET_DIR="$dir" MIGRALINT_CACHE_DIR="$dir/.cache"
status=0
timeout 60 nvim --headless --clean -n db/migrations/001_tables.sql -c "luafile $dir/check.lua" \
  > "$dir/nvim.log" 2>&1 || status=$?
cat "$OUT" 2> /dev/null || true
if [[ $status -ne 0 ]]; then
  echo "nvim_lsp_test: nvim exited $status"
  cat "$dir/nvim.log"
  exit 1
fi
grep -q '^2:2 fk-missing-index migralint$' "$OUT" || {
  echo "nvim_lsp_test: expected fk-missing-index at 2:2 (0-based) from migralint"
  exit 1
}
grep -q '^cleared after edit$' "$OUT" || { echo "nvim_lsp_test: the edit was not linted"; exit 1; }
echo "nvim_lsp_test: ok"
