#!/usr/bin/env python3
"""Replays an editing session against `planbook lsp` over stdio and times it, as an editor sees
it. Python 3 standard library only; run by bench/lsp.sh (see there), or by hand:

    python3 bench/lsp_replay.py --bin target/release/planbook --root bench/corpus/5k \
        --unit huazhong/zhengzhou --period 2026-10 --keystrokes 200 --json out.json

What it does and times (wall clock in this process, from writing a message to reading the
answer):

  startup     `initialize` answered, then the first request after `initialized` answered (the
              server loads the repository through the parse cache and checks it whole before it
              reads the next message), with the parse cache as the caller left it (cold/warm)
  keystrokes  the unit's budget, plan, review and roster opened; then KEYSTROKES single-key
              `didChange` edits with a range, typed 50 ms apart: a budget line's amount retyped
              digit by digit (a section's subtotal stops and starts to add up), a review's
              author id broken and fixed (a person of another document), a post id in a budget
              breakdown broken and fixed, Chinese typed into a plan's note (nothing changes).
              Per keystroke: `publish` = didChange to the publishDiagnostics of that version of
              the file (when its diagnostics change), `recheck` = didChange to the answer of a
              request sent right after it that the server answers at once (hover in a file
              outside every repository: the server handles messages in order, so this is the
              re-check's time), `symbols` = the same to a `textDocument/documentSymbol` request
              of the edited file sent after that (what an editor asks after a change)
  full pass   after a keystroke the editor is idle: the server runs the full pass after 300 ms.
              An edit that only the full pass can see (a roster takes a person id of another
              unit's roster: roster.duplicate-person) is typed and the time from the answer to
              the keystroke's request to the publishDiagnostics with the duplicate, minus the
              300 ms idle, is the full pass (and its publication)
  worst       a keystroke typed 10 ms after the full pass started (310 ms idle): its `recheck`
              time
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import queue
from pathlib import Path

IDLE = 0.300  # src/lsp/mod.rs IDLE


class Server:
    def __init__(self, binary, root, env):
        self.proc = subprocess.Popen(
            [binary, "lsp"], cwd=root, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.inbox = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put((time.perf_counter(), None))
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = out.read(length)
            self.inbox.put((time.perf_counter(), json.loads(body)))

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return time.perf_counter()

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        t = self.send({"id": rid, "method": method, "params": params})
        return rid, t

    def notify(self, method, params):
        return self.send({"method": method, "params": params})

    def wait(self, accept, timeout=120):
        """Messages until one `accept` takes; returns (time, message) and what came before."""
        seen = []
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError("no answer from planbook lsp")
            at, msg = self.inbox.get(timeout=left)
            if msg is None:
                raise RuntimeError("planbook lsp exited")
            if "id" in msg and "method" in msg:  # a request of the server's: answer it
                self.send({"id": msg["id"], "result": None})
                continue
            seen.append((at, msg))
            if accept(msg):
                return at, msg, seen

    def response(self, rid):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m)

    def stop(self):
        rid, _ = self.request("shutdown", None)
        self.response(rid)
        self.notify("exit", None)
        self.proc.wait(timeout=30)


def utf16(s):
    return len(s.encode("utf-16-le")) // 2


def position(text, offset):
    """The LSP position (UTF-16) of character offset `offset` in `text`."""
    before = text[:offset]
    line = before.count("\n")
    col = utf16(before[before.rfind("\n") + 1:])
    return {"line": line, "character": col}


class Doc:
    def __init__(self, root, rel):
        self.path = Path(root, rel).resolve()
        self.uri = self.path.as_uri()
        self.text = self.path.read_text(encoding="utf-8")
        self.version = 1

    def edit(self, start, end, new):
        """Replaces characters start..end with `new`; returns the didChange params."""
        change = {"range": {"start": position(self.text, start), "end": position(self.text, end)},
                  "text": new}
        self.text = self.text[:start] + new + self.text[end:]
        self.version += 1
        return {"textDocument": {"uri": self.uri, "version": self.version},
                "contentChanges": [change]}


def find(doc, pattern, group=0):
    m = re.search(pattern, doc.text, re.M)
    if not m:
        sys.exit(f"lsp_replay: no /{pattern}/ in {doc.path}")
    return m.start(group), m.end(group)


def scripts(docs):
    """Endless keystroke scripts: each yields (doc, start, end, new) one keystroke at a time."""
    budget, plan, review = docs["budget"], docs["plan"], docs["review"]
    figures = ["2350", "1140", "987", "1140", "41250", "1140"]
    i = 0
    while True:
        # A budget line's amount retyped digit by digit: select it, type the digits.
        s, e = find(budget, r"^    amount: (\d+(\.\d+)?)$", 1)
        figure = figures[i % len(figures)]
        yield budget, s, e, figure[0]
        for k in range(1, len(figure)):
            yield budget, s + k, s + k, figure[k]
        # The review's author broken (a person nobody is) and fixed.
        s, e = find(review, r"^author: (p\d+)", 1)
        yield review, e, e, "9"
        yield review, e, e + 1, ""
        # A breakdown's post broken and fixed.
        s, e = find(budget, r"post: (\w[\w-]*) \}", 1)
        yield budget, e, e, "x"
        yield budget, e, e + 1, ""
        # Chinese typed into a note of the plan, then removed again.
        s, e = find(plan, r"^(title: .*)$", 1)
        for k, ch in enumerate("本月重点"):
            yield plan, e + k, e + k, ch
        yield plan, e, e + 4, ""
        i += 1


def stats(xs):
    xs = sorted(xs)
    if not xs:
        return {"n": 0}
    p95 = xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]
    return {"n": len(xs), "median": statistics.median(xs), "p95": p95, "max": xs[-1],
            "min": xs[0]}


def ms(x):
    return round(x * 1000, 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--unit", default="huazhong/zhengzhou", help="folder of the unit edited")
    ap.add_argument("--period", default="2026-10")
    ap.add_argument("--keystrokes", type=int, default=200)
    ap.add_argument("--interval", type=float, default=0.05, help="seconds between keystrokes")
    ap.add_argument("--full", type=int, default=5, help="full passes and worst keystrokes timed")
    ap.add_argument("--cache", help="PLANBOOK_CACHE_DIR for the server")
    ap.add_argument("--json", help="write the raw timings here")
    args = ap.parse_args()

    root = Path(args.root).resolve()
    env = dict(os.environ)
    if args.cache:
        env["PLANBOOK_CACHE_DIR"] = args.cache
    result = {"root": str(root), "unit": args.unit}
    outside = Path("/nonexistent-planbook-bench/x.yaml").as_uri()

    t0 = time.perf_counter()
    server = Server(str(Path(args.bin).resolve()), root, env)
    rid, _ = server.request("initialize", {
        "processId": os.getpid(), "rootUri": root.as_uri(),
        "workspaceFolders": [{"uri": root.as_uri(), "name": "bench"}],
        "capabilities": {"general": {"positionEncodings": ["utf-16"]},
                         "textDocument": {"publishDiagnostics": {"versionSupport": True},
                                          "documentSymbol": {
                                              "hierarchicalDocumentSymbolSupport": True}}}})
    t_init, _, _ = server.response(rid)
    server.notify("initialized", {})
    rid, _ = server.request("textDocument/hover", {
        "textDocument": {"uri": outside}, "position": {"line": 0, "character": 0}})
    t_ready, _, seen = server.response(rid)
    published = sum(1 for _, m in seen if m.get("method") == "textDocument/publishDiagnostics")
    result["startup"] = {"initialize_ms": ms(t_init - t0), "ready_ms": ms(t_ready - t0),
                         "files_published": published}

    unit = args.unit
    docs = {
        "budget": Doc(root, f"{unit}/{args.period}.budget.yaml"),
        "plan": Doc(root, f"{unit}/{args.period}.plan.md"),
        "review": Doc(root, f"{unit}/{args.period}.review.md"),
        "roster": Doc(root, f"{unit}/roster.yaml"),
    }
    for d in docs.values():
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": d.uri, "languageId": "yaml", "version": d.version, "text": d.text}})
    rid, _ = server.request("textDocument/hover", {
        "textDocument": {"uri": outside}, "position": {"line": 0, "character": 0}})
    server.response(rid)

    def keystroke(doc, s, e, new):
        """Types one key; returns (publish, recheck, symbols) seconds (publish may be None)."""
        t = server.notify("textDocument/didChange", doc.edit(s, e, new))
        r1, _ = server.request("textDocument/hover", {
            "textDocument": {"uri": outside}, "position": {"line": 0, "character": 0}})
        r2, _ = server.request("textDocument/documentSymbol", {"textDocument": {"uri": doc.uri}})
        t1, _, seen1 = server.response(r1)
        t2, _, _ = server.response(r2)
        pub = None
        for at, m in seen1:
            p = m.get("params", {})
            if (m.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == doc.uri
                    and p.get("version") == doc.version):
                pub = at - t
        return pub, t1 - t, t2 - t, t2

    publish, recheck, symbols = [], [], []
    gen = scripts(docs)
    last = time.perf_counter()
    for _ in range(args.keystrokes):
        doc, s, e, new = next(gen)
        wait = last + args.interval - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        last = time.perf_counter()
        pub, rc, sym, _ = keystroke(doc, s, e, new)
        if pub is not None:
            publish.append(pub)
        recheck.append(rc)
        symbols.append(sym)
    result["keystrokes"] = {
        "publish": {k: ms(v) if k != "n" else v for k, v in stats(publish).items()},
        "recheck": {k: ms(v) if k != "n" else v for k, v in stats(recheck).items()},
        "symbols": {k: ms(v) if k != "n" else v for k, v in stats(symbols).items()},
    }

    # The full pass: a roster takes the id of a person on an earlier roster.
    roster = docs["roster"]
    mine = Path(roster.path)
    earlier = sorted(p for p in root.rglob("roster.yaml") if p.resolve() < mine)
    if not earlier:
        sys.exit("lsp_replay: no roster sorts before the edited one")
    other = re.search(r"^  - id: (p\d+)", earlier[-1].read_text(encoding="utf-8"), re.M)
    s, e = find(roster, r"^people:\n  - id: (p\d+)", 1)
    own = roster.text[s:e]
    full, worst = [], []
    for i in range(args.full):
        time.sleep(0.5)
        _, _, _, answered = keystroke(roster, s, s + len(roster.text[s:e]), other.group(1))
        at, msg, _ = server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                 and m["params"]["uri"] == roster.uri
                                 and any(d.get("code") == "roster.duplicate-person"
                                         for d in m["params"]["diagnostics"]))
        full.append(at - answered - IDLE)
        e = s + len(other.group(1))
        _, _, _, _ = keystroke(roster, s, e, own)
        e = s + len(own)
        # Worst keystroke: typed 10 ms after the full pass started.
        _, _, _, answered = keystroke(*next(gen))
        time.sleep(max(0.0, answered + IDLE + 0.010 - time.perf_counter()))
        _, rc, _, _ = keystroke(*next(gen))
        worst.append(rc)
    result["full_pass"] = {k: ms(v) if k != "n" else v for k, v in stats(full).items()}
    result["worst_keystroke"] = {k: ms(v) if k != "n" else v for k, v in stats(worst).items()}
    server.stop()

    text = json.dumps(result, ensure_ascii=False, indent=1)
    if args.json:
        Path(args.json).write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
