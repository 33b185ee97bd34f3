// The trends page's time charts in a real browser (driven by tests/integration/trends_page.rs).
//
// Spec (JSON file named on the command line): { pages: [file paths], gap: "2026-09",
// widths: [1280, 390], min_px: 11 }. For every page at every width:
// - every chart (svg.tc) has role="img", a non-empty <title> and <desc>, and aria-labelledby
//   naming them;
// - no line of actuals crosses the middle of a month shaded as a gap (and the gap is there);
// - the charts of one figure (same data-scale) show the same y tick labels;
// - no chart text is clipped (its bounding box lies within the viewBox) or renders under
//   min_px pixels; the page itself never scrolls sideways (charts scroll in their box);
// - no console error or page error.
// Prints "charts checked: N" and exits non-zero with a list of failures.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox'],
});
const failures = [];
let checked = 0;
let gapsSeen = 0;
let sharedScales = 0;
try {
  for (const file of spec.pages) {
    for (const width of spec.widths) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      page.on('console', (m) => {
        if (m.type() === 'error') failures.push(`${file} @${width}: console: ${m.text()}`);
      });
      page.on('pageerror', (e) => failures.push(`${file} @${width}: page error: ${e.message}`));
      await page.goto(pathToFileURL(file).href);
      const found = await page.evaluate(({ gap, minPx }) => {
        const out = { problems: [], charts: 0, gaps: 0, shared: 0 };
        const say = (svg, what) => out.problems.push(`${svg.querySelector('title')?.textContent}: ${what}`);
        const scales = new Map();
        for (const svg of document.querySelectorAll('svg.tc')) {
          out.charts++;
          if (svg.getAttribute('role') !== 'img') say(svg, 'no role="img"');
          const title = svg.querySelector(':scope > title');
          const desc = svg.querySelector(':scope > desc');
          if (!title || !title.textContent.trim()) say(svg, 'no <title>');
          if (!desc || !desc.textContent.trim()) say(svg, 'no <desc>');
          const named = (svg.getAttribute('aria-labelledby') || '').split(/\s+/);
          if (!title || !desc || !named.includes(title.id) || !named.includes(desc.id)) {
            say(svg, 'aria-labelledby does not name its title and desc');
          }
          // Gaps: no segment of an actual line crosses the gap's middle.
          for (const rect of svg.querySelectorAll(`rect.tc-gap[data-month="${gap}"]`)) {
            out.gaps++;
            const mid = +rect.getAttribute('x') + +rect.getAttribute('width') / 2;
            for (const path of svg.querySelectorAll('path.tc-actual')) {
              let x = null;
              for (const [, cmd, args] of path.getAttribute('d').matchAll(/([MLHV])\s*([-\d.,]*)/g)) {
                const nums = args.split(',').map(Number);
                const next = cmd === 'V' ? x : nums[0];
                if (cmd !== 'M' && x !== null && Math.min(x, next) < mid && Math.max(x, next) > mid) {
                  say(svg, `a line crosses the gap month ${gap}`);
                }
                x = next;
              }
            }
          }
          // Y tick labels, by scale.
          const ticks = [...svg.querySelectorAll('text.tc-tick[text-anchor="end"]')]
            .map((t) => t.textContent).join('|');
          const key = svg.dataset.scale;
          if (!scales.has(key)) scales.set(key, []);
          scales.get(key).push(ticks);
          // Text: inside the viewBox and never under minPx.
          const vb = svg.viewBox.baseVal;
          const scale = svg.getBoundingClientRect().width / vb.width;
          for (const text of svg.querySelectorAll('text')) {
            const b = text.getBBox();
            if (b.x < vb.x - 0.5 || b.y < vb.y - 0.5 || b.x + b.width > vb.x + vb.width + 0.5
                || b.y + b.height > vb.y + vb.height + 0.5) {
              say(svg, `text "${text.textContent}" is clipped: ${b.x},${b.y} ${b.width}x${b.height}`);
            }
            const px = parseFloat(getComputedStyle(text).fontSize) * scale;
            if (px < minPx - 0.05) say(svg, `text "${text.textContent}" renders at ${px.toFixed(1)} px`);
          }
        }
        for (const [key, list] of scales) {
          if (list.length > 1) out.shared++;
          if (new Set(list).size > 1) out.problems.push(`scale ${key}: tick labels differ: ${list.join(' / ')}`);
        }
        if (document.documentElement.scrollWidth > window.innerWidth + 1) {
          out.problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
        }
        return out;
      }, { gap: spec.gap, minPx: spec.min_px });
      checked += found.charts;
      gapsSeen += found.gaps;
      sharedScales += found.shared;
      if (found.charts === 0) failures.push(`${file} @${width}: no charts`);
      for (const p of found.problems) failures.push(`${file} @${width}: ${p}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
if (gapsSeen === 0) failures.push(`no chart shades the gap month ${spec.gap}`);
if (sharedScales === 0) failures.push('no figure has two charts sharing a scale');
console.log(`charts checked: ${checked}, gap bands: ${gapsSeen}, shared scales: ${sharedScales}`);
if (failures.length) {
  console.log(failures.join('\n'));
  process.exit(1);
}
