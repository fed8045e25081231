// Screenshots of pages as a member sees them, at 1280 and 375 px wide (and printed, with --print), for looking at a
// change before calling it done. Usage, against a running server:
//   tsx scripts/screenshots.ts --base http://localhost:3000 --as sarah.whitfield@hollinspark.example /home /courses
// Writes PNGs to test-results/screenshots/ (or --out), named after the path and width.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: "string", default: "http://localhost:3000" },
    as: { type: "string" },
    password: { type: "string", default: "staffroom-demo-2026" },
    out: { type: "string", default: "test-results/screenshots" },
    print: { type: "boolean", default: false },
    "full-page": { type: "boolean", default: true },
  },
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
  ],
});
try {
  fs.mkdirSync(values.out, { recursive: true });
  const context = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/London" });
  const page = await context.newPage();
  if (values.as) {
    await page.goto(`${values.base}/login`);
    await page.getByLabel("Email").fill(values.as);
    await page.getByLabel("Password", { exact: true }).fill(values.password);
    await page.getByRole("button", { name: /sign in/i }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  }
  for (const target of positionals.length ? positionals : ["/"]) {
    const name = target.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "root";
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await page.emulateMedia({ media: "screen" });
      await page.goto(`${values.base}${target}`, { waitUntil: "networkidle" });
      const file = path.join(values.out, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: values["full-page"] });
      console.log(file);
    }
    if (values.print) {
      await page.emulateMedia({ media: "print" });
      const file = path.join(values.out, `${name}-print.pdf`);
      await page.pdf({ path: file, format: "A4" });
      console.log(file);
    }
  }
} finally {
  await browser.close();
}
