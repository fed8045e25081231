// Vitest for unit and integration tests. Plain Vite resolution (no Remix plugin):
// the tests import app modules directly or drive the built server over HTTP.
// One PostgreSQL cluster, one Redis and migrated template databases are started
// once per run by tests/support/global-setup.ts.
import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { SlowFirstSequencer } from "./tests/support/sequencer";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["tests/**/*.test.ts", "app/**/*.test.ts", "server/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**", "build/**"],
    pool: "forks",
    // A worker runs its files one after another in one module cache instead of re-importing the app, Prisma's
    // two clients and the harness for every file (over a quarter of the run's CPU time, measured). Files still
    // own their state: each starts its own databases and servers, and useModelDatabase points the process-wide
    // Prisma client at its file's database and disconnects it afterwards.
    isolate: false,
    // Much of a test file's time is spent waiting on child processes (servers, the Prisma CLI), so run a
    // few more files at once than Vitest's default of cores - 1 (which is one file at a time on 2 cores).
    maxWorkers: Math.min(4, os.availableParallelism() + 1),
    sequence: { sequencer: SlowFirstSequencer },
    environment: "node",
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000, // above startApp's own 120 s limit, whose message names the cause
    teardownTimeout: 30_000,
    // SEED_DEMO=true: in-process tests sign demo members in from made-up network addresses, which only an opened-up
    // demo allows (servers the tests start set it per server; demo-safety-http.test.ts checks the refusal).
    env: { NODE_ENV: "test", LOG_LEVEL: "warn", SEED_DEMO: "true" },
  },
});
