// Drives headless Chromium (Debian's /usr/bin/chromium, through playwright-core) over built
// handbooks. Run by tests/integration/build.rs as
//
//   node tests/browser/check.mjs SPEC.json
//
// where SPEC is { "site": DIR, "hostile": DIR, "search": [[query, url-substring], ...],
// "more": [DIR, ...], "status": [regex, regex] } ("more" optional: further handbooks to crawl
// for pages and links; "status" optional: what the search status must read after typing the
// first query, and after typing a query that finds nothing).
// Checks, and prints one line per failure (exit 1 if any):
//   - every page reachable from index.html loads without console errors, page errors or
//     failed requests, served over HTTP under a sub-path and opened from file://;
//   - every internal link leads to a page that exists and every #anchor to an element;
//   - each page has a lang attribute, exactly one h1, scoped table headers and titled charts;
//   - search finds each query's page, from the search page and through the header form;
//   - typed into the search page, a query's status is a sentence in the handbook's language;
//   - no script in the hostile handbook runs, and its DOM holds no script, handler or
//     dangerous URL of its own.
import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { join, extname } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const PREFIX = "/sub/path/";
const failures = [];
const fail = (msg) => failures.push(msg);

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml" };

function serve(dir) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    if (!url.pathname.startsWith(PREFIX)) { res.writeHead(404).end(); return; }
    let rel;
    try { rel = decodeURIComponent(url.pathname.slice(PREFIX.length)); } catch { res.writeHead(400).end(); return; }
    if (rel.split("/").includes("..")) { res.writeHead(400).end(); return; }
    let file = join(dir, rel || "index.html");
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const body = readFileSync(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream" }).end(body);
    } catch { res.writeHead(404).end(); }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// Visits every page reachable from `start`; returns the number of pages.
async function crawl(context, start, base, label) {
  const page = await context.newPage();
  let problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  const seen = new Set([start]);
  const queue = [start];
  const anchors = []; // [from, url with hash]
  const ids = new Map(); // page url -> Set of ids
  while (queue.length) {
    const url = queue.shift();
    problems = [];
    const response = await page.goto(url, { waitUntil: "load" });
    if (response && response.status() >= 400) problems.push(`status ${response.status()}`);
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.getAttribute("lang"),
      h1: document.querySelectorAll("h1").length,
      unscoped: document.querySelectorAll("thead th:not([scope]), tbody th:not([scope])").length,
      untitled: [...document.querySelectorAll("svg")].filter((s) => !s.querySelector("title") || s.getAttribute("role") !== "img").length,
      links: [...document.querySelectorAll("a[href]")].map((a) => a.href),
      ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
      csp: !!document.querySelector('meta[http-equiv="Content-Security-Policy"]'),
    }));
    if (!facts.lang) problems.push("no lang attribute");
    if (facts.h1 !== 1) problems.push(`${facts.h1} h1 elements`);
    if (facts.unscoped) problems.push(`${facts.unscoped} table headers without scope`);
    if (facts.untitled) problems.push(`${facts.untitled} charts without role=img and a title`);
    if (!facts.csp) problems.push("no Content-Security-Policy");
    ids.set(url, new Set(facts.ids));
    for (const p of problems) fail(`${label} ${url}: ${p}`);
    for (const link of facts.links) {
      if (!link.startsWith(base)) continue;
      const [target, hash] = link.split("#");
      if (hash !== undefined && hash !== "") anchors.push([url, target, decodeURIComponent(hash)]);
      const clean = target.split("?")[0];
      if (!seen.has(clean) && clean.endsWith(".html")) { seen.add(clean); queue.push(clean); }
    }
  }
  for (const [from, target, hash] of anchors) {
    const known = ids.get(target);
    if (!known) fail(`${label} ${from}: link to unvisited page ${target}`);
    else if (!known.has(hash)) fail(`${label} ${from}: broken anchor #${hash} on ${target}`);
  }
  await page.close();
  return seen.size;
}

async function search(context, base, label) {
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  for (const [query, expected] of spec.search) {
    await page.goto(`${base}search.html?q=${encodeURIComponent(query)}`);
    const hrefs = await page.$$eval("#pb-search-results a", (as) => as.map((a) => a.getAttribute("href")));
    if (!hrefs.some((h) => decodeURIComponent(h).includes(expected))) {
      fail(`${label} search ${query}: expected a result under ${expected}, got ${JSON.stringify(hrefs)}`);
    }
    const marks = await page.$$eval("#pb-search-results mark", (ms) => ms.map((m) => m.textContent));
    if (!marks.includes(query)) fail(`${label} search ${query}: the snippet does not highlight it`);
  }
  // The header form on any page leads to the results.
  const [query, expected] = spec.search[0];
  await page.goto(`${base}index.html`);
  await page.fill("#pb-q", query);
  await Promise.all([page.waitForURL(/search\.html/), page.press("#pb-q", "Enter")]);
  await page.waitForSelector("#pb-search-results li", { timeout: 5000 }).catch(() => {});
  const hrefs = await page.$$eval("#pb-search-results a", (as) => as.map((a) => a.getAttribute("href")));
  if (!hrefs.some((h) => decodeURIComponent(h).includes(expected))) fail(`${label} header search ${query} found nothing`);
  if (spec.status) {
    // Typed, not passed in the URL: the status the script writes as the reader types.
    const [found, none] = spec.status.map((s) => new RegExp(s));
    await page.goto(`${base}search.html`);
    const status = async (text) => {
      await page.fill("#pb-search-input", text);
      return (await page.textContent("#pb-search-status")).trim();
    };
    const said = await status(query);
    if (!found.test(said)) fail(`${label} search status after typing ${query}: ${JSON.stringify(said)}`);
    const nothing = await status("zzqx-nothing-matches-this");
    if (!none.test(nothing)) fail(`${label} search status for no result: ${JSON.stringify(nothing)}`);
  }
  for (const e of errors) fail(`${label} search page: ${e}`);
  await page.close();
}

async function hostile(context, base) {
  const page = await context.newPage();
  const events = [];
  page.on("dialog", (d) => { events.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on("console", (m) => { if (m.type() === "error") events.push(`console error (a blocked script?): ${m.text()}`); });
  const seen = new Set([`${base}index.html`]);
  const queue = [...seen];
  let pages = 0;
  while (queue.length) {
    const url = queue.shift();
    events.length = 0;
    await page.goto(url, { waitUntil: "load" });
    pages++;
    // Hover and focus everything, in case a handler slipped through.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll("body *")) {
        for (const type of ["mouseover", "focus", "click"]) {
          if (type === "click" && el.closest("a")) continue;
          el.dispatchEvent(new Event(type, { bubbles: true }));
        }
      }
    });
    const state = await page.evaluate(() => ({
      pwned: window.__pwned,
      title: document.title,
      scripts: [...document.scripts].map((s) => s.getAttribute("src") || "inline"),
      handlers: [...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${el.tagName}[${a.name}]`)),
      urls: [...document.querySelectorAll("[href],[src],[action],[data],[srcdoc]")]
        .flatMap((el) => ["href", "src", "action", "data"].map((n) => el.getAttribute(n)).filter(Boolean))
        .filter((u) => /^\s*(javascript|data|vbscript):/i.test(u.replace(/[\s\0-\x1f]/g, ""))),
      bad: document.querySelectorAll("iframe, object, embed, base, meta[http-equiv=refresh], style, body b, body img").length,
      links: [...document.querySelectorAll("a[href]")].map((a) => a.href),
    }));
    const where = `hostile ${url}`;
    if (state.pwned !== undefined) fail(`${where}: script ran (window.__pwned = ${state.pwned})`);
    if (state.title === "PWNED") fail(`${where}: script changed the title`);
    const ours = state.scripts.filter((s) => !/^(\.\.\/)*(assets\/search\.js|search-index\.js)$/.test(s));
    if (ours.length) fail(`${where}: unexpected scripts ${JSON.stringify(ours)}`);
    if (state.handlers.length) fail(`${where}: event handler attributes ${JSON.stringify(state.handlers)}`);
    if (state.urls.length) fail(`${where}: dangerous URLs ${JSON.stringify(state.urls)}`);
    if (state.bad) fail(`${where}: ${state.bad} elements that only user HTML could have made`);
    for (const e of events) fail(`${where}: ${e}`);
    for (const link of state.links) {
      const clean = link.split("#")[0];
      if (clean.startsWith(base) && clean.endsWith(".html") && !seen.has(clean)) { seen.add(clean); queue.push(clean); }
    }
  }
  await page.close();
  return pages;
}

try {
  const context = await browser.newContext({ serviceWorkers: "block", offline: false });
  // Nothing may come from the network: any request outside the local server fails the test.
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith("http://127.0.0.1:") || u.startsWith("file://")) return route.continue();
    fail(`request to the network: ${u}`);
    return route.abort();
  });
  const server = await serve(spec.site);
  const http = `http://127.0.0.1:${server.address().port}${PREFIX}`;
  const httpPages = await crawl(context, `${http}index.html`, http, "http");
  const file = pathToFileURL(spec.site).href + "/";
  const filePages = await crawl(context, `${file}index.html`, file, "file");
  await search(context, http, "http");
  await search(context, file, "file");
  server.close();
  // Further handbooks (awkward page names) are crawled for working pages and links only.
  for (const dir of spec.more || []) {
    const more = await serve(dir);
    const base = `http://127.0.0.1:${more.address().port}${PREFIX}`;
    const overHttp = await crawl(context, `${base}index.html`, base, `http ${dir}`);
    const fileBase = pathToFileURL(dir).href + "/";
    const fromFile = await crawl(context, `${fileBase}index.html`, fileBase, `file ${dir}`);
    console.log(`checked ${overHttp} pages of ${dir}`);
    if (overHttp < 10 || fromFile !== overHttp) fail(`crawl of ${dir} reached ${overHttp} and ${fromFile} pages`);
    more.close();
  }
  let hostilePages = 0;
  if (spec.hostile) {
    const evil = await serve(spec.hostile);
    hostilePages = await hostile(context, `http://127.0.0.1:${evil.address().port}${PREFIX}`);
    evil.close();
  }
  console.log(`checked ${httpPages} pages over http, ${filePages} from file://, ${hostilePages} hostile pages`);
  if (httpPages < 10 || filePages !== httpPages) fail(`crawl reached ${httpPages} (http) and ${filePages} (file) pages`);
} finally {
  await browser.close();
}
for (const f of failures) console.log(`FAIL ${f}`);
process.exit(failures.length ? 1 : 0);
