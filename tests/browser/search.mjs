// Search at scale in headless Chromium (Debian's /usr/bin/chromium, through playwright-core).
// Run by tests/integration/search_scale.rs as
//
//   node tests/browser/search.mjs SPEC.json
//
// where SPEC is { "site": DIR, "status": REGEX, "budget_ms": N,
//   "queries": [{ "query": Q, "min": N, "titles": [T, ...], "metas": [M, ...] }, ...] }:
// for each query typed into the search page, at least `min` results (as the status counts
// them; the first 50 are shown), the first results'
// titles are `titles` in order, and each of `metas` is the line under some result (post ·
// region · unit, or unit · period). Both over HTTP and from file://, each query opened as
// search.html?q= (the chunks load on the way) and typed into a page just opened. Also: real
// keystrokes find the first query, Down moves to the first result, the header form leads to
// the results; the status matches `status`; no console or page errors; the time from typing
// to results is under budget_ms. Prints `TIMING base open|typed query ms`, `TEXT json`
// (every text shown in results, for the caller's language checks) and `FAIL why` lines;
// exits 1 on a failure.
import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { join, extname } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const failures = [];
const fail = (msg) => { failures.push(msg); console.log(`FAIL ${msg}`); };
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml" };

function serve(dir) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    if (url.pathname === "/favicon.ico") { res.writeHead(204).end(); return; }
    let rel;
    try { rel = decodeURIComponent(url.pathname.slice(1)); } catch { res.writeHead(400).end(); return; }
    if (rel.split("/").includes("..")) { res.writeHead(400).end(); return; }
    const file = join(dir, rel || "index.html");
    try {
      if (!statSync(file).isFile()) throw new Error("not a file");
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream" }).end(readFileSync(file));
    } catch { res.writeHead(404).end(); }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// Types `query` into the field (as an input event) and waits for its results; returns the
// milliseconds between the two, measured in the page.
function timeQuery(page, query) {
  return page.evaluate(async (q) => {
    const input = document.getElementById("pb-search-input");
    const list = document.getElementById("pb-search-results");
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((resolve, reject) => {
      const give = setTimeout(() => reject(new Error(`no results for ${q} in 20 s`)), 20000);
      const check = () => {
        if (list.getAttribute("data-query") === q) { clearTimeout(give); resolve(); } else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - t0;
  }, query);
}

function results(page) {
  return page.$$eval("#pb-search-results li", (lis) => lis.map((li) => ({
    title: li.querySelector("a").textContent,
    href: li.querySelector("a").getAttribute("href"),
    kind: (li.querySelector(".kind") || {}).textContent || "",
    meta: (li.querySelector(".search-meta") || {}).textContent || "",
  })));
}

// The number the status sentence gives (results beyond the first page are behind a button).
function check(label, q, found, status) {
  const count = Number(status.replace(/[^0-9]/g, ""));
  if (!(count >= (q.min || 1)) || found.length < Math.min(count, 50)) fail(`${label} ${q.query}: ${count} results (${found.length} shown), expected at least ${q.min || 1}`);
  (q.titles || []).forEach((t, i) => {
    if (!found[i] || found[i].title !== t) fail(`${label} ${q.query}: result ${i + 1} is ${JSON.stringify(found[i])}, expected ${t}`);
  });
  for (const m of q.metas || []) {
    // The meta line reads post · region · unit, then a person's id.
    if (!found.some((r) => r.meta === m || r.meta.startsWith(m + " · "))) fail(`${label} ${q.query}: no result reads ${JSON.stringify(m)}; got ${JSON.stringify(found.slice(0, 8).map((r) => r.meta))}`);
  }
  if (spec.status && !new RegExp(spec.status).test(status)) fail(`${label} ${q.query}: status ${JSON.stringify(status)}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
let server;
try {
  server = await serve(spec.site);
  const http = `http://127.0.0.1:${server.address().port}/`;
  const file = pathToFileURL(spec.site).href.replace(/\/?$/, "/");
  for (const [label, base] of [["http", http], ["file", file]]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("response", (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
    const texts = [];
    for (const q of spec.queries) {
      // Opened with the query (as the header form does): from opening to the results, the
      // index's chunks loaded on the way.
      await page.goto(`${base}search.html?q=${encodeURIComponent(q.query)}`);
      await page.waitForSelector(`#pb-search-results[data-query="${q.query}"]`, { timeout: 20000 })
        .catch(() => fail(`${label} search.html?q=${q.query}: no results`));
      const opened = Number(await page.getAttribute("#pb-search-results", "data-at"));
      console.log(`TIMING ${label} open ${q.query} ${opened}`);
      check(`${label} opened`, q, await results(page), (await page.textContent("#pb-search-status")).trim());
      // Typed into the page just opened.
      await page.goto(`${base}search.html`);
      const typed = await timeQuery(page, q.query);
      console.log(`TIMING ${label} typed ${q.query} ${typed.toFixed(1)}`);
      if (spec.budget_ms && typed > spec.budget_ms) fail(`${label} ${q.query}: ${typed.toFixed(0)} ms to results, budget ${spec.budget_ms}`);
      const found = await results(page);
      const status = (await page.textContent("#pb-search-status")).trim();
      check(label, q, found, status);
      texts.push(status, ...found.flatMap((r) => [r.title, r.kind, r.meta]));
    }
    // The reader's own keystrokes, and the keyboard into the results.
    const first = spec.queries[0];
    await page.goto(`${base}search.html`);
    await page.keyboard.type(first.query);
    await page.waitForSelector(`#pb-search-results[data-query="${first.query}"] li`, { timeout: 20000 })
      .catch(() => fail(`${label} typing ${first.query}: no results`));
    check(`${label} typed`, first, await results(page), (await page.textContent("#pb-search-status")).trim());
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.closest("#pb-search-results") !== null);
    if (!focused) fail(`${label}: Down from the field does not reach the first result`);
    // The header form of another page leads to the same results.
    await page.goto(`${base}index.html`);
    await page.fill("#pb-q", first.query);
    await Promise.all([page.waitForURL(/search\.html/), page.press("#pb-q", "Enter")]);
    await page.waitForSelector("#pb-search-results li", { timeout: 20000 }).catch(() => {});
    check(`${label} header form`, first, await results(page), (await page.textContent("#pb-search-status")).trim());
    for (const e of errors) fail(`${label}: ${e}`);
    console.log(`TEXT ${JSON.stringify(texts)}`);
    await context.close();
  }
} catch (e) {
  fail(`error: ${e.stack || e}`);
} finally {
  if (server) server.close();
  await browser.close();
}
process.exit(failures.length ? 1 : 0);
