#!/usr/bin/env bash
# Benchmark of history extraction, run by hand (not in CI):
#
#   bash bench/history.sh
#
# For repositories with both many documents and many commits (bench/gen_history.py --docs,
# into bench/corpus/history: 1k documents / 1k commits, 5k / 10k, 20k / 50k) it times side by
# side, files cached, with hyperfine:
#   git log --name-status   what git itself needs to list the changed files of every commit
#   planbook log (cold)     every commit's semantic changes, computed from scratch (the
#                           history cache in .git/planbook is removed before each run)
#   planbook log (cached)   the same with the cache of earlier runs: what a rebuild costs
#   planbook build          the handbook with history (cache present), and with --no-history
# and writes bench/results/history-<date>.md: medians of wall time, and the mean CPU time
# (user + system) beside them, since on a shared machine the wall time also measures the
# neighbours. Settings: SIZES="1000:1000 5000:10000 20000:50000" (documents:commits; 0
# documents is the old repository of 100 budgets), RUNS=5, WARMUP=1, COLD_RUNS=3 (for the
# largest repository, minutes for a run, each: RUNS=1 WARMUP=0 COLD_RUNS=1).
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
SIZES="${SIZES:-1000:1000 5000:10000 20000:50000}"
RUNS="${RUNS:-5}"
WARMUP="${WARMUP:-1}"
COLD_RUNS="${COLD_RUNS:-3}"
PLANBOOK="${PLANBOOK:-$ROOT/target/release/planbook}"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
[ -n "${SKIP_BUILD:-}" ] || (cd "$ROOT" && cargo build --release --quiet)
mkdir -p "$BENCH/corpus/history" "$BENCH/results"
out="${OUT:-$BENCH/results/history-$(date +%F).md}"
{
    echo "# History extraction, $(date +%F)"
    echo
    echo "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start."
    echo "Wall: median of the runs; CPU: mean user + system time."
    echo
    echo "| documents | commits | git log --name-status | log, cold | cold ÷ git | cold CPU | log, cached | cached ÷ git | build | build --no-history | with ÷ without | with ÷ without, CPU | cache size |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} > "$out"
for size in $SIZES; do
    docs="${size%%:*}"
    n="${size##*:}"
    if [ "$docs" = 0 ]; then
        repo="$BENCH/corpus/history/$n"
        [ -d "$repo/.git" ] || python3 "$BENCH/gen_history.py" --commits "$n" "$repo"
    else
        repo="$BENCH/corpus/history/d$docs-c$n"
        [ -d "$repo/.git" ] || python3 "$BENCH/gen_history.py" --docs "$docs" --commits "$n" "$repo"
    fi
    cold="$(mktemp)"
    warm="$(mktemp)"
    site="$(mktemp -d)/site"
    hyperfine --runs "$COLD_RUNS" --export-json "$cold" --prepare "rm -rf $repo/.git/planbook" \
        -n cold "$PLANBOOK -C $repo log --format json > /dev/null" >&2
    hyperfine --warmup "$WARMUP" --runs "$RUNS" --export-json "$warm" \
        -n git "git -C $repo log --name-status > /dev/null" \
        -n cached "$PLANBOOK -C $repo log --format json > /dev/null" \
        -n build "$PLANBOOK -C $repo build -q -o $site" \
        -n nohistory "$PLANBOOK -C $repo build -q --no-history -o $site" >&2
    bytes="$(stat -c %s "$repo/.git/planbook/history.bin" 2>/dev/null || echo 0)"
    python3 - "$cold" "$warm" "$docs" "$n" "$bytes" >> "$out" <<'PY'
import json, sys
r = {}
for f in sys.argv[1:3]:
    for x in json.load(open(f))["results"]:
        r[x["command"]] = x
wall = {k: v["median"] for k, v in r.items()}
cpu = {k: v["user"] + v["system"] for k, v in r.items()}
g = wall["git"]
print(f"| {int(sys.argv[3]):,} | {int(sys.argv[4]):,} | {g:.3f} s | {wall['cold']:.2f} s | {wall['cold'] / g:.1f}× "
      f"| {cpu['cold']:.2f} s | {wall['cached']:.3f} s | {wall['cached'] / g:.2f}× "
      f"| {wall['build']:.2f} s | {wall['nohistory']:.2f} s | {wall['build'] / wall['nohistory']:.2f}× "
      f"| {cpu['build'] / cpu['nohistory']:.2f}× | {int(sys.argv[5]) / 1e6:.1f} MB |")
PY
    rm -f "$cold" "$warm"
    rm -rf "$(dirname "$site")"
done
cat "$out"
