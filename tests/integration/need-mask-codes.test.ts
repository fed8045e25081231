// Deployment.needMask is kept by database triggers written in SQL (decision 034), which cannot import NEED_AREAS: the
// codes and their bits are spelt out in every migration that computes the mask. The dashboards read bit i as
// NEED_AREAS.codes[i]. This test reads each such migration and checks that it names exactly those codes with exactly
// those bits, so a new or renamed area of need cannot leave the triggers behind.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NEED_AREAS } from "~/lib/co-planning";

const root = path.resolve(import.meta.dirname, "../..");
const MIGRATION_FOLDERS = ["prisma/migrations", "prisma/postgres/migrations"];

/** The mask sums of a migration, each as its (bit, code) terms: `[N *] MAX(CASE WHEN ... LIKE '%,code,%' ...)`. */
function maskTerms(sql: string): { bit: number; code: string }[][] {
  const sums: { bit: number; code: string }[][] = [];
  for (const [, bit, code] of sql.matchAll(/(?:(\d+)\s*\*\s*)?MAX\(CASE WHEN [^\n]*?LIKE '%,([a-z_]+),%'/g)) {
    // Each sum starts with its bit-1 term (written without a multiplier).
    if (bit === undefined) sums.push([]);
    sums.at(-1)?.push({ bit: Number(bit ?? 1), code: code! });
  }
  return sums;
}

const expected = NEED_AREAS.codes.map((code, i) => ({ bit: 2 ** i, code }));

describe("the need mask in the migrations", () => {
  for (const folder of MIGRATION_FOLDERS) {
    const migrations = fs
      .readdirSync(path.join(root, folder))
      .map((name) => path.join(root, folder, name, "migration.sql"))
      .filter((file) => fs.existsSync(file) && fs.readFileSync(file, "utf8").includes("needMask"));

    it(`${folder}: some migration computes the mask`, () => {
      expect(migrations.length).toBeGreaterThan(0);
    });

    for (const file of migrations) {
      it(`${path.relative(root, file)} gives bit i to NEED_AREAS.codes[i], in every place it computes the mask`, () => {
        const sums = maskTerms(fs.readFileSync(file, "utf8"));
        expect(sums.length).toBeGreaterThan(0);
        for (const terms of sums) expect(terms).toEqual(expected);
      });
    }
  }
});
