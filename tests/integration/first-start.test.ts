// The quick start on a fresh checkout: no data/ folder exists yet, and the first
// start must create it, apply every migration and be ready to seed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "~/config.server";
import { migrateDatabase } from "../../server/database";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "staffroom-first-start-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("first start on a fresh checkout", () => {
  it("creates the missing data folder and applies the migrations", async () => {
    const file = path.join(root, "data", "nested", "staffroom.db");
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    await migrateDatabase({ ...loadConfig(), databaseUrl: `file:${file}` });
    const sqlite = new Database(file, { readonly: true });
    try {
      const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
        name: string;
      }>;
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(["Partnership", "User", "Session", "CollabUpdate", "LessonPlan"]),
      );
    } finally {
      sqlite.close();
    }
  }, 60_000);
});
