#!/usr/bin/env bash
# Benchmark of history extraction, run by hand (not in CI):
#
#   bash bench/history.sh
#
# For repositories of 1k, 10k and 50k commits (bench/gen_history.py, into bench/corpus/history)
# it times side by side, files cached, with hyperfine:
#   git log --name-status   what git itself needs to list the changed files of every commit
#   planbook log (cold)     every commit's semantic changes, computed from scratch (the
#                           history cache in .git/planbook is removed before each run)
#   planbook log (cached)   the same with the cache of earlier runs: what a rebuild costs
#   planbook build          the handbook with history, and with --no-history
# and writes bench/results/history-<date>.md. Settings: SIZES="1000 10000 50000", RUNS=5.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
SIZES="${SIZES:-1000 10000 50000}"
RUNS="${RUNS:-5}"
PLANBOOK="${PLANBOOK:-$ROOT/target/release/planbook}"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
[ -n "${SKIP_BUILD:-}" ] || (cd "$ROOT" && cargo build --release --quiet)
mkdir -p "$BENCH/corpus/history" "$BENCH/results"
out="$BENCH/results/history-$(date +%F).md"
{
    echo "# History extraction, $(date +%F)"
    echo
    echo "| commits | git log --name-status (s) | planbook log, cold (s) | cold ÷ git | planbook log, cached (s) | cached ÷ git | build (s) | build --no-history (s) | with ÷ without |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} > "$out"
for n in $SIZES; do
    repo="$BENCH/corpus/history/$n"
    [ -d "$repo/.git" ] || python3 "$BENCH/gen_history.py" --commits "$n" "$repo"
    json="$(mktemp)"
    site="$(mktemp -d)/site"
    hyperfine --warmup 1 --runs "$RUNS" --export-json "$json" \
        --prepare "true" --prepare "rm -rf $repo/.git/planbook" --prepare "true" --prepare "true" --prepare "true" \
        -n git "git -C $repo log --name-status > /dev/null" \
        -n cold "$PLANBOOK -C $repo log --format json > /dev/null" \
        -n cached "$PLANBOOK -C $repo log --format json > /dev/null" \
        -n build "$PLANBOOK -C $repo build -q -o $site" \
        -n nohistory "$PLANBOOK -C $repo build -q --no-history -o $site" >&2
    python3 - "$json" "$n" >> "$out" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
g = r["git"]
print(f"| {int(sys.argv[2]):,} | {g:.3f} | {r['cold']:.3f} | {r['cold'] / g:.1f}× | {r['cached']:.3f} | {r['cached'] / g:.1f}× "
      f"| {r['build']:.3f} | {r['nohistory']:.3f} | {r['build'] / r['nohistory']:.2f}× |")
PY
    rm -f "$json"
done
cat "$out"
