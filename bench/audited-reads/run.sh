#!/usr/bin/env bash
# Audited vs unaudited participant-profile reads, side by side (issue: audited reads reach at least 80%
# of the throughput of the same reads without auditing).
#
# Two release-build servers run at once, each with its own fresh demo database: one normal, one started
# with --unaudited-reads-for-benchmark. Both are signed in as the same demo handledare through the BankID
# test server, and wrk loads the same participant's profile page on each in turn, ROUNDS times, so both
# see the same machine state. The ratio is median(audited req/s) / median(unaudited req/s).
#
#   bash bench/audited-reads/run.sh            # DURATION=20s CONNECTIONS=64 THREADS=2 ROUNDS=3
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

swift build -c release --scratch-path .build-release --product lots >&2
BIN=.build-release/release/lots
WORK=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

start() { # name port extra-args...
    local name=$1 port=$2; shift 2
    LOTS_DATA_DIR="$WORK/$name" LOG_LEVEL=warning "$BIN" serve --demo --port "$port" "$@" >"$WORK/$name.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && return; sleep 0.5; done
    echo "$name did not start:" >&2; cat "$WORK/$name.log" >&2; exit 1
}
start audited 8091
start unaudited 8092 --unaudited-reads-for-benchmark

declare -A RESULTS
for name in audited unaudited; do
    port=$([ $name = audited ] && echo 8091 || echo 8092)
    cookie=$(python3 bench/lib/sign_in.py "http://127.0.0.1:$port" "Hanna Handledarsson")
    list=$(curl -fs -H "$cookie" "http://127.0.0.1:$port/participants")
    id=$(grep -o 'data-participant="[0-9a-f-]*"' <<<"$list" | head -1 | cut -d'"' -f2)
    url="http://127.0.0.1:$port/participants/$id"
    curl -fs -o /dev/null -H "$cookie" "$url" || { echo "cannot open the profile on $name" >&2; exit 1; }
    eval "COOKIE_$name=\$cookie; URL_$name=\$url"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for round in $(seq 1 "$ROUNDS"); do
    for name in audited unaudited; do
        cookie_var=COOKIE_$name; url_var=URL_$name
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "${!cookie_var}" "${!url_var}")
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
        echo "round $round $name: ${rps} req/s, p99 ${p99}, non-2xx ${non2xx:-0}" >&2
        [ -z "${non2xx:-}" ] || { echo "$out" >&2; exit 1; }
        RESULTS[$name]+="$rps "
    done
done
audited=$(tr ' ' '\n' <<<"${RESULTS[audited]}" | grep . | median)
unaudited=$(tr ' ' '\n' <<<"${RESULTS[unaudited]}" | grep . | median)
ratio=$(awk -v a="$audited" -v u="$unaudited" 'BEGIN {printf "%.2f", a / u}')
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds each, alternating"
echo "audited profile reads:   $audited req/s (median)"
echo "unaudited profile reads: $unaudited req/s (median)"
echo "ratio audited/unaudited: $ratio"
