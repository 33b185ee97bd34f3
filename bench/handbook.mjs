// Browser half of bench/handbook.sh: times a built handbook in headless Chromium (Debian's
// /usr/bin/chromium, through the playwright-core of tests/browser/node_modules).
//
//   node bench/handbook.mjs SITE LARGEST_PAGE
//
// Prints one JSON object: first contentful paint (ms, opened from file://, a fresh browser
// context each, best of RUNS) of the home page, LARGEST_PAGE and the search page; and for a
// name that several people share and for a region's name (both taken from the index): the
// time from opening search.html?q= to its results, and from typing the query into a search
// page just opened to its results. Works with the handbook before the chunked index too
// (window.PLANBOOK_SEARCH an array; `open` is then the time until the page's load event).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { chromium } from "../tests/browser/node_modules/playwright-core/index.mjs";

const [site, largest] = process.argv.slice(2);
const RUNS = Number(process.env.RUNS || 3);
const base = pathToFileURL(site).href.replace(/\/?$/, "/");

// The queries: the commonest person's name, and a region's name, from the index itself.
function queries() {
  const sandbox = { window: {} };
  vm.runInNewContext(readFileSync(join(site, "search-index.js"), "utf8"), sandbox);
  const index = sandbox.window.PLANBOOK_SEARCH;
  if (Array.isArray(index)) {
    const names = {};
    for (const e of index) if (/^people\//.test(e.url)) names[e.title] = (names[e.title] || 0) + 1;
    const name = Object.keys(names).sort((a, b) => names[b] - names[a])[0] || "王";
    return [name, "郑州"];
  }
  const records = [];
  sandbox.window.PLANBOOK_SEARCH_CHUNK = (n, rows) => records.push(...rows);
  for (const chunk of index.chunks) {
    vm.runInNewContext(readFileSync(join(site, chunk.split("?")[0]), "utf8"), sandbox);
  }
  const names = {};
  for (const r of records) if (r[4] >= 0) names[r[1]] = (names[r[1]] || 0) + 1;
  const name = Object.keys(names).sort((a, b) => names[b] - names[a])[0] || "王";
  return [name, (index.regions[0] || { name: "郑州" }).name];
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

async function paint(url) {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load", timeout: 120000 });
    const fcp = await page.evaluate(() => new Promise((resolve) => {
      const seen = performance.getEntriesByName("first-contentful-paint")[0];
      if (seen) { resolve(seen.startTime); return; }
      new PerformanceObserver((list) => resolve(list.getEntries()[0].startTime)).observe({ type: "paint", buffered: true });
      setTimeout(() => resolve(NaN), 10000);
    }));
    best = Math.min(best, fcp);
    await context.close();
  }
  return Math.round(best);
}

// Milliseconds from putting `query` in the field to its results on the page.
function typed(page, query) {
  return page.evaluate(async (q) => {
    const input = document.getElementById("pb-search-input");
    const list = document.getElementById("pb-search-results");
    const chunked = !Array.isArray(window.PLANBOOK_SEARCH);
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((resolve) => {
      const done = () => (chunked ? list.getAttribute("data-query") === q : list.children.length > 0);
      const poll = () => (done() ? resolve() : setTimeout(poll, 1));
      poll();
    });
    return { ms: performance.now() - t0, status: document.getElementById("pb-search-status").textContent };
  }, query);
}

// `open`: search.html?q=QUERY from opening to its results (the index loaded on the way; the
// header form's path); `typed`: typed into a search page just opened.
async function search(query) {
  let open = Infinity, typedMs = Infinity, status = "";
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${base}search.html?q=${encodeURIComponent(query)}`, { waitUntil: "load", timeout: 120000 });
    const at = await page.evaluate(async (q) => {
      const list = document.getElementById("pb-search-results");
      if (Array.isArray(window.PLANBOOK_SEARCH)) return NaN;
      while (list.getAttribute("data-query") !== q) await new Promise((r) => setTimeout(r, 1));
      return Number(list.getAttribute("data-at"));
    }, query);
    open = Math.min(open, Number.isNaN(at) ? Date.now() - t0 : at);
    await page.goto(`${base}search.html`, { waitUntil: "load", timeout: 120000 });
    const first = await typed(page, query);
    typedMs = Math.min(typedMs, first.ms);
    status = first.status;
    await context.close();
  }
  return { query, open: Math.round(open), typed: Math.round(typedMs), status };
}

try {
  const [name, region] = queries();
  const out = {
    fcp: {
      home: await paint(`${base}index.html`),
      largest: await paint(`${base}${largest}`),
      search: await paint(`${base}search.html`),
    },
    name: await search(name),
    region: await search(region),
  };
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
