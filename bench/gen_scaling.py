#!/usr/bin/env python3
"""Writes one hostile data repository for bench/scaling.sh: gen_scaling.py KIND SIZE DIR.

KIND is `chain` (SIZE people, each reporting to the one before), `budget` (one budget of SIZE
lines, with last period's budget and a review of spend), `field` (a plan whose Markdown body
and a budget whose `note` are SIZE MB each) or `nesting` (a plan whose body nests SIZE levels
of block quotes, emphasis, brackets and lists).
"""
import os
import sys

CONFIG = """name: 测试公司
locale: zh-CN
units:
  - { id: henan, name: 河南分公司 }
kpis:
  - { id: units, name: 出货量, unit: 台 }
"""


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


def chain(n):
    people = "".join(
        f"  - {{ id: p{i}, name: 员工{i}, post: rep"
        + (f", reports_to: p{i - 1} }}\n" if i else " }\n")
        for i in range(n)
    )
    posts = "posts:\n  - { id: rep, title: 业务员, establishment: %d }\n" % n
    return {"roster.yaml": f"kind: roster\nunit: henan\n{posts}people:\n{people}"}


def budget(n):
    def lines(scale):
        return "".join(
            f"  - {{ id: l{i}, name: 项目{i}, category: c{i % 7}, amount: {scale * (i % 97 + 1)} }}\n"
            for i in range(n)
        )
    spend = "".join(f"  - {{ line: l{i}, actual: {i % 89 + 1} }}\n" for i in range(n))
    return {
        "2026-11.budget.yaml": f"kind: budget\nunit: henan\nperiod: 2026-11\nlines:\n{lines(1)}",
        "2026-12.budget.yaml": f"kind: budget\nunit: henan\nperiod: 2026-12\nlines:\n{lines(2)}",
        "2026-12.review.yaml": f"kind: review\nunit: henan\nperiod: 2026-12\nspend:\n{spend}",
    }


def field(mb):
    para = "这是一段很长的计划说明，包含 **重点** 和 [链接](https://example.com)。" * 20 + "\n\n"
    body = para * (mb * 1024 * 1024 // len(para.encode()))
    note = "说明" * (mb * 1024 * 1024 // 6)
    return {
        "2026-12.plan.md": f"---\nkind: plan\nunit: henan\nperiod: 2026-12\ntitle: 计划\n---\n{body}",
        "2026-11.budget.yaml": "kind: budget\nunit: henan\nperiod: 2026-11\n"
        f"note: \"{note}\"\nlines:\n  - {{ id: a, name: 项目, amount: 1 }}\n",
    }


def nesting(n):
    body = ("> " * n + "引用\n\n" + "*" * n + "强调" + "*" * n + "\n\n" + "[" * n + "括号" + "]" * n
            + "\n\n" + "- " * n + "项\n" + "1. " * n + "项\n")
    return {"2026-12.plan.md": f"---\nkind: plan\nunit: henan\nperiod: 2026-12\ntitle: 计划\n---\n{body}"}


def main():
    kind, size, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    write(root, "planbook.yaml", CONFIG)
    for path, text in {"chain": chain, "budget": budget, "field": field, "nesting": nesting}[kind](size).items():
        write(root, path, text)


if __name__ == "__main__":
    main()
