#!/usr/bin/env bash
# ROM2 at scale (issue 6): 100,000 generated participants, then
#   1. import of a 100,000-row AF file: the preview (`--dry-run`) and the commit (which plans the file inside its
#      transaction and prints that plan), each timed end to end as one `lots import` command (targets: preview
#      10 s, commit 20 s), then the same file again (every row a duplicate);
#   2. at a fixed offered load of 800 requests/s (`hey -c 16 -q 50`), p99 latency of search by personnummer
#      and by case number (target 10 ms), the participant profile page (20 ms) and the caseload page of a
#      handledare with 60 participants (30 ms);
#   3. at saturation (`wrk -c 64`), the audited, decrypted profile page against a trivial route (/health)
#      of the same server in the same run (target ratio 0.3).
#
#   bash bench/rom2-scale/run.sh                      # SQLite in a fresh data directory
#   DB=postgres bash bench/rom2-scale/run.sh          # PostgreSQL: a fresh database lots_bench (PG_URL's server)
#   PARTICIPANTS=100000 IMPORT_ROWS=100000 DURATION=20s
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${DB:-sqlite}
PARTICIPANTS=${PARTICIPANTS:-100000}
IMPORT_ROWS=${IMPORT_ROWS:-100000}
DURATION=${DURATION:-20s}
PORT=${PORT:-8095}
PG_URL=${PG_URL:-postgres://lots:lots@127.0.0.1:5432/postgres}
for tool in hey wrk curl python3; do command -v $tool >/dev/null || { echo "$tool is missing (apt-get install hey wrk curl)" >&2; exit 1; }; done

swift build -c release --scratch-path .build-release --product lots >&2
BIN=$PWD/.build-release/release/lots
WORK=$(mktemp -d)
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
export LOTS_DATA_DIR=$WORK/data LOG_LEVEL=warning
if [ "$DB" = postgres ]; then
    psql -X -q "$PG_URL" -c "DROP DATABASE IF EXISTS lots_bench" -c "CREATE DATABASE lots_bench"
    export DATABASE_URL=${PG_URL%/*}/lots_bench
fi

seconds() { # command... -> its wall-clock seconds; its output is dropped, its errors shown
    python3 -c 'import subprocess, sys, time
start = time.monotonic()
result = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
sys.exit(result.returncode) if result.returncode else print(f"{time.monotonic() - start:.1f}")' "$@"
}

echo "generating $PARTICIPANTS participants ($DB)..." >&2
generate_s=$(seconds "$BIN" generate --participants "$PARTICIPANTS")
UNIT="Rusta och matcha, Exempelstad city"
python3 bench/lib/af_file.py "$IMPORT_ROWS" >"$WORK/af.csv"
echo "importing $IMPORT_ROWS rows..." >&2
preview_s=$(seconds "$BIN" import participants "$WORK/af.csv" --unit "$UNIT" --dry-run)
commit_s=$(seconds "$BIN" import participants "$WORK/af.csv" --unit "$UNIT")
again_s=$(seconds "$BIN" import participants "$WORK/af.csv" --unit "$UNIT")

"$BIN" serve --demo --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
BASE=http://127.0.0.1:$PORT
COOKIE=$(python3 bench/lib/sign_in.py "$BASE" "Hanna Handledarsson")
caseload=$(curl -fs -H "$COOKIE" "$BASE/participants")
count=$(grep -o 'data-participant="[0-9a-f-]*"' <<<"$caseload" | wc -l)
id=$(grep -o 'data-participant="[0-9a-f-]*"' <<<"$caseload" | tail -1 | cut -d'"' -f2)
profile=$(curl -fs -H "$COOKIE" "$BASE/participants/$id")
pnr=$(grep -o '[12][0-9]\{7\}-[0-9]\{4\}' <<<"$profile" | head -1)
case_number=$(grep -o 'GEN[0-9]\{9\}' <<<"$profile" | head -1)
[ -n "$pnr" ] && [ -n "$case_number" ] || { echo "could not read a personnummer and case number from the profile" >&2; exit 1; }

p99() { # url -> p99 in ms at 800 requests/s offered
    local out
    out=$(hey -c 16 -q 50 -z "$DURATION" -H "$COOKIE" "$1")
    grep -q '\[200\]' <<<"$out" || { echo "$out" >&2; exit 1; }
    ! grep -A5 'Status code distribution' <<<"$out" | grep -v '\[200\]' | grep -q '\[[0-9]*\]' || { echo "$out" >&2; exit 1; }
    awk '/99% in/ {printf "%.1f", $3 * 1000}' <<<"$out"
    awk '/Requests\/sec/ {printf " (%.0f req/s)", $2}' <<<"$out"
}
search_pnr=$(p99 "$BASE/participants/search?q=$pnr&purpose=casework")
search_case=$(p99 "$BASE/participants/search?q=$case_number&purpose=casework")
profile_p99=$(p99 "$BASE/participants/$id")
caseload_p99=$(p99 "$BASE/participants")

rps() { wrk -t2 -c64 -d"$DURATION" -H "$COOKIE" "$1" | awk '/Requests\/sec/ {print $2}'; }
trivial=$(rps "$BASE/health")
profile_rps=$(rps "$BASE/participants/$id")
trivial_after=$(rps "$BASE/health")
ratio=$(awk -v p="$profile_rps" -v a="$trivial" -v b="$trivial_after" 'BEGIN {printf "%.2f", p / ((a + b) / 2)}')

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), database: $DB"
echo "generate $PARTICIPANTS participants: ${generate_s} s"
echo "import $IMPORT_ROWS rows: preview ${preview_s} s, commit ${commit_s} s, the same file again ${again_s} s"
echo "handledare caseload: $count participants on the first page"
echo "p99 at 800 req/s offered (hey -c 16 -q 50 -z $DURATION):"
echo "  search by personnummer  ${search_pnr} ms"
echo "  search by case number   ${search_case} ms"
echo "  profile page            ${profile_p99} ms"
echo "  caseload page           ${caseload_p99} ms"
echo "saturation (wrk -t2 -c64 -d$DURATION): /health ${trivial} and ${trivial_after} req/s, profile ${profile_rps} req/s, ratio ${ratio}"
