#!/usr/bin/env python3
"""Deterministic generator of a git repository with a long history of planbook documents.

    python3 bench/gen_history.py --commits N OUT_DIR

OUT_DIR becomes a git repository holding planbook.yaml, a roster and 100 monthly budgets.
Each of the N commits edits one budget line (amount and declared total together), by one of
a handful of authors; every 50th commit renames a budget. The repository is written with
`git fast-import`, so 50,000 commits take seconds.
"""
import argparse
import os
import random
import subprocess

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
    parser.add_argument("out")
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
