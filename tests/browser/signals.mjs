// Over/under signalling and chart legends in a real browser. Run by
// tests/integration/signals.rs as
//
//   node tests/browser/signals.mjs SPEC.json
//
// where SPEC is { "pages": [FILE, ...], "overspent": [FILE, ...] }: built handbook pages,
// opened from file://. Checks, printing one line per failure (exit 1 if any):
//   - no SVG <text> of a chart reaches outside its SVG's viewBox (getBBox against viewBox);
//   - every chart (figure.chart) has a legend with at least one visible entry, and every SVG
//     has role="img" and a <title>;
//   - on the "overspent" pages, some rows are marked over, each shows a visible sign
//     character, and in the page rendered in greyscale (filter: grayscale(1)) the sign and
//     the words of an over row still differ from those of an under row.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const failures = [];
const fail = (msg) => failures.push(msg);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

try {
  for (const width of [1100, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    for (const file of spec.pages) {
      await page.goto(pathToFileURL(file).href);
      const found = await page.evaluate(() => {
        const out = [];
        const svgs = [...document.querySelectorAll("svg")];
        for (const svg of svgs) {
          if (svg.getAttribute("role") !== "img") out.push("an svg without role=img");
          if (!svg.querySelector("title")?.textContent.trim()) out.push("an svg without a title");
          const vb = svg.viewBox.baseVal;
          for (const t of svg.querySelectorAll("text")) {
            const b = t.getBBox();
            const slack = 0.5;
            if (b.x < vb.x - slack || b.y < vb.y - slack || b.x + b.width > vb.x + vb.width + slack
                || b.y + b.height > vb.y + vb.height + slack) {
              out.push(`text "${t.textContent}" at ${b.x.toFixed(1)},${b.y.toFixed(1)} `
                + `${b.width.toFixed(1)}×${b.height.toFixed(1)} outside viewBox `
                + `${vb.x} ${vb.y} ${vb.width} ${vb.height}`);
            }
          }
        }
        const charts = [...document.querySelectorAll("figure.chart")];
        if (!charts.length) out.push("no chart");
        for (const fig of charts) {
          const items = [...fig.querySelectorAll(".chart-legend li")]
            .filter((li) => li.getBoundingClientRect().width > 0 && li.textContent.trim());
          if (!items.length) out.push(`chart "${fig.querySelector("title")?.textContent}" has no legend`);
        }
        return out;
      });
      for (const f of found) fail(`${file} @${width}px: ${f}`);
    }
    await page.close();
  }

  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  for (const file of spec.overspent) {
    await page.goto(pathToFileURL(file).href);
    // Through the CSSOM: the handbook's CSP forbids inline style sheets.
    await page.evaluate(() => document.documentElement.style.setProperty("filter", "grayscale(1)"));
    const found = await page.evaluate(() => {
      const out = [];
      const visible = (el) => {
        if (!el) return false;
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return s.visibility === "visible" && s.display !== "none" && r.width > 0 && r.height > 0
          && Number(s.opacity) > 0;
      };
      const over = [...document.querySelectorAll("tr.sig-row-over")];
      const under = [...document.querySelectorAll("tr.sig-row-under")];
      if (!over.length) out.push("no row is marked over");
      if (!under.length) out.push("no row is marked under");
      for (const tr of over) {
        const sign = tr.querySelector(".sig-sign");
        if (!visible(sign) || !/[▲]/.test(sign.textContent)) {
          out.push(`over row "${tr.querySelector("th")?.textContent.trim()}" shows no sign`);
        }
        const words = tr.querySelector(".sig-words");
        if (!visible(words) || !words.textContent.trim()) {
          out.push(`over row "${tr.querySelector("th")?.textContent.trim()}" shows no words`);
        }
      }
      const read = (tr) => {
        const s = tr?.querySelector(".sig");
        return s ? `${s.querySelector(".sig-sign")?.textContent}|${s.querySelector(".sig-words")?.textContent}` : "";
      };
      if (over.length && under.length && read(over[0]) === read(under[0])) {
        out.push(`over and under read the same in greyscale: ${read(over[0])}`);
      }
      if (getComputedStyle(document.documentElement).filter.indexOf("grayscale") < 0) {
        out.push("the page is not in greyscale");
      }
      return out;
    });
    for (const f of found) fail(`${file}: ${f}`);
  }
} finally {
  await browser.close();
}

for (const f of failures) console.log(f);
console.log(`${spec.pages.length} pages checked, ${failures.length} failures`);
process.exit(failures.length ? 1 : 0);
