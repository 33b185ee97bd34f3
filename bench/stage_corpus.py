#!/usr/bin/env python3
"""Prepare a corpus for the schema-only peers of `planbook check` (not timed).

    python3 bench/stage_corpus.py CORPUS_DIR STAGE_DIR

For every document of CORPUS_DIR (the `.yaml`, `.yml` and `.md` files that planbook reads,
except `planbook.yaml`), writes the YAML that planbook validates against a schema to
STAGE_DIR/<kind>/<path with / turned into __>.yaml: a YAML file as it is, a Markdown file's
front matter split out the way planbook splits it (a first line `---`, up to the next line
`---` or `...`). Grouping by kind lets each validator run use one schema.

One normalisation: a value that is a bare ISO date (`since: 2026-01-05`) is quoted. planbook and
check-jsonschema read such a value as the string the schemas expect, but ajv-cli loads YAML with
js-yaml, whose YAML 1.1 timestamp type turns it into a JavaScript Date that fails
`"type": "string"`. Quoting keeps the meaning and lets both peers accept every document.

Prints how many files of each kind it staged.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

EXTENSIONS = (".yaml", ".yml", ".md", ".markdown")
KIND = re.compile(r"^kind:\s*([A-Za-z-]+)\s*(?:#.*)?$", re.M)
BARE_DATE = re.compile(r"^(\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+)(\d{4}-\d{2}-\d{2})(\s*(?:#.*)?)$", re.M)


def front_matter(text: str) -> str | None:
    """The front matter of a Markdown file, or None when it has none."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "".join(lines[1:i])
    return None


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    corpus, stage = Path(sys.argv[1]), Path(sys.argv[2])
    tmp = stage.with_name(stage.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    counts: dict[str, int] = {}
    for dirpath, dirnames, filenames in os.walk(corpus):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith(EXTENSIONS):
                continue
            path = Path(dirpath) / name
            rel = path.relative_to(corpus)
            if rel == Path("planbook.yaml"):
                continue
            text = path.read_text(encoding="utf-8")
            if name.endswith((".md", ".markdown")):
                yaml = front_matter(text)
                if yaml is None:  # a page without front matter: nothing to validate
                    continue
            else:
                yaml = text
            m = KIND.search(yaml)
            kind = m.group(1) if m else "page"
            out = tmp / kind / (str(rel).replace(os.sep, "__").rsplit(".", 1)[0] + ".yaml")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(BARE_DATE.sub(r'\1"\2"\3', yaml), encoding="utf-8", newline="\n")
            counts[kind] = counts.get(kind, 0) + 1
    if stage.exists():
        shutil.rmtree(stage)
    os.rename(tmp, stage)
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
