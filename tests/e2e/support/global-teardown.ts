// Removes the throwaway database folder playwright.config.ts made for this run.
import fs from "node:fs";

export default function globalTeardown() {
  const dir = process.env.E2E_DB_DIR;
  if (dir && process.env.E2E_DB_DIR_OWNED === "1") fs.rmSync(dir, { recursive: true, force: true });
}
