#!/usr/bin/env bash
# Benchmark of history extraction, run by hand (not in CI):
#
#   bash bench/history.sh
#
# For repositories of 1k, 10k and 50k commits (bench/gen_history.py, into bench/corpus/history)
# it times side by side, warm, with hyperfine:
#   git log --name-status   what git itself needs to list the changed files of every commit
#   planbook log            every commit's semantic changes (one pass; each blob parsed once)
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
    echo "| commits | git log --name-status (s) | planbook log (s) | ratio |"
    echo "| ---: | ---: | ---: | ---: |"
} > "$out"
for n in $SIZES; do
    repo="$BENCH/corpus/history/$n"
    [ -d "$repo/.git" ] || python3 "$BENCH/gen_history.py" --commits "$n" "$repo"
    json="$(mktemp)"
    hyperfine --warmup 1 --runs "$RUNS" --export-json "$json" \
        -n git "git -C $repo log --name-status > /dev/null" \
        -n planbook "$PLANBOOK -C $repo log --format json > /dev/null" >&2
    python3 - "$json" "$n" >> "$out" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
print(f"| {int(sys.argv[2]):,} | {r['git']:.3f} | {r['planbook']:.3f} | {r['planbook'] / r['git']:.2f}× |")
PY
    rm -f "$json"
done
cat "$out"
