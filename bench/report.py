#!/usr/bin/env python3
"""Turn the measurements of bench/check.sh into a table (stdout) and a Markdown report.

    python3 bench/report.py RAW_DIR OUT_MD SIZE...

RAW_DIR holds, per size, `<size>-fast.json` and `<size>-cjs.json` (hyperfine --export-json),
`<size>-rss.txt` and `<size>-rss-warm.txt` (max-RSS figures in KB, one per line, from
/usr/bin/time -f %M, of cold and warm checks),
`<size>-corpus.txt` (documents, bytes) and `env.txt` (lines already in Markdown).
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

# The targets the benchmark checks against.
MIN_VS_CJS = 50.0  # planbook at least 50x faster than check-jsonschema
MIN_VS_AJV = 1.0  # faster than ajv-cli at every size...
MIN_VS_AJV_20K = 3.0  # ...and at least 3x at 20k, with less CPU time than ajv-cli
MAX_VS_CAT = 5.0  # cold check within 5x of cat
MAX_WARM_VS_CAT = 1.0  # warm check (one document edited) within 1x of cat
MAX_RSS_MB_20K = 250.0


def results(raw: Path, size: str) -> list[dict]:
    """Every hyperfine result of one size: the fast tools and, when it was run, check-jsonschema."""
    found = []
    for name in ("fast", "cjs"):
        path = raw / f"{size}-{name}.json"
        if path.exists():
            found += json.loads(path.read_text())["results"]
    return found


def ratio(value: float, digits: int) -> str:
    return "—" if value != value else f"{value:.{digits}f}×"


def medians(path: Path) -> dict[str, tuple[float, int]]:
    data = json.loads(path.read_text())
    return {r["command"]: (statistics.median(r["times"]), len(r["times"])) for r in data["results"]}


def fmt_time(seconds: float) -> str:
    if seconds != seconds:  # not measured
        return "not run"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def main() -> None:
    raw, out_md, sizes = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
    rows = []
    for size in sizes:
        fast = medians(raw / f"{size}-fast.json")
        cjs_file = raw / f"{size}-cjs.json"
        cjs = medians(cjs_file) if cjs_file.exists() else {"check-jsonschema": (float("nan"), 0)}
        rss = [int(x) for x in (raw / f"{size}-rss.txt").read_text().split()]
        docs, nbytes = (raw / f"{size}-corpus.txt").read_text().split()
        pb, n_fast = fast["planbook"]
        warm, _ = fast["planbook-warm"]
        rss_warm = [int(x) for x in (raw / f"{size}-rss-warm.txt").read_text().split()]
        cpu = {r["command"]: r["user"] + r["system"]
               for r in json.loads((raw / f"{size}-fast.json").read_text())["results"]}
        ajv, _ = fast["ajv-cli"]
        cat, _ = fast["cat"]
        cj, n_cjs = cjs["check-jsonschema"]
        rows.append({
            "size": size, "docs": int(docs), "mb": int(nbytes) / 1e6, "planbook": pb, "cjs": cj,
            "ajv": ajv, "cat": cat, "vs_cjs": cj / pb, "vs_ajv": ajv / pb, "vs_cat": pb / cat,
            "rss_mb": max(rss) / 1024, "runs": n_fast, "cjs_runs": n_cjs,
            "warm": warm, "warm_vs_cat": warm / cat, "rss_warm_mb": max(rss_warm) / 1024,
            "cpu": cpu["planbook"], "cpu_ajv": cpu["ajv-cli"],
        })

    head = ["size", "docs", "MB", "planbook", "check-jsonschema", "ajv-cli", "cat",
            "cjs ÷ planbook", "ajv ÷ planbook", "planbook ÷ cat", "planbook peak RSS",
            "warm", "warm ÷ cat", "warm peak RSS"]
    table = [head]
    for r in rows:
        table.append([
            r["size"], str(r["docs"]), f"{r['mb']:.1f}", fmt_time(r["planbook"]), fmt_time(r["cjs"]),
            fmt_time(r["ajv"]), fmt_time(r["cat"]), ratio(r["vs_cjs"], 0), f"{r['vs_ajv']:.1f}×",
            f"{r['vs_cat']:.1f}×", f"{r['rss_mb']:.0f} MB",
            fmt_time(r["warm"]), f"{r['warm_vs_cat']:.2f}×", f"{r['rss_warm_mb']:.0f} MB",
        ])

    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    for i, row in enumerate(table):
        print("  ".join(cell.rjust(w) if j else cell.ljust(w) for j, (cell, w) in enumerate(zip(row, widths))))
        if i == 0:
            print("  ".join("-" * w for w in widths))

    checks = []
    for r in rows:
        s = r["size"]
        if r["cjs"] == r["cjs"]:
            checks.append((f"{s}: ≥ {MIN_VS_CJS:.0f}× faster than check-jsonschema", r["vs_cjs"] >= MIN_VS_CJS, f"{r['vs_cjs']:.0f}×"))
        need = MIN_VS_AJV_20K if s == "20k" else MIN_VS_AJV
        label = f"≥ {need:.0f}× faster than ajv-cli" if need > 1 else "faster than ajv-cli"
        checks.append((f"{s}: {label}", r["vs_ajv"] > need if need == 1 else r["vs_ajv"] >= need, f"{r['vs_ajv']:.1f}×"))
        checks.append((f"{s}: cold within {MAX_VS_CAT:.0f}× of cat", r["vs_cat"] <= MAX_VS_CAT, f"{r['vs_cat']:.1f}×"))
        checks.append((f"{s}: warm within {MAX_WARM_VS_CAT:.0f}× of cat", r["warm_vs_cat"] <= MAX_WARM_VS_CAT, f"{r['warm_vs_cat']:.2f}×"))
        if s == "20k":
            checks.append((f"{s}: less CPU time than ajv-cli", r["cpu"] < r["cpu_ajv"], f"{r['cpu']:.2f} s against {r['cpu_ajv']:.2f} s"))
            checks.append((f"{s}: peak RSS < {MAX_RSS_MB_20K:.0f} MB", r["rss_mb"] < MAX_RSS_MB_20K, f"{r['rss_mb']:.0f} MB"))
    print()
    for label, ok, value in checks:
        print(f"  [{'met' if ok else 'MISSED'}] {label}: {value}")

    md = ["# `planbook check` benchmark", ""]
    md += (raw / "env.txt").read_text().splitlines()
    md += ["", "## Results", "",
           "Medians of wall-clock time with the files in the page cache (one warm-up run). "
           "planbook runs the whole check (load, YAML, schemas, rules); check-jsonschema and ajv-cli "
           "only validate the same documents' YAML (front matter already split out) against the same "
           "schemas, one invocation per kind, their times summed over the kinds; `cat` only reads every "
           "file; `warm` is planbook again after one document was edited, with the parse cache of the run "
           "before (the cold runs remove it first). Ratios above 1 mean planbook is faster, except `planbook ÷ cat` (how many times `cat`'s time "
           "planbook takes). Peak RSS is planbook's maximum resident set size (the largest of "
           "several runs).", ""]
    md.append("| " + " | ".join(head) + " |")
    md.append("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|")
    for row in table[1:]:
        md.append("| " + " | ".join(row) + " |")
    md += ["", "Runs per median: " + ", ".join(
        f"{r['size']}: {r['runs']} (planbook, ajv-cli, cat), {r['cjs_runs']} (check-jsonschema)" for r in rows) + ".",
        ""]
    md += ["Spread (min – max over the timed runs):", "",
           "| size | planbook | check-jsonschema | ajv-cli | cat | planbook warm |", "|---|---:|---:|---:|---:|---:|"]
    for size in sizes:
        spread = {}
        spread["check-jsonschema"] = "not run"
        for r in results(raw, size):
            spread[r["command"]] = f"{fmt_time(min(r['times']))} – {fmt_time(max(r['times']))}"
        md.append(f"| {size} | {spread['planbook']} | {spread['check-jsonschema']} | {spread['ajv-cli']} | {spread['cat']} | {spread['planbook-warm']} |")
    md += ["", "CPU time (user + system, mean over the timed runs): less disturbed than wall-clock time "
           "when other work shares the machine; planbook spreads its work over all cores, the peers run on essentially one.", "",
           "| size | planbook | check-jsonschema | ajv-cli | cat | cjs ÷ planbook | ajv ÷ planbook |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    for size in sizes:
        cpu = {"check-jsonschema": float("nan")}
        for r in results(raw, size):
            cpu[r["command"]] = r["user"] + r["system"]
        md.append(f"| {size} | {fmt_time(cpu['planbook'])} | {fmt_time(cpu['check-jsonschema'])} | "
                  f"{fmt_time(cpu['ajv-cli'])} | {fmt_time(cpu['cat'])} | "
                  f"{ratio(cpu['check-jsonschema'] / cpu['planbook'], 0)} | {cpu['ajv-cli'] / cpu['planbook']:.1f}× |")
    warnings = raw / "warnings.txt"
    if warnings.exists():
        md += ["", "Notes:", ""] + warnings.read_text().splitlines()
    md += ["", "## Targets", ""]
    for label, ok, value in checks:
        md.append(f"- {'✅ met' if ok else '❌ missed'}: {label} (measured {value})")
    md.append("")
    out_md.parent.mkdir(parents=True, exist_ok=True)
    out_md.write_text("\n".join(md), encoding="utf-8")


if __name__ == "__main__":
    main()
