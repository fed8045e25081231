// Vitest for unit and integration tests. Plain Vite resolution (no Remix plugin):
// the tests import app modules directly or drive the built server over HTTP.
// One PostgreSQL cluster, one Redis and migrated template databases are started
// once per run by tests/support/global-setup.ts.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["tests/**/*.test.ts", "app/**/*.test.ts", "server/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**", "build/**"],
    pool: "forks",
    environment: "node",
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    env: { NODE_ENV: "test", LOG_LEVEL: "warn" },
  },
});
