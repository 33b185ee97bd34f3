// Drives headless Chromium (Debian's /usr/bin/chromium, through playwright-core) over a large
// handbook built by tests/integration/directory.rs:
//
//   node tests/browser/directory.mjs SPEC.json
//
// where SPEC is { "site": DIR, "roster": "rosters/….html", "largest": "….html" }. Checks, and
// prints one line per failure (exit 1 if any):
//   - the roster page's org chart is a tree of <details> whose top is open and whose deeper
//     levels are closed; a closed one opens and closes again on a click, without script;
//   - the missing-manager group is shown and marked;
//   - the directory's unit filter leads to a page listing only that unit's people, its pager
//     to the next page, and a letter of the index to the row where its names begin;
//   - no page logs a console error;
//   - the first contentful paint of the largest page, opened from file://, is under 1.5 s
//     (printed as "first paint of …: N ms").
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const failures = [];
const fail = (msg) => failures.push(msg);
const url = (rel) => pathToFileURL(join(spec.site, rel)).href;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") fail(`console error on ${page.url()}: ${m.text()}`); });
  page.on("pageerror", (e) => fail(`page error on ${page.url()}: ${e.message}`));

  // The org chart.
  await page.goto(url(spec.roster));
  const tree = await page.evaluate(() => {
    const all = [...document.querySelectorAll(".org-tree details")];
    const depth = (d) => { let n = 0; for (let e = d.parentElement; e; e = e.parentElement) if (e.tagName === "DETAILS") n++; return n; };
    return {
      count: all.length,
      // Missing-manager groups stand closed at the top, marked; people's teams open.
      topOpen: all.filter((d) => depth(d) === 0 && !d.querySelector(":scope > summary > .org-missing")).every((d) => d.open),
      deepClosed: all.filter((d) => depth(d) >= 2).every((d) => !d.open),
      closed: all.filter((d) => !d.open).length,
      missing: document.querySelector(".org-missing")?.textContent ?? "",
    };
  });
  if (tree.count < 10) fail(`the org chart has ${tree.count} <details>`);
  if (!tree.topOpen) fail("a top-level <details> of the org chart is closed");
  if (!tree.deepClosed) fail("a <details> below the second level of the org chart is open");
  if (!tree.missing.includes("ghost")) fail(`no missing-manager group: ${tree.missing}`);
  // A handle, not a locator: once open, the summary no longer matches `:not([open])`.
  const closed = await page.locator(".org-tree details:not([open]) > summary").first().elementHandle();
  await closed.scrollIntoViewIfNeeded();
  const shown = () => closed.evaluate((s) => s.parentElement.querySelector(":scope > ul > li").checkVisibility());
  const visibleBefore = await shown();
  await closed.click();
  const opened = await closed.evaluate((s) => s.parentElement.open);
  const visibleAfter = await shown();
  if (visibleBefore || !opened || !visibleAfter) fail(`a closed team does not open on a click (${visibleBefore}, ${opened}, ${visibleAfter})`);
  await closed.click();
  if (await closed.evaluate((s) => s.parentElement.open) || await shown()) fail("an open team does not close on a click");

  // The directory: a unit filter, its pager, a letter.
  await page.goto(url("people.html"));
  const unitLink = page.locator(".dir-units a").first();
  const unitName = (await unitLink.textContent()).trim();
  await unitLink.click();
  await page.waitForLoadState("load");
  const units = await page.$$eval(".dir-table tbody tr td:first-of-type", (tds) => tds.map((t) => t.textContent.trim()));
  if (units.length === 0) fail(`the filter of ${unitName} lists nobody (${page.url()})`);
  if (units.some((u) => u !== unitName)) fail(`the filter of ${unitName} lists people of other units`);
  const next = page.locator(".dir-pager a").first();
  if (await next.count()) {
    const number = (await next.textContent()).trim();
    await next.click();
    await page.waitForLoadState("load");
    const current = await page.locator(".dir-pager [aria-current=page]").first().textContent();
    if (current.trim() !== number) fail(`the pager led to page ${current}, not ${number}`);
  }
  await page.goto(url("people.html"));
  const letter = page.locator(".dir-letters a").last();
  const label = (await letter.textContent()).trim();
  await letter.click();
  await page.waitForLoadState("load");
  const hash = new URL(page.url()).hash;
  const target = hash && (await page.locator(hash.replace(/[^#\w-]/g, "")).count());
  if (!target) fail(`the letter ${label} leads to ${page.url()}, which has no such row`);

  // The largest page's first paint.
  const fresh = await context.newPage();
  await fresh.goto(url(spec.largest), { waitUntil: "load" });
  const paint = await fresh.evaluate(() => new Promise((done) => {
    new PerformanceObserver((list) => {
      const fcp = list.getEntriesByName("first-contentful-paint")[0];
      if (fcp) done(fcp.startTime);
    }).observe({ type: "paint", buffered: true });
    setTimeout(() => done(-1), 5000);
  }));
  console.log(`first paint of ${spec.largest}: ${Math.round(paint)} ms`);
  if (paint < 0 || paint > 1500) fail(`first paint of ${spec.largest} took ${paint} ms`);
} finally {
  await browser.close();
}
for (const f of failures) console.log(f);
process.exit(failures.length ? 1 : 0);
