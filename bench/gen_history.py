#!/usr/bin/env python3
"""Deterministic generator of a git repository with a long history of planbook documents.

    python3 bench/gen_history.py --commits N OUT_DIR
    python3 bench/gen_history.py --docs D --commits N OUT_DIR

Without --docs, OUT_DIR becomes a git repository holding planbook.yaml, a roster and 100
monthly budgets. Each of the N commits edits one budget line (amount and declared total
together), by one of a handful of authors; every 50th commit renames a budget.

With --docs D, the first commit holds the D documents `bench/gen_corpus.py` makes (rosters,
budgets, plans, reviews and pages, about two thirds Markdown with front matter) and each of
the N - 1 others edits one to three of them the way people do: moves money between two budget
lines (totals and limits unchanged), swaps two people's posts, resolves or reopens a plan's
problem, changes a KPI target, adds a sentence to a page; about 3% of the commits move a
document, 2% add a page and 1% delete one.

The repository is written with `git fast-import`, so 50,000 commits take seconds.
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

UNITS = [f"u{i:03}" for i in range(100)]
LINES = [("salary", "工资"), ("rent", "租赁费"), ("travel", "差旅费"), ("phone", "电话费"), ("freight", "运输费"), ("office", "办公费")]
AUTHORS = [("周明远", "zmy@example.com"), ("李娜", ""), ("王磊", "wl@example.com"), ("赵敏", "zm@example.com")]


def budget(unit, amounts):
    lines = "".join(
        f"  - id: {lid}\n    name: {name}\n    category: c{i % 3}\n    amount: {amounts[lid]}\n"
        for i, (lid, name) in enumerate(LINES)
    )
    total = sum(amounts.values())
    return f"kind: budget\nunit: {unit}\nperiod: 2026-12\nlines:\n{lines}total: {total}\n"


def config():
    units = "".join(f"  - {{ id: {u}, name: 单位{u[1:]}, parent: hq }}\n" for u in UNITS)
    return f"name: 基准公司\nlocale: zh-CN\nunits:\n  - {{ id: hq, name: 总部 }}\n{units}"


def blob(data):
    raw = data.encode()
    return f"data {len(raw)}\n".encode() + raw + b"\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--commits", type=int, required=True)
    parser.add_argument("--docs", type=int, help="documents, as bench/gen_corpus.py makes them")
    parser.add_argument("out")
    args = parser.parse_args()
    if args.docs:
        return corpus_history(args.docs, args.commits, args.out)
    rng = random.Random(20261203)
    os.makedirs(args.out, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", args.out], check=True)
    amounts = {u: {lid: rng.randrange(1000, 50000, 100) for lid, _ in LINES} for u in UNITS}
    paths = {u: f"{u[:3]}/{u}/2026-12.budget.yaml" for u in UNITS}
    stream = bytearray()
    when = 1_764_000_000
    for n in range(args.commits):
        name, email = AUTHORS[n % len(AUTHORS)]
        when += 3600
        ops = []
        if n == 0:
            ops.append(b"M 100644 inline planbook.yaml\n" + blob(config()))
            for u in UNITS:
                ops.append(f"M 100644 inline {paths[u]}\n".encode() + blob(budget(u, amounts[u])))
            message = "初始化"
        else:
            u = rng.choice(UNITS)
            lid = rng.choice(LINES)[0]
            amounts[u][lid] += rng.choice([-500, -100, 100, 200, 500])
            amounts[u][lid] = max(amounts[u][lid], 100)
            if n % 50 == 0:
                old = paths[u]
                paths[u] = f"{u[:3]}/{u}/budget-{n}.yaml"
                ops.append(f"D {old}\n".encode())
                message = f"{u} 预算改名并调整 {lid}"
            else:
                message = f"调整 {u} 的 {lid}"
            ops.append(f"M 100644 inline {paths[u]}\n".encode() + blob(budget(u, amounts[u])))
        stream += b"commit refs/heads/main\n"
        stream += f"author {name} <{email}> {when} +0800\ncommitter {name} <{email}> {when} +0800\n".encode()
        stream += blob(message)
        for op in ops:
            stream += op
        stream += b"\n"
    subprocess.run(["git", "fast-import", "--quiet"], cwd=args.out, input=bytes(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=args.out, check=True)


# --docs: a gen_corpus.py repository and commits that edit it.

BUDGET_LINE = re.compile(r"^  - id: (\S+)\n(?:    .*\n)*?    section: (\S+)\n    amount: ([0-9.]+)\n(?!    breakdown)", re.M)
POST = re.compile(r"^    post: (rep|supervisor)$", re.M)
PROBLEM = re.compile(r"^  - title: .*\n    detail: .*\n(    status: resolved\n)?", re.M)
TARGET = re.compile(r"^    target: ([0-9]+)$", re.M)
SENTENCES = ["本月重点是把终端网点一家家做实。", "下月起按新的口径统计。", "请各片区对照执行。", "此条已在例会上说明。"]


def corpus_files(docs):
    """The documents gen_corpus.py makes, as {path: text}."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import gen_corpus  # noqa: E402
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "corpus"
        gen_corpus.generate(docs, out, 20261201)
        return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*")) if p.is_file()}


def edit_budget(rng, text):
    """Moves money between two non-personnel lines of one section: totals and limits hold."""
    lines = [m for m in BUDGET_LINE.finditer(text) if m.group(1) not in ("salary", "bonus", "hospitality", "welfare")]
    by_section = {}
    for m in lines:
        by_section.setdefault(m.group(2), []).append(m)
    pairs = [ms for ms in by_section.values() if len(ms) >= 2]
    if not pairs:
        return None
    a, b = rng.sample(rng.choice(pairs), 2)
    amount_a = float(a.group(3))
    step = min(rng.choice([10, 50, 100, 200]), int(amount_a) - 1)
    if step <= 0:
        return None
    fmt = lambda v: str(int(v)) if v == int(v) else f"{v:.2f}".rstrip("0")
    spans = sorted([(a.start(3), a.end(3), fmt(amount_a - step)), (b.start(3), b.end(3), fmt(float(b.group(3)) + step))], reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text, f"{a.group(1)} 调 {step} 元到 {b.group(1)}"


def edit_roster(rng, text):
    posts = list(POST.finditer(text))
    reps = [m for m in posts if m.group(1) == "rep"]
    sups = [m for m in posts if m.group(1) == "supervisor"]
    if not reps or not sups:
        return None
    a, b = rng.choice(reps), rng.choice(sups)
    for m, new in sorted([(a, "supervisor"), (b, "rep")], key=lambda x: -x[0].start(1)):
        text = text[:m.start(1)] + new + text[m.end(1):]
    return text, "调整岗位"


def edit_plan(rng, text):
    problems = list(PROBLEM.finditer(text))
    targets = list(TARGET.finditer(text))
    if problems and (not targets or rng.random() < 0.5):
        m = rng.choice(problems)
        if m.group(1):
            return text[:m.start(1)] + text[m.end(1):], "问题重新打开"
        return text[:m.end()] + "    status: resolved\n" + text[m.end():], "问题已解决"
    if targets:
        m = rng.choice(targets)
        value = max(1, int(m.group(1)) + rng.choice([-2, -1, 1, 2]))
        return text[:m.start(1)] + str(value) + text[m.end(1):], "调整目标"
    return None


def edit_page(rng, text):
    return text.rstrip("\n") + "\n\n" + rng.choice(SENTENCES) + "\n", "补充说明"


def new_page(n):
    return f"---\ntitle: 第{n}号通知\n---\n\n# 第{n}号通知\n\n{SENTENCES[n % len(SENTENCES)]}\n"


def corpus_history(docs, commits, out):
    rng = random.Random(20261203)
    files = corpus_files(docs)
    paths = sorted(files)
    kinds = {"budget": [], "roster": [], "plan": [], "page": []}
    for p in paths:
        kind = "page" if "/pages/" in p or p.startswith("policies/") else "roster" if p.endswith("roster.yaml") else p.rsplit(".", 2)[-2]
        if kind in kinds:
            kinds[kind].append(p)
    editors = [("budget", edit_budget, 40), ("roster", edit_roster, 15), ("plan", edit_plan, 30), ("page", edit_page, 15)]
    os.makedirs(out, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", out], check=True)
    proc = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=out, stdin=subprocess.PIPE)
    when = 1_764_000_000

    def commit(n, message, ops):
        name, email = AUTHORS[n % len(AUTHORS)]
        head = f"commit refs/heads/main\nauthor {name} <{email}> {when} +0800\ncommitter {name} <{email}> {when} +0800\n"
        proc.stdin.write(head.encode() + blob(message) + b"".join(ops) + b"\n")

    commit(0, "初始化", [f"M 100644 inline {p}\n".encode() + blob(files[p]) for p in paths])
    added = 0
    for n in range(1, commits):
        when += 600
        ops, said = [], []
        roll = rng.random()
        if roll < 0.03:
            kind = rng.choice(["budget", "plan", "page"])
            old = rng.choice(kinds[kind])
            stem, name = old.rsplit("/", 1)
            new = f"{stem}/moved-{n}-{name}"
            files[new] = files.pop(old)
            kinds[kind][kinds[kind].index(old)] = new
            ops += [f"D {old}\n".encode(), f"M 100644 inline {new}\n".encode() + blob(files[new])]
            said.append(f"{name} 改名")
        elif roll < 0.05:
            added += 1
            unit = rng.choice(kinds["roster"]).rsplit("/", 1)[0]
            new = f"{unit}/pages/notice-{n}.md"
            files[new] = new_page(n)
            kinds["page"].append(new)
            ops.append(f"M 100644 inline {new}\n".encode() + blob(files[new]))
            said.append(f"新增第{n}号通知")
        elif roll < 0.06 and len(kinds["page"]) > 1:
            old = kinds["page"].pop(rng.randrange(len(kinds["page"])))
            del files[old]
            ops.append(f"D {old}\n".encode())
            said.append("删除页面")
        else:
            for _ in range(rng.choice([1, 1, 1, 1, 1, 1, 2, 2, 3])):
                kind, editor, _ = rng.choices(editors, weights=[e[2] for e in editors])[0]
                path = rng.choice(kinds[kind])
                edited = editor(rng, files[path])
                if edited is None:
                    continue
                files[path], what = edited
                ops.append(f"M 100644 inline {path}\n".encode() + blob(files[path]))
                said.append(f"{path.rsplit('/', 2)[-2]} {what}")
            if not ops:
                path = rng.choice(kinds["page"])
                files[path], what = edit_page(rng, files[path])
                ops.append(f"M 100644 inline {path}\n".encode() + blob(files[path]))
                said.append(what)
        commit(n, "；".join(said), ops)
    proc.stdin.close()
    if proc.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=out, check=True)


if __name__ == "__main__":
    main()
