// Prints pages of a built handbook to PDF with headless Chromium (Debian's /usr/bin/chromium,
// through playwright-core), the way a manager prints the monthly report. Run by
// tests/integration/report.rs as
//
//   node tests/browser/report.mjs SPEC.json
//
// where SPEC is { "pages": [[HTML_FILE, PDF_FILE], ...] }. Each page is opened from file://
// (as a handbook on a shared drive is), printed on A4 with the page's own CSS (its @page
// margins and page-number boxes; no browser header or footer), and written to PDF_FILE.
// Prints one line per page written; exits 1 on a console error, a page error or a failed
// request, which the test reports.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const failures = [];
try {
  const context = await browser.newContext();
  for (const [html, pdf] of spec.pages) {
    const page = await context.newPage();
    page.on("console", (m) => { if (m.type() === "error") failures.push(`${html}: console error: ${m.text()}`); });
    page.on("pageerror", (e) => failures.push(`${html}: page error: ${e.message}`));
    page.on("requestfailed", (r) => failures.push(`${html}: request failed: ${r.url()}`));
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    await page.pdf({
      path: pdf,
      format: "A4",
      displayHeaderFooter: false,
      printBackground: true,
      preferCSSPageSize: true,
    });
    console.log(`printed ${html} -> ${pdf}`);
    await page.close();
  }
} finally {
  await browser.close();
}
for (const f of failures) console.log(`FAIL ${f}`);
process.exit(failures.length ? 1 : 0);
