#!/usr/bin/env bash
# The handbook of a large organisation, run by hand (not in CI):
#
#   bash bench/handbook.sh
#
# Generates a repository of PEOPLE people over UNITS units (bench/gen_org.py: rosters with
# posts, regions and managers — some missing —, shared and Chinese names, a plan, budget and
# review per unit for 2026-12, `locale: zh-CN`), builds it with `planbook build --no-history`
# (best of RUNS) and reports:
#
#   build       wall time of the build
#   pages       the number of HTML pages, the largest one (size and path) and the total size
#               of the handbook
#   search      the search index: the part the search page loads before it paints
#               (search-index.js and assets/search.js) and all of it (with the chunks,
#               search/*.js, which load asynchronously after)
#   paint       first contentful paint in headless Chromium (from file://) of the home page,
#               the largest page and the search page (bench/handbook.mjs)
#   query       for a name several people share and for a region's name: the time from
#               opening search.html?q= to its results (the index's chunks load on the way, as
#               after the header form), and from typing the query into a search page just
#               opened to its results
#
# beside the figures of issue 15 before the chunked index (20,040 people, 332 units), and
# writes bench/results/handbook-<date>.md. With BEFORE=path/to/an-older/planbook the same is
# measured for that binary too.
#
# Settings (environment):
#   PEOPLE=20000 UNITS=300   the organisation's size
#   RUNS=3                   builds and browser measurements (the best is kept)
#   PLANBOOK=path            the binary (default target/release/planbook)
#   BEFORE=path              a binary to compare with (optional)
#   OUT=path                 the results file (default bench/results/handbook-<date>.md)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
PEOPLE="${PEOPLE:-20000}"
UNITS="${UNITS:-300}"
RUNS="${RUNS:-3}"
PLANBOOK="${PLANBOOK:-${CARGO_TARGET_DIR:-$ROOT/target}/release/planbook}"
BEFORE="${BEFORE:-}"
OUT="${OUT:-$BENCH/results/handbook-$(date -u +%Y-%m-%d).md}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/planbook-handbook.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
[ -x "$PLANBOOK" ] || { echo "build it first: cargo build --release (or set PLANBOOK=)" >&2; exit 1; }
[ -d "$ROOT/tests/browser/node_modules/playwright-core" ] || {
    echo "install playwright-core: (cd tests/browser && npm ci)" >&2; exit 1; }
command -v chromium >/dev/null || [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || {
    echo "install chromium" >&2; exit 1; }

log() { echo "[handbook] $*" >&2; }

log "generating $PEOPLE people over $UNITS units"
python3 "$BENCH/gen_org.py" "$WORK/org" --people "$PEOPLE" --units "$UNITS" >&2

# measure BINARY NAME: builds with BINARY into $WORK/NAME and prints one line of key=value.
measure() {
    local bin="$1" name="$2" best="" t0 t1 t
    local site="$WORK/$name-site"
    for _ in $(seq "$RUNS"); do
        rm -rf "$site"
        t0=$(date +%s.%N)
        "$bin" -C "$WORK/org" build -q --no-history --output "$site" >/dev/null 2>&1 || true
        t1=$(date +%s.%N)
        t=$(awk "BEGIN{printf \"%.2f\", $t1 - $t0}")
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    done
    [ -f "$site/index.html" ] || { echo "the build with $bin wrote no handbook" >&2; exit 1; }
    local pages largest largest_size total manifest script chunks
    pages=$(find "$site" -name '*.html' | wc -l)
    read -r largest_size largest < <(find "$site" -name '*.html' -printf '%s %P\n' | sort -n | tail -1)
    total=$(du -sb "$site" | cut -f1)
    manifest=$(stat -c %s "$site/search-index.js")
    script=$(stat -c %s "$site/assets/search.js")
    chunks=0
    if [ -d "$site/search" ]; then chunks=$(cat "$site"/search/*.js | wc -c); fi
    log "$name: timing in Chromium"
    local browser
    browser=$(RUNS="$RUNS" node "$BENCH/handbook.mjs" "$site" "$largest")
    python3 - "$name" "$best" "$pages" "$largest" "$largest_size" "$total" "$manifest" "$script" \
        "$chunks" "$browser" <<'EOF'
import json, sys
name, build, pages, largest, largest_size, total, manifest, script, chunks, browser = sys.argv[1:]
b = json.loads(browser)
print(json.dumps({
    "name": name, "build_s": float(build), "pages": int(pages), "largest": largest,
    "largest_bytes": int(largest_size), "total_bytes": int(total),
    "first_load_bytes": int(manifest) + int(script), "manifest_bytes": int(manifest),
    "index_bytes": int(manifest) + int(chunks), **b,
}, ensure_ascii=False))
EOF
}

now=$(measure "$PLANBOOK" now)
before=""
if [ -n "$BEFORE" ]; then before=$(measure "$BEFORE" before); fi

python3 - "$OUT" "$PEOPLE" "$UNITS" "$RUNS" "$PLANBOOK" "$now" "$before" <<'EOF'
import datetime, json, os, sys
out, people, units, runs, binary, now, before = sys.argv[1:]
now = json.loads(now)
before = json.loads(before) if before else None
kb = lambda n: f"{n / 1024:,.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"
ms = lambda n: f"{n:,} ms"
def row(label, issue, fmt):
    cells = [label, issue] + ([fmt(before)] if before else []) + [fmt(now)]
    return "| " + " | ".join(cells) + " |"
lines = [
    f"# Handbook at scale — {datetime.date.today().isoformat()}", "",
    f"`bash bench/handbook.sh` with PEOPLE={people} UNITS={units} RUNS={runs} (best of runs), "
    f"binary `{os.path.relpath(binary)}`; repository from `bench/gen_org.py` "
    f"(zh-CN, one period), built with `--no-history`; browser timings in headless Chromium "
    f"from `file://`.", "",
    "| measure | issue 15 (before, 20,040 people) |" + (" before |" if before else "") + " now |",
    "| --- | --- |" + (" --- |" if before else "") + " --- |",
    row("build", "—", lambda r: f"{r['build_s']:.2f} s"),
    row("pages", "—", lambda r: f"{r['pages']:,}"),
    row("largest page", "3.6 MB (people)", lambda r: f"{kb(r['largest_bytes'])} (`{r['largest']}`)"),
    row("handbook total", "—", lambda r: kb(r["total_bytes"])),
    row("search index, all (chunks load after first paint)", "2.6 MB", lambda r: kb(r["index_bytes"])),
    row("search: manifest + script, before first paint", "2.6 MB", lambda r: kb(r["first_load_bytes"])),
    row("first paint: home", "—", lambda r: ms(r["fcp"]["home"])),
    row("first paint: largest page", "2.6 s (roster, 1,336 people)", lambda r: ms(r["fcp"]["largest"])),
    row("first paint: search page", "—", lambda r: ms(r["fcp"]["search"])),
    row("search.html?q=name → results", "2.2 s (query)",
        lambda r: f"{ms(r['name']['open'])} ({r['name']['query']}: {r['name']['status']})"),
    row("typed name → results", "2.2 s", lambda r: ms(r["name"]["typed"])),
    row("search.html?q=region → results", "—",
        lambda r: f"{ms(r['region']['open'])} ({r['region']['query']}: {r['region']['status']})"),
    row("typed region → results", "—", lambda r: ms(r["region"]["typed"])),
    "",
    "`search.html?q=`: from opening the page with the query (as the header form does) to its "
    "results, the index's chunks loaded on the way; typed: the query typed into a search page "
    "just opened.",
]
text = "\n".join(lines) + "\n"
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, "w", encoding="utf-8") as f:
    f.write(text)
print(text)
print(f"written to {out}", file=sys.stderr)
EOF
