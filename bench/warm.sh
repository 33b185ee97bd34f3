#!/usr/bin/env bash
# Benchmark of a warm `planbook check` (the parse cache), run by hand (not in CI):
#
#   bash bench/warm.sh
#
# On the 20k-document corpus (bench/gen_corpus.py into bench/corpus/20k, shared with
# bench/check.sh and reused while the generator is unchanged), copied to a temporary folder so
# the corpus stays untouched, it times with hyperfine, files in the page cache:
#
#   cat        `cat` of every document file (the list made beforehand): the cost of reading
#              the repository once, the target for a warm check
#   warm       `planbook check` with a parse cache, one document edited before each run (a
#              comment line appended or removed, alternately): what a pre-commit hook or an
#              editor pays on every save
#   warm-none  the same with nothing edited
#   cold       `planbook check` with the cache deleted before each run (parses everything and
#              writes the cache)
#   no-cache   `planbook check --no-cache`
#
# and peak memory (max RSS, /usr/bin/time -f %M) of warm and cold runs. Raw output goes to
# bench/results/warm-<date>.md. Missing tools are installed with apt (hyperfine, GNU time).
#
# Settings (environment):
#   RUNS=10      timed runs of cat and the warm checks
#   COLD_RUNS=3  timed runs of the cold checks (each parses all 20k documents)
#   SKIP_BUILD=1 use target/release/planbook as it is
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
RUNS="${RUNS:-10}"
COLD_RUNS="${COLD_RUNS:-3}"
DOCS=20000
CORPUS="$BENCH/corpus/20k"
PLANBOOK="${CARGO_TARGET_DIR:-$ROOT/target}/release/planbook"
TIME=/usr/bin/time
WORK="$(mktemp -d "${TMPDIR:-/tmp}/planbook-warm-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
OUT="$BENCH/results/warm-$(date -u +%Y-%m-%d).md"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

apt=()
command -v hyperfine >/dev/null || apt+=(hyperfine)
[[ -x $TIME ]] || apt+=(time)
if ((${#apt[@]})); then
    log "installing ${apt[*]} (apt)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt[@]}" >/dev/null
fi

stamp="$(sha256sum "$BENCH/gen_corpus.py" | cut -c1-16) docs=$DOCS"
if [[ ! -f $CORPUS/.gen-stamp || $(<"$CORPUS/.gen-stamp") != "$stamp" ]]; then
    log "generating the 20k corpus"
    mkdir -p "$BENCH/corpus"
    python3 "$BENCH/gen_corpus.py" --docs "$DOCS" "$CORPUS"
    echo "$stamp" >"$CORPUS/.gen-stamp"
fi
if [[ -z ${SKIP_BUILD:-} ]]; then
    log "building planbook (release)"
    (cd "$ROOT" && cargo build --release --locked -q)
fi

REPO="$WORK/repo"
export PLANBOOK_CACHE_DIR="$WORK/cache"
cp -r "$CORPUS" "$REPO"
rm -f "$REPO/.gen-stamp"
(cd "$REPO" && find . -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.md' \) -print0 \
    | sort -z) >"$WORK/files"
FILES=$(tr -cd '\0' <"$WORK/files" | wc -c)
BYTES=$(cd "$REPO" && xargs -0 cat <"$WORK/files" | wc -c)
EDIT="$(cd "$REPO" && find . -name '*.budget.yaml' | sort | sed -n 1p)"
cat >"$WORK/edit.sh" <<EOF
#!/usr/bin/env bash
f="$REPO/$EDIT"
if [[ \$(tail -n 1 "\$f") == '# warm-bench' ]]; then sed -i '\$d' "\$f"; else echo '# warm-bench' >>"\$f"; fi
EOF
chmod +x "$WORK/edit.sh"

CHECK="$PLANBOOK -C $REPO check -q"
log "priming: one cold run writes the cache"
$CHECK >/dev/null 2>&1 || true
$PLANBOOK -C "$REPO" check -v >/dev/null 2>"$WORK/verbose" || true
sleep 1.5  # so the files copied a moment ago are no longer "racy"
$PLANBOOK -C "$REPO" check -v >/dev/null 2>"$WORK/verbose" || true

{
    echo "# Warm check, $(date -u +%Y-%m-%d)"
    echo
    echo "- corpus: bench/gen_corpus.py --docs $DOCS ($FILES document files, $BYTES bytes)"
    echo "- planbook: $($PLANBOOK --version) ($(cd "$ROOT" && git rev-parse --short HEAD))"
    echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
    echo "  load average $(cut -d' ' -f1-3 /proc/loadavg) at the start (shared machine)"
    echo "- edited before each warm run: \`$EDIT\` (a comment line appended or removed)"
    echo "- cache file: $(du -b "$(find "$PLANBOOK_CACHE_DIR" -name parse-cache)" | cut -f1) bytes"
    echo
    echo "A warm run after priming, with \`-v\` (its summary lines; the corpus's own findings left out):"
    echo
    echo '```'
    grep -E '^(checked|loaded|read) ' "$WORK/verbose" || true
    echo '```'
    echo
    echo "## hyperfine"
    echo
    echo '```'
} >"$OUT"

log "timing (hyperfine, $RUNS runs each)"
hyperfine --style basic --warmup 2 --runs "$RUNS" -i \
    --export-markdown "$WORK/table.md" \
    -n cat "cd $REPO && xargs -0 cat <$WORK/files >/dev/null" \
    -n warm --prepare "$WORK/edit.sh" "$CHECK" \
    -n warm-none "$CHECK" 2>&1 | tee -a "$OUT"
log "timing the cold checks (hyperfine, $COLD_RUNS runs each)"
hyperfine --style basic --runs "$COLD_RUNS" -i \
    --export-markdown "$WORK/table-cold.md" \
    -n cold --prepare "rm -rf $PLANBOOK_CACHE_DIR" "$CHECK" \
    -n no-cache "$CHECK --no-cache" 2>&1 | tee -a "$OUT"

rss() {
    local max=0 kb
    for _ in $(seq "$2"); do
        eval "$1"
        kb=$($TIME -f %M $CHECK 2>&1 >/dev/null | tail -n 1)
        ((kb > max)) && max=$kb
    done
    echo "$max"
}
log "peak memory"
WARM_RSS=$(rss "$WORK/edit.sh" 3)
COLD_RSS=$(rss "rm -rf $PLANBOOK_CACHE_DIR" 1)
{
    echo '```'
    echo
    echo "## Tables (hyperfine --export-markdown)"
    echo
    cat "$WORK/table.md"
    echo
    cat "$WORK/table-cold.md"
    echo
    echo "## Peak memory (max RSS; warm: largest of 3 runs, cold: 1 run)"
    echo
    echo "| run | max RSS |"
    echo "| --- | ---: |"
    echo "| warm (one file edited) | $((WARM_RSS / 1024)) MiB |"
    echo "| cold (cache deleted) | $((COLD_RSS / 1024)) MiB |"
} >>"$OUT"
log "wrote $OUT"
cat "$OUT"
