#!/usr/bin/env python3
"""A roster of N people, twice: `clean/`, where everyone reports to someone on it, and
`dangling/`, where every third `reports_to` names nobody (issue 13's case of many unknown
references, each of which asks for a did-you-mean suggestion).

    python3 bench/gen_dangling.py OUT [--people 20000]
"""
import argparse
import os
import random

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--people", type=int, default=20000)
args = parser.parse_args()
random.seed(7)
alphabet = "abcdefghijkmnpqrstuvwxyz0123456789"
ids = set()
while len(ids) < args.people:
    ids.add("".join(random.choice(alphabet) for _ in range(4)))
ids = sorted(ids)
for variant in ["clean", "dangling"]:
    folder = os.path.join(args.out, variant)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "planbook.yaml"), "w") as f:
        f.write("name: 测试\nlocale: zh-CN\nunits:\n  - { id: u, name: 单位 }\n")
        f.write("max_management_levels: 1000\n")
    lines = ["kind: roster", "unit: u", "as_of: 2026-12-01", "posts:",
             f"  - {{ id: s, title: 员工, establishment: {args.people} }}", "people:"]
    for i, person in enumerate(ids):
        if i == 0:
            lines.append(f'  - {{ id: "{person}", name: 人{i}, post: s }}')
            continue
        boss = ids[random.randrange(0, i)]
        if variant == "dangling" and i % 3 == 0:
            boss = f"{boss}x{i}"
        lines.append(f'  - {{ id: "{person}", name: 人{i}, post: s, reports_to: "{boss}" }}')
    with open(os.path.join(folder, "roster.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")
