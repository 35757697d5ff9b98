#!/usr/bin/env bash
# Benchmark (issue 7): one table with migralint's throughput against squawk and libpg_query alone,
# its editor latency, its memory and scaling to 100,000 files, and its use of a second core,
# then a compact block of the targets with pass/FAIL.
#
#   ci/bench.sh                 # BENCH_RUNS=9 runs per tool and input (medians reported)
#   BENCH_RUNS=3 BENCH_LATENCY_RUNS=21 BENCH_RUNS_100K=1 ci/bench.sh
#   BENCH_SKIP_100K=1 ci/bench.sh   # leave out the 100,000-file row (~7 s a run, ~480 MiB RSS)
#
# Throughput inputs: ../shared/corpus-real (skipped when absent: it exists on dev machines and CI
# only) and a generated 10,000-file numbered set. Tools, each run over the same input:
#   migralint  `migralint lint --format json DIR`
#   no-model   the same without the rules that need the replayed schema (model overhead)
#   squawk     squawk 2.66.0 (npm squawk-cli, installed once into build-bench/squawk/), its native
#              binary with --reporter gcc, given every .sql path of the input in ONE process
#   raw-parse  bench/raw_parse.cc: read + pg_query_parse of every file, nothing else, one process
#   jobs1/2    `migralint lint --format json --jobs 1|2 DIR`, on corpus-real (gen-10000 when
#              corpus-real is absent); both outputs must be byte-identical, in every run
# squawk and raw_parse get the same list: every *.sql file under the input, rollbacks included.
# squawk takes its paths as arguments only (or as glob patterns it expands itself); the list is
# passed as arguments when it fits in `getconf ARG_MAX` with the environment (10,000 paths of
# ~70 bytes: ~0.8 MB against 2 MiB on Linux), else as the single pattern DIR/**/*.sql (logged).
# Runs are paired: in run i every tool runs once, in an order rotated from run to run, after one
# untimed read of all files (page cache warm). A ratio X/Y is the median over runs of
# wall_X(i) / wall_Y(i); median_s is the median wall time of a tool.
#
# Editor latency: a generated 1,000-file set; its 500th file is piped on stdin with
# `migralint lint --format gcc --stdin-filename FILE < FILE`, BENCH_LATENCY_RUNS (21) runs,
# median, with the parse cache that --stdin-filename keeps (in build-bench/parse-cache, emptied
# first: the first run, timed apart as "cold", fills it); then once with a statement appended,
# which must be linted (a finding on its line).
# Language server latency: the same file opened in `migralint lsp` (bench/lsp_latency.cc, a
# scripted client; --debounce-ms 0, the debounce being a chosen wait an editor adds), then
# BENCH_LATENCY_RUNS edits (didChange: a new statement appended), each timed from the edit sent
# to the diagnostics of that version received, which must hold a finding on the new line;
# median, p90 and max. The first lint (didOpen, parse cache emptied first) is shown apart.
# Memory and scale: peak RSS of migralint on gen-10000, and migralint on a generated 100,000-file
# set (~200 MB, made once), BENCH_RUNS_100K (1) runs: its median wall over gen-10000's. One large
# file (gen-big, ~14 MB, made once): peak RSS against a budget of 40 times the file + 64 MiB.
#
# Generated sets live in build-bench/gen-N (made once, reused while complete and made by the same
# bench/gen_corpus.cc). Wall time from bash's EPOCHREALTIME; peak RSS and CPU time (user + sys) from
# /usr/bin/time. The table goes to stdout, progress to stderr. Exit status 1 of migralint and
# squawk (findings) is normal; any other failure of a tool (squawk: also exit 1 with anything on
# stderr), a stdin run that does not lint the buffer, or jobs1/jobs2 outputs that differ make
# the script exit 1. A target marked FAIL does not change the exit status.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C  # EPOCHREALTIME and awk use '.' as the decimal point

positive() { [[ $2 =~ ^[1-9][0-9]*$ ]] || { echo "bench: $1 must be a positive integer" >&2; exit 2; }; }
runs=${BENCH_RUNS:-9}
latency_runs=${BENCH_LATENCY_RUNS:-21}
runs_100k=${BENCH_RUNS_100K:-1}
skip_100k=${BENCH_SKIP_100K:-0}
positive BENCH_RUNS "$runs"
positive BENCH_LATENCY_RUNS "$latency_runs"
positive BENCH_RUNS_100K "$runs_100k"
[[ $skip_100k == 0 || $skip_100k == 1 ]] || { echo "bench: BENCH_SKIP_100K must be 0 or 1" >&2; exit 2; }

build="build-bench"
gen_seed=42
real_corpus=../shared/corpus-real
work=$build/bench-work
squawk_version=2.66.0
squawk_dir=$build/squawk

log() { echo "bench: $*" >&2; }

# --- tools ------------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
  log "installing time(1)"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time >&2
fi

log "building Release in $build/"
# Tests are not needed here; skipping them keeps the first build (and rebuilds) short.
bash ci/build.sh "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >&2
migralint=$build/migralint
raw_parse=$build/bench/migralint_raw_parse
gen_corpus=$build/bench/migralint_gen_corpus
lsp_latency=$build/bench/migralint_lsp_latency
for tool in "$migralint" "$raw_parse" "$gen_corpus" "$lsp_latency"; do
  [[ -x $tool ]] || { echo "bench: $tool was not built" >&2; exit 1; }
done

# squawk: the npm package's native binary, reused while the pinned version is installed.
case $(uname -m) in
  x86_64) squawk_platform=linux-x64 ;;
  aarch64) squawk_platform=linux-arm64 ;;
  *) echo "bench: no squawk binary for $(uname -m)" >&2; exit 1 ;;
esac
squawk=$squawk_dir/node_modules/@squawk-cli/$squawk_platform/bin/squawk
squawk_installed() { [[ -x $squawk && "$("$squawk" --version 2>/dev/null)" == "squawk $squawk_version" ]]; }
if squawk_installed; then
  log "reusing squawk $squawk_version in $squawk_dir/"
else
  command -v npm >/dev/null 2>&1 || { echo "bench: npm not found (ci/install-deps.sh installs it)" >&2; exit 1; }
  log "installing squawk-cli@$squawk_version into $squawk_dir/"
  mkdir -p "$squawk_dir"
  # Its own package.json, so npm never looks for one further up.
  [[ -f $squawk_dir/package.json ]] || echo '{ "private": true }' > "$squawk_dir/package.json"
  npm install --prefix "$squawk_dir" --no-audit --no-fund --loglevel=error \
    "squawk-cli@$squawk_version" >&2
  squawk_installed || { echo "bench: $squawk is not squawk $squawk_version after npm install" >&2; exit 1; }
fi

# --- generated sets (reused while complete and made by the same generator source) --------------
# The output depends only on N, the seed and bench/gen_corpus.cc, so the stamp records those (a
# relinked generator does not throw away the 100,000-file set).
gen_source=$(sha256sum < bench/gen_corpus.cc | cut -c1-16)
# ensure_gen N: sets gen_dir to build-bench/gen-N, generating it when needed.
ensure_gen() {
  local n=$1
  gen_dir=$build/gen-$n
  local stamp=$gen_dir/.generated id="n=$n seed=$gen_seed source=$gen_source"
  if [[ -f $stamp && "$(cat "$stamp")" == "$id" ]] &&
     [[ $(find "$gen_dir/migrations" -maxdepth 1 -name '*.sql' | wc -l) -eq $n ]]; then
    log "reusing $gen_dir"
  else
    log "generating $n files into $gen_dir"
    rm -rf "$gen_dir"
    "$gen_corpus" "$gen_dir" "$n" --seed "$gen_seed" >&2
    echo "$id" > "$stamp"
  fi
}

# --- measurement -------------------------------------------------------------------------------
mkdir -p "$work"
failed=0
arg_max=$(getconf ARG_MAX)

# run_timed OUT_FILE IN_FILE CMD... : one run, stdin from IN_FILE; appends "wall_s rss_kib cpu_s"
# to $samples, sets last_rc.
run_timed() {
  local out=$1 in=$2; shift 2
  local start end rc=0
  start=$EPOCHREALTIME
  /usr/bin/time -f "%M %U %S" -o "$work/rss" "$@" < "$in" > "$out" 2> "$work/stderr" || rc=$?
  end=$EPOCHREALTIME
  last_rc=$rc
  # (time writes "Command exited with non-zero status" first: its last line is ours.)
  tail -n 1 "$work/rss" | awk -v s="$start" -v e="$end" '{ printf "%.4f %d %.2f\n", e - s, $1, $2 + $3 }' \
    >> "$samples"
}

# median (numbers on stdin, one a line); col COLUMN FILE; peak_rss FILE (largest second column);
# paired_ratio A B: median over runs of A's wall / B's wall (samples files, one line per run).
median() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
col() { awk -v c="$1" '{ print $c }' "$2"; }
peak_rss() { sort -g -k2,2 "$1" | tail -n 1 | awk '{ print $2 }'; }
paired_ratio() {
  paste -d ' ' "$1" "$2" | awk '$4 > 0 { printf "%.6f\n", $1 / $4 }' | median |
    awk '{ if ($1 == "n/a") print; else printf "%.2f\n", $1 }'
}
ratio_of() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# warm FILE_LIST: read every file once, untimed, so no tool pays for a cold page cache.
warm() { tr '\n' '\0' < "$1" | xargs -0 cat > /dev/null; }

# Table rows: "input files bytes tool median_s peak_rss_kib median_cpu vs_squawk vs_raw note..."
rows=()
# Targets: "name|value|op|limit" (op <=, >= or ==).
targets=()
declare -A med_wall=()  # "label.tool" -> median wall
jobs_input=""
jobs_ratio="n/a"
jobs_same="n/a"

# Every rule that reads the replayed schema (`migralint rules --format json` says which): off,
# the replay has nothing to serve and is skipped.
no_model_flags=()
for rule in $("$migralint" rules --format json |
              python3 -c 'import json, sys; print(" ".join(r["id"] for r in json.load(sys.stdin) if r["model"]))'); do
  no_model_flags+=(--disable "$rule")
done
((${#no_model_flags[@]} > 0)) || { echo "bench: no rule reads the schema model?" >&2; exit 1; }

# bench_input LABEL DIR [cores]: the throughput tools (and jobs1/jobs2 with "cores") on DIR.
bench_input() {
  local label=$1 dir=$2 cores=${3:-}
  local list=$work/$label.list
  find "$dir" -type f -name '*.sql' | LC_ALL=C sort > "$list"
  local files bytes
  files=$(wc -l < "$list")
  bytes=$(tr '\n' '\0' < "$list" | du -cb --files0-from=- | tail -n 1 | cut -f1)
  local tools=(migralint no-model squawk raw-parse)
  [[ -n $cores ]] && tools+=(jobs1 jobs2)
  log "$label: $files .sql files, $bytes bytes, $runs paired runs of: ${tools[*]}"

  # squawk's argument list: every path, when it fits in ARG_MAX beside the environment (each
  # string + its NUL + an 8-byte pointer, 4 KiB to spare), else one glob pattern squawk expands.
  local squawk_args need
  mapfile -t squawk_args < "$list"
  need=$(( $(wc -c < "$list") + 8 * files + $(env -0 | wc -c) + 8 * $(env -0 | tr -cd '\0' | wc -c) + 4096 ))
  if ((need <= arg_max)); then
    log "$label: squawk gets the $files paths as arguments ($need of ARG_MAX $arg_max bytes)"
  else
    log "$label: $files paths need $need bytes > ARG_MAX $arg_max: squawk gets the pattern $dir/**/*.sql"
    squawk_args=("$dir/**/*.sql")
  fi

  warm "$list"
  local tool i k n=${#tools[@]}
  for tool in "${tools[@]}"; do : > "$work/$label.$tool.samples"; done
  local same=identical ref=$work/$label.jobs-reference.json
  rm -f "$ref"
  for ((i = 0; i < runs; i++)); do
    for ((k = 0; k < n; k++)); do
      tool=${tools[(i + k) % n]}
      samples=$work/$label.$tool.samples
      local out=$work/$label.$tool.out
      case $tool in
        migralint) run_timed "$out" /dev/null "$migralint" lint --format json "$dir" ;;
        # no-model: the same run with every rule that needs the replayed schema turned off.
        no-model) run_timed "$out" /dev/null "$migralint" lint --format json "${no_model_flags[@]}" "$dir" ;;
        jobs1) run_timed "$out" /dev/null "$migralint" lint --format json --jobs 1 "$dir" ;;
        jobs2) run_timed "$out" /dev/null "$migralint" lint --format json --jobs 2 "$dir" ;;
        squawk) run_timed "$out" /dev/null "$squawk" --reporter gcc "${squawk_args[@]}" ;;
        raw-parse) run_timed "$out" /dev/null "$raw_parse" "@$list" ;;
      esac
      case $tool in
        migralint | no-model | jobs1 | jobs2)
          if ((last_rc > 1)); then
            log "$label: $tool: migralint failed (exit $last_rc): $(head -c 500 "$work/stderr")"
            failed=1
          elif [[ $tool == jobs* ]]; then
            # Every jobs1 and jobs2 output against the first one, byte for byte.
            if [[ ! -f $ref ]]; then
              cp "$out" "$ref"
            elif ! cmp -s "$out" "$ref"; then
              log "$label: $tool run $((i + 1)): JSON output differs from the first --jobs run"
              same=DIFFERENT
            fi
          fi
          ;;
        squawk)
          if ((last_rc > 1)) || { ((last_rc == 1)) && [[ -s $work/stderr ]]; }; then
            log "$label: squawk failed (exit $last_rc): $(head -c 500 "$work/stderr")"
            failed=1
          fi
          ;;
        raw-parse)
          if ((last_rc != 0)); then
            log "$label: raw_parse failed (exit $last_rc): $(head -c 500 "$work/stderr")"
            failed=1
          fi
          ;;
      esac
    done
  done

  local s=$work/$label
  for tool in "${tools[@]}"; do
    med_wall[$label.$tool]=$(col 1 "$s.$tool.samples" | median)
  done
  local vs_squawk vs_raw model
  vs_squawk=$(paired_ratio "$s.migralint.samples" "$s.squawk.samples")
  vs_raw=$(paired_ratio "$s.migralint.samples" "$s.raw-parse.samples")
  model=$(paired_ratio "$s.migralint.samples" "$s.no-model.samples")
  targets+=("migralint/squawk $label|$vs_squawk|<=|0.5" "migralint/raw $label|$vs_raw|<=|2.0")
  if [[ -n $cores ]]; then
    jobs_input=$label
    jobs_ratio=$(paired_ratio "$s.jobs1.samples" "$s.jobs2.samples")
    jobs_same=$same
    [[ $same == identical ]] || failed=1
    log "$label: --jobs 1 vs --jobs 2 JSON output: $same"
  fi
  for tool in "${tools[@]}"; do
    local a="-" b="-" note="-"
    case $tool in
      migralint) a=$vs_squawk b=$vs_raw ;;
      no-model) note="model:$model (migralint/no-model)" ;;
      squawk) note="$(wc -l < "$s.squawk.out") findings" ;;
      raw-parse) note="$(awk '{ print $6 }' "$s.raw-parse.out") parse errors" ;;
      jobs1) note="jobs1/jobs2:$jobs_ratio, JSON output $same" ;;
    esac
    rows+=("$label $files $bytes $tool ${med_wall[$label.$tool]} $(peak_rss "$s.$tool.samples") \
$(col 3 "$s.$tool.samples" | median) $a $b $note")
  done
  log "$label: raw_parse says: $(cat "$s.raw-parse.out")"
}

ensure_gen 10000
gen10k=$gen_dir
if [[ -d $real_corpus ]]; then
  bench_input corpus-real "$real_corpus" cores
  bench_input gen-10000 "$gen10k"
else
  log "skipping corpus-real: $real_corpus does not exist on this machine (--jobs rows on gen-10000)"
  bench_input gen-10000 "$gen10k" cores
fi
rss_10k=$(peak_rss "$work/gen-10000.migralint.samples")
targets+=("peak RSS MiB gen-10000|$(awk -v r="$rss_10k" 'BEGIN { printf "%.1f", r / 1024 }')|<=|64")

# --- editor latency: one file of a 1,000-file set on stdin ----------------------------------
ensure_gen 1000
latency_list=$work/gen-1000.list
find "$gen_dir" -type f -name '*.sql' | LC_ALL=C sort > "$latency_list"
latency_file=$(sed -n 500p "$latency_list")
[[ -n $latency_file ]] || { echo "bench: $gen_dir has fewer than 500 files" >&2; exit 1; }
log "latency: $latency_file on stdin, $latency_runs runs"
warm "$latency_list"
export MIGRALINT_CACHE_DIR=$PWD/$build/parse-cache
rm -rf "$MIGRALINT_CACHE_DIR"
samples=$work/latency-cold.samples
: > "$samples"
run_timed "$work/latency.out" "$latency_file" \
  "$migralint" lint --format gcc --stdin-filename "$latency_file"
cold_ms=$(col 1 "$samples" | awk '{ printf "%.1f", $1 * 1000 }')
samples=$work/latency.samples
: > "$samples"
for ((i = 1; i <= latency_runs; i++)); do
  run_timed "$work/latency.out" "$latency_file" \
    "$migralint" lint --format gcc --stdin-filename "$latency_file"
  if ((last_rc > 1)); then
    log "latency: migralint failed (exit $last_rc): $(head -c 500 "$work/stderr")"
    failed=1
  fi
done
latency_s=$(col 1 "$samples" | median)
latency_ms=$(awk -v s="$latency_s" 'BEGIN { printf "%.1f", s * 1000 }')
# The buffer differs from the file on disk: a statement appended after a blank line.
file_lines=$(wc -l < "$latency_file")
appended_line=$((file_lines + 2))
modified_rc=0
{ cat "$latency_file"; printf '\nALTER TABLE bench_no_such_table ADD COLUMN bench_col int;\n'; } |
  "$migralint" lint --format gcc --stdin-filename "$latency_file" > "$work/latency-modified.out" \
    2> "$work/stderr" || modified_rc=$?
modified_findings=$(wc -l < "$work/latency-modified.out")
modified_on_line=$(grep -c -F "$latency_file:$appended_line:" "$work/latency-modified.out" || true)
log "latency: modified buffer: exit $modified_rc, $modified_findings findings," \
  "$modified_on_line on the appended statement (line $appended_line)"
if ((modified_rc > 1)); then
  log "latency: migralint failed on the modified buffer (exit $modified_rc): $(head -c 500 "$work/stderr")"
  failed=1
elif ((modified_on_line == 0)); then
  log "latency: the appended statement got no finding: the buffer on stdin was not linted"
  failed=1
fi
rows+=("gen-1000 1 $(wc -c < "$latency_file") stdin-gcc $latency_s $(peak_rss "$samples") \
$(col 3 "$samples" | median) - - latency:${latency_ms}ms (file 500 of 1000; cold cache: ${cold_ms}ms; \
modified buffer: exit $modified_rc, $modified_on_line finding(s) on the appended line)")
targets+=("latency ms gen-1000 stdin|$latency_ms|<=|50")

# --- editor latency through the language server: edit -> diagnostics -------------------------
log "lsp latency: $latency_file edited $latency_runs times in \`migralint lsp\`"
export MIGRALINT_CACHE_DIR=$PWD/$build/parse-cache-lsp
rm -rf "$MIGRALINT_CACHE_DIR"
lsp_open_ms=- lsp_ms=- lsp_p90_ms=- lsp_max_ms=-
if lsp_out=$("$lsp_latency" "$migralint" "$latency_file" "$latency_runs" 2> "$work/stderr"); then
  read -r lsp_open_ms lsp_ms lsp_p90_ms lsp_max_ms <<< "$lsp_out"
else
  log "lsp latency: failed: $(head -c 500 "$work/stderr")"
  failed=1
fi
rows+=("gen-1000 1 $(wc -c < "$latency_file") lsp-edit $(awk -v m="$lsp_ms" 'BEGIN { printf "%.4f", m / 1000 }') \
- - - - edit->diagnostics:${lsp_ms}ms (p90 ${lsp_p90_ms}ms, max ${lsp_max_ms}ms; first lint on open: \
${lsp_open_ms}ms; debounce 0)")
targets+=("lsp edit->diagnostics ms gen-1000|$lsp_ms|<=|50")

# --- scale: 100,000 files ------------------------------------------------------------------
if ((skip_100k)); then
  log "skipping gen-100000 (BENCH_SKIP_100K=1)"
  rows+=("gen-100000 - - migralint - - - - - skipped (BENCH_SKIP_100K=1)")
  targets+=("time gen-100000/gen-10000|skipped|<=|11")
else
  ensure_gen 100000
  list=$work/gen-100000.list
  find "$gen_dir" -type f -name '*.sql' | LC_ALL=C sort > "$list"
  files=$(wc -l < "$list")
  bytes=$(tr '\n' '\0' < "$list" | du -cb --files0-from=- | tail -n 1 | cut -f1)
  log "gen-100000: $files .sql files, $bytes bytes, $runs_100k runs of migralint"
  warm "$list"
  samples=$work/gen-100000.migralint.samples
  : > "$samples"
  for ((i = 1; i <= runs_100k; i++)); do
    run_timed "$work/gen-100000.migralint.out" /dev/null "$migralint" lint --format json "$gen_dir"
    if ((last_rc > 1)); then
      log "gen-100000: migralint failed (exit $last_rc): $(head -c 500 "$work/stderr")"
      failed=1
    fi
  done
  med_100k=$(col 1 "$samples" | median)
  scale=$(ratio_of "$med_100k" "${med_wall[gen-10000.migralint]}")
  rows+=("gen-100000 $files $bytes migralint $med_100k $(peak_rss "$samples") $(col 3 "$samples" | median) \
- - x10k:$scale (median wall / gen-10000 migralint median)")
  targets+=("time gen-100000/gen-10000|$scale|<=|11")
fi
targets+=("jobs1/jobs2 $jobs_input|$jobs_ratio|>=|1.6" "JSON jobs1 vs jobs2 $jobs_input|$jobs_same|==|identical")

# --- one large file: memory linear and small in the input ----------------------------------
# ~14 MB in one migration (CREATE TABLEs, INSERTs, indexes, ALTERs on one wide table). Budget:
# peak RSS at most 40 times the file plus 64 MiB (the target line); wall time in the row. What a
# file costs is mostly its parse trees (protobuf-c structs, ~23 times the text), held until the
# file is replayed; PostgreSQL's parser sees a big file in chunks of statements (parse_file.cc).
big_dir=$build/gen-big/db/migrations
big_file=$big_dir/001_big.sql
if [[ ! -s $big_file ]]; then
  log "generating $big_file"
  mkdir -p "$big_dir"
  awk 'BEGIN {
    print "CREATE TABLE IF NOT EXISTS wide (id bigint PRIMARY KEY);"
    for (i = 0; i < 52000; i++) {
      printf "CREATE TABLE IF NOT EXISTS t%d (id bigint PRIMARY KEY, name text NOT NULL, ref bigint);\n", i
      printf "INSERT INTO t%d (id, name) VALUES (1, %cname %d%c), (2, %cother%c);\n", i, 39, i, 39, 39, 39
      printf "CREATE INDEX IF NOT EXISTS t%d_name ON t%d (name);\n", i, i
      printf "ALTER TABLE wide ADD COLUMN IF NOT EXISTS c%d int;\n", i
    }
  }' > "$big_file"
fi
big_bytes=$(wc -c < "$big_file")
samples=$work/big.samples
: > "$samples"
run_timed "$work/big.out" /dev/null "$migralint" lint --format json "$big_dir"
if ((last_rc > 1)); then
  log "gen-big: migralint failed (exit $last_rc): $(head -c 500 "$work/stderr")"
  failed=1
fi
big_rss=$(peak_rss "$samples")
big_budget=$(awk -v b="$big_bytes" 'BEGIN { printf "%.1f", 40 * b / 1048576 + 64 }')
rows+=("gen-big 1 $big_bytes migralint $(col 1 "$samples" | median) $big_rss $(col 3 "$samples" | median) \
- - RSS/file:$(awk -v r="$big_rss" -v b="$big_bytes" 'BEGIN { printf "%.1f", r * 1024 / b }')x")
targets+=("peak RSS MiB gen-big (40x+64)|$(awk -v r="$big_rss" 'BEGIN { printf "%.1f", r / 1024 }')|<=|$big_budget")

# --- table -------------------------------------------------------------------------------------
echo
echo "migralint benchmark: $runs paired runs per tool (gen-100000: $runs_100k, latency: $latency_runs);" \
  "medians of wall time; $(nproc) CPUs; $(date -u +%Y-%m-%dT%H:%MZ)"
echo "(ratios: median over runs of migralint's wall / the other's in the same run;" \
  "squawk $squawk_version, raw = libpg_query alone; no-model: schema rules off)"
fmt="%-11s %6s %7s  %-9s %9s %8s %6s %8s %6s %7s %6s  %s\n"
# shellcheck disable=SC2059
printf "$fmt" input files MB tool median_s files/s MB/s RSS_MiB cpu_s /squawk /raw note
for row in "${rows[@]}"; do
  read -r input files bytes tool med rss cpu a b note <<< "$row"
  awk -v fmt="$fmt" -v name="$input" -v f="$files" -v b="$bytes" -v t="$tool" -v m="$med" \
      -v r="$rss" -v cpu="$cpu" -v vs="$a" -v vr="$b" -v note="$note" 'BEGIN {
    num = (m ~ /^[0-9.]+$/ && m > 0)
    mb = (b ~ /^[0-9]+$/) ? sprintf("%.2f", b / 1e6) : "-"
    rate = (num && t != "stdin-gcc" && t != "lsp-edit")
    line = sprintf(fmt, name, f, mb, t, num ? sprintf("%.3f", m) : "-",
                   rate ? sprintf("%.0f", f / m) : "-", rate ? sprintf("%.1f", b / 1e6 / m) : "-",
                   (r ~ /^[0-9]+$/) ? sprintf("%.1f", r / 1024) : "-", cpu, vs, vr, note == "-" ? "" : note)
    sub(/ +\n$/, "\n", line)
    printf "%s", line
  }'
done

echo
echo "targets"
for t in "${targets[@]}"; do
  IFS='|' read -r name value op limit <<< "$t"
  awk -v n="$name" -v v="$value" -v op="$op" -v l="$limit" 'BEGIN {
    if (op == "==") ok = (v == l) ? "pass" : "FAIL"
    else if (v !~ /^[0-9.]+$/) ok = "-"
    else if (op == "<=") ok = (v + 0 <= l + 0) ? "pass" : "FAIL"
    else ok = (v + 0 >= l + 0) ? "pass" : "FAIL"
    printf "  %-34s %10s  %s %-9s %s\n", n, v, op, l, ok
  }'
done

exit "$failed"
