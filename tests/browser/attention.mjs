// The attention lists and a parent unit's consolidated page in headless Chromium (Debian's
// /usr/bin/chromium, through playwright-core). Run by tests/integration/attention.rs as
//
//   node tests/browser/attention.mjs SPEC.json
//
// where SPEC is { "sites": [DIR, ...], "pages": [page, ...], "parent": page,
// "children": [page, ...] }. For each site, opened from file://:
//   - on each page the attention list is visible, with at least one item on the home page;
//   - each item shows a sign that is not a colour (▲ ▼ ⚠) and its severity in words, both
//     visible, and a figure or sentence;
//   - each item's link leads to a page that loads and its #anchor to an element there;
//   - the parent's consolidated budget and headcount tables have a row for each child page, and
//     each row's link leads to an existing page and anchor;
//   - no page logs a console error.
// Prints one line per failure (exit 1 if any), then a count of what was checked.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const failures = [];
const fail = (msg) => failures.push(msg);
let checked = 0;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
page.on("pageerror", (e) => errors.push(String(e)));

/** Opens `url`, checks that `#anchor` (if any) is an element there. */
async function lands(url, from) {
  const u = new URL(url);
  const anchor = decodeURIComponent(u.hash.slice(1));
  u.hash = "";
  try {
    await page.goto(u.href);
  } catch (e) {
    fail(`${from}: ${url} does not load (${e.message})`);
    return;
  }
  const title = await page.title();
  if (!title) fail(`${from}: ${url} has no title`);
  if (anchor && (await page.locator(`[id="${anchor}"]`).count()) !== 1) {
    fail(`${from}: ${url}: no element #${anchor}`);
  }
}

for (const site of spec.sites) {
  for (const rel of spec.pages) {
    const url = pathToFileURL(join(site, rel)).href;
    errors.length = 0;
    await page.goto(url);
    const list = page.locator("section.attention");
    if (!(await list.isVisible())) { fail(`${rel}: no visible attention list`); continue; }
    const items = list.locator("li.attention-item");
    const n = await items.count();
    if (rel === "index.html" && n === 0) fail(`${rel}: the fixture's home page lists nothing`);
    const found = [];
    for (let i = 0; i < n; i++) {
      const item = items.nth(i);
      const badge = item.locator(".attention-badge");
      const sign = (await badge.locator(".attention-sign").innerText()).trim();
      if (!["▲", "▼", "⚠"].includes(sign)) fail(`${rel}: item ${i + 1} has no sign (${sign})`);
      if (!(await badge.isVisible())) fail(`${rel}: item ${i + 1}'s severity is not visible`);
      const words = (await badge.innerText()).replace(sign, "").trim();
      if (words.length < 2) fail(`${rel}: item ${i + 1} says its severity by colour only`);
      const link = item.locator("a");
      if ((await link.innerText()).trim().length < 4) fail(`${rel}: item ${i + 1} has no sentence`);
      found.push(await link.evaluate((a) => a.href));
    }
    if (errors.length) fail(`${rel}: console errors: ${errors.join("; ")}`);
    for (const href of found) { await lands(href, rel); checked++; }
  }
  // The parent unit's consolidated tables: a row per child, each drilling down.
  const parent = pathToFileURL(join(site, spec.parent)).href;
  await page.goto(parent);
  for (const key of ["budget", "headcount"]) {
    const table = page.locator(`#consolidated-${key} table.consolidated`).first();
    if (!(await table.isVisible())) { fail(`${spec.parent}: no consolidated ${key} table`); continue; }
    const links = await table.locator("tbody th[scope=row] a").evaluateAll((as) => as.map((a) => a.href));
    for (const child of spec.children) {
      const unit = child.replace(/^units\//, "").replace(/\.html$/, "");
      if (!links.some((h) => h.includes(`/${unit}`) || h.includes(`-${unit}`) || h.includes(`${unit}-`))) {
        fail(`${spec.parent}: the ${key} table has no row linking to ${unit}'s documents`);
      }
    }
    for (const href of links) { await lands(href, `${spec.parent} (${key})`); checked++; await page.goto(parent); }
  }
}
await browser.close();
for (const f of failures) console.log(f);
console.log(`${checked} attention items checked`);
process.exit(failures.length ? 1 : 0);
