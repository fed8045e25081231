// End-to-end tests: the BUILT app (run `npm run build` first; `npm test` does) on a
// fixed loopback port, over a fresh throwaway SQLite database seeded with the demo
// partnership, driven by the system Chromium (never `playwright install` here).
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const CI = Boolean(process.env.CI);
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;

// One folder per port, emptied by the web server command just before the server
// starts (never when an existing server is reused, whose database it would break).
// Nothing is created by merely loading this config (workers, --list).
const databaseDir = path.join(os.tmpdir(), `staffroom-e2e-${port}`);
const databaseFile = path.join(databaseDir, "e2e.db");
const serverBundle = path.join(process.env.BUILD_DIR || "build", "server.mjs");

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--headless=new",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  // *.e2e.ts, so Vitest's default *.test.ts / *.spec.ts pattern never picks these up.
  testMatch: "**/*.e2e.ts",
  // Playwright empties its outputDir on start: keep it apart from the JSON reports
  // (test-results/vitest.json, test-results/playwright.json) that scripts/test.mjs reads.
  outputDir: "test-results/playwright-artifacts",
  fullyParallel: true,
  forbidOnly: CI,
  retries: 0,
  workers: 2,
  // Generous: CI has two cores shared by the server, two browsers and axe (about 1-2 s per page).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL,
    // Traces cost every test CPU on two shared cores; CI keeps none, so it records none.
    trace: CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-GB",
    timezoneId: "Europe/London",
  },
  projects: [
    // Signs each role in once through the form and saves the sessions the other tests start from.
    { name: "sign-in", testMatch: "sign-in-once.setup.ts", use: chromium },
    // Every test, the ones about signing in and out too, in one project after the setup. A project of their own
    // "beside the setup" never ran beside it (both workers were busy signing in) but cost a phase of its own: two more
    // worker processes and browsers to start, and a worker idle until the slower one finished (measured, 1 Dec 2026).
    { name: "chromium", dependencies: ["sign-in"], use: chromium },
  ],
  webServer: {
    // The server `npm run build` compiled (scripts/build-server.mjs): plain node starts it without transpiling.
    command: `rm -rf '${databaseDir}' && mkdir -p '${databaseDir}' && exec node --enable-source-maps '${serverBundle}'`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: !CI,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${databaseFile}`,
      SEED_DEMO: "true",
      MIGRATE_ON_START: "true",
      REDIS_URL: "",
      ALLOWED_ORIGINS: "",
      LOG_LEVEL: "warn",
      // The saved sessions of the setup project must outlast a whole run on a slow machine.
      STUDENT_DETAIL_SESSION_IDLE_MINUTES: "480",
    },
  },
});
