#!/usr/bin/env bash
# Issue 13's case: `check` on 20,000 people with 6,666 `reports_to` naming nobody, against the
# same roster without them. Usage: bench/dangling.sh [PLANBOOK_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/planbook}
dir=bench/corpus/dangling
[ -d "$dir/clean" ] || python3 bench/gen_dangling.py "$dir"
for run in 1 2 3; do
    for variant in clean dangling; do
        for format in human json; do
            /usr/bin/time -f "$variant $format %e s %M KB" \
                "$bin" -C "$dir/$variant" check --no-cache --format "$format" \
                >/dev/null 2>/tmp/dangling.$$ || true
            tail -1 /tmp/dangling.$$
        done
    done
done
rm -f /tmp/dangling.$$
