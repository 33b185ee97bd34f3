// Phone layout of a built handbook, in headless Chromium (Debian's /usr/bin/chromium, through
// playwright-core). Run by tests/integration/phone.rs as
//
//   node tests/browser/phone.mjs SPEC.json
//
// where SPEC is { "site": DIR, "joined": { "page.html": [[before, after], ...] },
// "shots": DIR (optional: full-page screenshots of every page, for people to look at) }.
// Every .html page of the site is opened from file:// at 390×844 CSS pixels (a phone:
// isMobile, deviceScaleFactor 3), and checked; one line per failure is printed (exit 1 if any):
//   - the page is no wider than the screen (document scrollWidth <= 390), and no visible
//     element reaches past the right edge unless a box that scrolls sideways holds it;
//   - no label is clipped (an ellipsis, or hidden overflow that cuts its text);
//   - no visible text is under 11 CSS pixels: HTML text by its computed font size, SVG <text>
//     by its font size times the SVG's scale on screen;
//   - in "joined": each pair of texts that a soft line break separated in the source reads
//     with no space between them on that page (`before + after`, never `before + " " + after`).
// It prints one summary line: pages, elements measured, smallest text, and pairs found joined.
import { readFileSync, readdirSync, statSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const WIDTH = 390;
const MIN_PX = 11;
const failures = [];
const fail = (msg) => failures.push(msg);

function pages(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "assets") out.push(...pages(path));
    } else if (name.endsWith(".html")) {
      out.push(path);
    }
  }
  return out.sort();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({
  viewport: { width: WIDTH, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 3,
});
const page = await context.newPage();
page.on("pageerror", (e) => fail(`${page.url()}: page error: ${e.message}`));

let measured = 0;
let smallest = Infinity;
let joinedFound = 0;
const all = pages(spec.site);
if (spec.shots) mkdirSync(spec.shots, { recursive: true });
for (const file of all) {
  const rel = relative(spec.site, file).split("\\").join("/");
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  const report = await page.evaluate(({ WIDTH, MIN_PX }) => {
    const out = { wide: [], small: [], clipped: [], scrollWidth: document.documentElement.scrollWidth, measured: 0, smallest: Infinity };
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) return false;
      for (let e = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.visibility === "hidden" || s.display === "none" || s.opacity === "0") return false;
        if (e.classList && (e.classList.contains("visually-hidden") || e.classList.contains("skip-link"))) return false;
      }
      return true;
    };
    // Inside a box that scrolls (or clips) sideways: its overflow is not the page's.
    const scrolled = (el) => {
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
        const x = getComputedStyle(e).overflowX;
        if (x === "auto" || x === "scroll" || x === "hidden" || x === "clip") return true;
      }
      return false;
    };
    const name = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") +
      (typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "") +
      ` "${(el.textContent || "").trim().slice(0, 30)}"`;
    for (const el of document.body.querySelectorAll("*")) {
      if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
      const r = el.getBoundingClientRect();
      if (r.right > WIDTH + 0.5 && r.width > 0 && r.height > 0 && !scrolled(el) && visible(el)) {
        out.wide.push(`${name(el)} reaches ${Math.round(r.right)}px`);
      }
    }
    // HTML text: every element with a text node of its own.
    for (const el of document.body.querySelectorAll("*")) {
      if (el.closest("svg")) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || !visible(el)) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      out.measured++;
      out.smallest = Math.min(out.smallest, px);
      if (px < MIN_PX - 0.01) out.small.push(`${name(el)} ${px.toFixed(1)}px`);
    }
    // Labels are never clipped: no ellipsis, no hidden overflow cutting a text off.
    for (const el of document.body.querySelectorAll("*")) {
      if (el.closest("svg")) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || !visible(el)) continue;
      const s = getComputedStyle(el);
      const clips = s.textOverflow === "ellipsis" || ["hidden", "clip"].includes(s.overflowX);
      if (clips && el.scrollWidth > el.clientWidth + 1) out.clipped.push(name(el));
    }
    // SVG text: font size in user units times the scale of the SVG on screen.
    for (const el of document.querySelectorAll("svg text")) {
      if (!el.textContent.trim() || !visible(el)) continue;
      const m = el.getScreenCTM();
      if (!m) continue;
      const scale = Math.sqrt(m.a * m.a + m.b * m.b);
      const px = parseFloat(getComputedStyle(el).fontSize) * scale;
      out.measured++;
      out.smallest = Math.min(out.smallest, px);
      if (px < MIN_PX - 0.01) out.small.push(`svg ${name(el)} ${px.toFixed(1)}px`);
    }
    return out;
  }, { WIDTH, MIN_PX });
  measured += report.measured;
  smallest = Math.min(smallest, report.smallest);
  if (report.scrollWidth > WIDTH) fail(`${rel}: the page is ${report.scrollWidth}px wide`);
  for (const w of report.wide.slice(0, 5)) fail(`${rel}: ${w}`);
  for (const s of report.small.slice(0, 5)) fail(`${rel}: text under ${MIN_PX}px: ${s}`);
  for (const c of report.clipped.slice(0, 5)) fail(`${rel}: a label is clipped: ${c}`);
  const pairs = (spec.joined || {})[rel] || [];
  if (pairs.length) {
    const text = await page.evaluate(() => document.querySelector("main").innerText);
    for (const [before, after] of pairs) {
      if (text.includes(`${before} ${after}`)) fail(`${rel}: a soft break reads as a space: "${before} ${after}"`);
      if (text.includes(before + after)) joinedFound++;
    }
  }
  if (spec.shots) {
    await page.screenshot({ path: join(spec.shots, rel.replace(/\//g, "__") + ".png"), fullPage: true });
  }
}
await browser.close();

const wanted = Object.values(spec.joined || {}).reduce((n, p) => n + p.length, 0);
if (wanted && joinedFound === 0) fail(`none of the ${wanted} soft-break pairs was found joined`);
if (all.length === 0) fail("no pages");
console.log(`phone: ${all.length} pages, ${measured} texts measured, smallest ${smallest.toFixed(1)}px, ` +
  `${joinedFound}/${wanted} soft-break pairs joined`);
for (const f of failures) console.log(f);
process.exit(failures.length ? 1 : 0);
