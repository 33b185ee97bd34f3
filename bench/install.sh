#!/usr/bin/env bash
# Benchmark of installing planbook and of what the release profile buys, run by hand:
#
#   bash bench/install.sh
#
# 1. The release binary before and after the release profile (no debug info, fat LTO, one
#    codegen unit, stripped): its size, and `planbook check` and `planbook build --no-history`
#    timed with hyperfine on the sample repository and on the 5k corpus (bench/gen_corpus.py).
#    "Before" is the profile the project had until then (`debug = "line-tables-only"`, no LTO),
#    built into target/bench-before with the same sources, or BEFORE=path.
# 2. Installing: `pip install` of the wheel into a fresh virtual environment, and pre-commit's
#    `install-hooks` for the hook `planbook init` writes (the wheel from target/dist, no index),
#    side by side with the same local hook for ruff (its wheel from PyPI), the peer the issue
#    names. RUST_HOOK=1 also times the `language: rust` hook, which compiles planbook (about
#    ten minutes on 2 cores); otherwise the report quotes the figure measured before.
#
# It writes bench/results/install-<date>.md. Needs scripts/test's tools (maturin, pre-commit,
# the musl target) and hyperfine (apt).
#
# Settings (environment): RUNS=10 (hyperfine runs), BEFORE=path and AFTER=path (binaries
# already built, before and after; AFTER=none leaves the gnu build out), DIST=dir (where scripts/dist writes, default target/dist)
# and SKIP_DIST=1 (use what is there), RUST_HOOK=0|1, RUFF=0.17.6 (the ruff version to install
# beside planbook).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
RUNS="${RUNS:-10}"
RUFF="${RUFF:-0.17.6}"
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/Cargo.toml" | head -n 1)
OUT="$BENCH/results/install-$(date +%F).md"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.1f}')" "$1"; }
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }
mb() { python3 -c "import sys; print(f'{int(sys.argv[1]) / 1e6:.1f} MB')" "$(stat -c %s "$1")"; }

# A Markdown table of hyperfine's JSON: median, min and max of each command, in ms.
median_table() {
    python3 - "$1" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
print("| binary | median | min | max |")
print("| --- | ---: | ---: | ---: |")
for r in results:
    ms = [t * 1000 for t in r["times"]]
    print(f"| {r['command']} | {statistics.median(ms):.1f} ms | {min(ms):.1f} ms | {max(ms):.1f} ms |")
PY
}

command -v hyperfine >/dev/null || {
    log "installing hyperfine (apt)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
}

# ---- 1. the release profile ----------------------------------------------------------------

cd "$ROOT"
if [[ -z ${BEFORE:-} ]]; then
    log "building the 'before' binary (the old release profile) into target/bench-before"
    CARGO_PROFILE_RELEASE_DEBUG=line-tables-only CARGO_PROFILE_RELEASE_LTO=false \
        CARGO_PROFILE_RELEASE_STRIP=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
        CARGO_TARGET_DIR=target/bench-before cargo build --release --locked --quiet
    BEFORE=target/bench-before/release/planbook
fi
if [[ -z ${AFTER:-} ]]; then
    log "building the release binary"
    cargo build --release --locked --quiet
    AFTER=target/release/planbook
fi
DIST="${DIST:-target/dist}"
if [[ -z ${SKIP_DIST:-} ]]; then
    log "building the static musl binary, its archive and the wheel (scripts/dist)"
    scripts/dist --target x86_64-unknown-linux-musl --out "$DIST" --wheel -- --compatibility linux
fi
ARCHIVE="$DIST/planbook-$VERSION-x86_64-unknown-linux-musl.tar.gz"
tar -xzf "$ARCHIVE" -C "$WORK"
MUSL="$WORK/planbook-$VERSION-x86_64-unknown-linux-musl/planbook"

python3 "$BENCH/gen_corpus.py" --docs 5000 "$WORK/corpus5k" >/dev/null
cp -r plans "$WORK/plans"
rm -rf "$WORK/plans/_site"
times="$WORK/times.md"
for what in "check" "build --no-history -q -o $WORK/site"; do
    for repo in plans corpus5k; do
        log "timing '$what' on $repo"
        commands=(-n before "$BEFORE -C $WORK/$repo $what --no-cache")
        if [[ $AFTER != none ]]; then
            commands+=(-n after "$AFTER -C $WORK/$repo $what --no-cache")
        fi
        commands+=(-n "after, static musl" "$MUSL -C $WORK/$repo $what --no-cache")
        hyperfine --runs "$RUNS" --warmup 2 -N --ignore-failure --export-json "$WORK/t.json" \
            "${commands[@]}" >&2
        { echo "\`planbook ${what%% *}\` on $repo:"; echo; median_table "$WORK/t.json"; echo; } >>"$times"
    done
done

# ---- 2. installing -------------------------------------------------------------------------

python3 -m pip download --quiet --no-deps --dest target/wheelhouse setuptools==80.9.0
log "pip install of the wheel into a fresh environment"
python3 -m venv "$WORK/venv"
start=$(now)
"$WORK/venv/bin/pip" install --quiet --no-index --find-links "$DIST" "planbook==$VERSION"
pip_time=$(elapsed "$start")

hook_time() { # NAME DEPENDENCY ENTRY [pip environment...]
    local name=$1 dep=$2 entry=$3 repo="$WORK/hook-$1"
    shift 3
    mkdir -p "$repo" && git -C "$repo" init -q
    cat >"$repo/.pre-commit-config.yaml" <<EOF
repos:
  - repo: local
    hooks:
      - id: $name
        name: $name
        entry: $entry
        language: python
        additional_dependencies: ["$dep"]
        pass_filenames: false
        always_run: true
EOF
    local start
    start=$(now)
    (cd "$repo" && env PRE_COMMIT_HOME="$WORK/pc-$name" "$@" pre-commit install-hooks >/dev/null)
    elapsed "$start"
}
log "pre-commit install-hooks: planbook's wheel (local folder) and ruff's (PyPI)"
links="$(cd "$DIST" && pwd) $ROOT/target/wheelhouse"
planbook_hook=$(hook_time planbook "planbook==$VERSION" "planbook check" PIP_NO_INDEX=1 PIP_FIND_LINKS="$links")
ruff_hook=$(hook_time ruff "ruff==$RUFF" "ruff check")
env_size=$(du -sh "$WORK/pc-planbook" | cut -f1)

rust_hook="686 s (measured before this change, 1.2 GB left behind)"
if [[ ${RUST_HOOK:-0} == 1 ]]; then
    log "pre-commit install-hooks: the language: rust hook (compiles planbook)"
    hooks="$WORK/rust-hooks"
    mkdir -p "$hooks" && cp -r Cargo.toml Cargo.lock build.rs src templates locales editors \
        .pre-commit-hooks.yaml README.md "$hooks/"
    git -C "$hooks" init -q && git -C "$hooks" add -A \
        && git -C "$hooks" -c user.name=b -c user.email=b@b commit -qm hooks
    repo="$WORK/hook-rust" && mkdir -p "$repo" && git -C "$repo" init -q
    printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: planbook-check\n' \
        "$hooks" "$(git -C "$hooks" rev-parse HEAD)" >"$repo/.pre-commit-config.yaml"
    start=$(now)
    (cd "$repo" && PRE_COMMIT_HOME="$WORK/pc-rust" pre-commit install-hooks >/dev/null)
    rust_hook="$(elapsed "$start") s, $(du -sh "$WORK/pc-rust" | cut -f1) left behind"
fi

{
    echo "# Installing planbook, and the release profile ($(date +%F))"
    echo
    echo "Machine: $(nproc) cores, $(uname -m), $(rustc --version). planbook $VERSION."
    echo
    echo "## Binary size"
    echo
    echo "| binary | size |"
    echo "| --- | --- |"
    echo "| before: \`debug = \"line-tables-only\"\`, no LTO | $(mb "$BEFORE") |"
    if [[ $AFTER != none ]]; then
        echo "| after: no debug info, fat LTO, 1 codegen unit, stripped (gnu) | $(mb "$AFTER") |"
    fi
    echo "| after, static musl (the Linux archive's) | $(mb "$MUSL") |"
    echo "| the Linux archive (.tar.gz) | $(mb "$ARCHIVE") |"
    echo "| the wheel | $(mb "$(ls "$DIST"/planbook-"$VERSION"-*.whl)") |"
    echo
    echo "## Speed (hyperfine, $RUNS runs after 2 warm-ups, parse cache off; build without history)"
    echo
    cat "$times"
    echo "## Installing"
    echo
    echo "| what | time |"
    echo "| --- | --- |"
    echo "| \`pip install\` of the wheel into a fresh venv (local folder) | $(seconds "$pip_time") s |"
    echo "| \`pre-commit install-hooks\`, planbook's wheel hook (local folder) | $planbook_hook s ($env_size environment) |"
    echo "| \`pre-commit install-hooks\`, the same hook for ruff $RUFF (PyPI) | $ruff_hook s |"
    echo "| \`pre-commit install-hooks\`, the \`language: rust\` hook | $rust_hook |"
} >"$OUT"
cat "$OUT"
log "wrote $OUT"
