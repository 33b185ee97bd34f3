#!/usr/bin/env bash
# YAML parsing benchmark, run by hand (not in CI):
#
#   bash bench/parse.sh OLD_BINARY [NEW_BINARY]
#
# Generates 1k and 5k document corpora with bench/gen_corpus.py (into /tmp), then
#   1. times `planbook check -C <corpus>` with both binaries (hyperfine, one warm-up run);
#   2. times the parser alone, against the bare granit-parser event stream, on the corpus's
#      YAML (whole .yaml files and Markdown front matter), one thread, best of 7 passes
#      (`yaml::tests::parse_speed`, an ignored test, in a release build).
# NEW_BINARY defaults to target/release/planbook, built first.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
OLD="${1:?usage: bench/parse.sh OLD_BINARY [NEW_BINARY]}"
NEW="${2:-}"
if [ -z "$NEW" ]; then
    (cd "$ROOT" && cargo build --release --quiet)
    NEW="$ROOT/target/release/planbook"
fi
command -v hyperfine >/dev/null || apt-get install -y hyperfine >/dev/null

for size in 1000 5000; do
    corpus="/tmp/planbook-parse-corpus-$size"
    [ -d "$corpus" ] || python3 "$BENCH/gen_corpus.py" --docs "$size" "$corpus"
    runs=$(( size > 1000 ? 10 : 20 ))
    hyperfine -N --warmup 1 --runs "$runs" \
        -n old "$OLD check -C $corpus" -n new "$NEW check -C $corpus"
    (cd "$ROOT" && PARSE_BENCH="$corpus" cargo test --release --quiet --lib \
        yaml::tests::parse_speed -- --ignored --nocapture 2>&1 | grep -E 'texts|events|parse')
done
