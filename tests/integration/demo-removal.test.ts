// `npm run demo:remove` takes the demo partnerships out with everything of theirs, in every table (members and their
// sessions, courses, plans, co-edited documents with their update logs and versions, uploads, audit entries, sign-in
// counters), leaves a real partnership alone, and no later start seeds the demo again. On SQLite and PostgreSQL.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createDb, db, type DatabaseProvider } from "~/models/db.server";
import { seedDemoIfEmpty } from "~/models/database-setup.server";
import { removeDemoPartnerships } from "~/models/demo-partnership.server";
import { needsSetup } from "~/models/first-run-setup.server";
import { createPartnership } from "~/models/partnerships.server";
import { DEMO_PARTNERSHIP, demoUser } from "../../prisma/seed-data";
import { PROVIDERS, seededDatabase } from "../support/databases";
import { idOf, useModelDatabase } from "../support/model-database";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");

/** Rows in every table of the database (migration bookkeeping aside), by table name; empty tables left out. */
async function rowsPerTable(provider: DatabaseProvider): Promise<Record<string, number>> {
  const tables = await db().$queryRawUnsafe<Array<{ name: string }>>(
    provider === "postgresql"
      ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'"
      : // FTS5's shadow tables hold the index's own bookkeeping (its version, its structure record) even when it
        // indexes nothing; the full-text table itself ("SearchEntryFts") is counted like any other.
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' AND name NOT LIKE 'SearchEntryFts\\_%' ESCAPE '\\'",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db().$queryRawUnsafe<Array<{ n: number | bigint }>>(`SELECT COUNT(*) AS n FROM "${name}"`);
    if (Number(row?.n) > 0) counts[name] = Number(row?.n);
  }
  return counts;
}

describe.each(PROVIDERS)("removing the demo on %s", (provider) => {
  const seeded = useModelDatabase(provider);

  it("deletes every row of the demo partnerships and nothing of a real one, and the demo is never seeded again", async () => {
    const teacherId = idOf(seeded.demo.userIds, "teacher");
    // What a demo in use has beyond the seed: a session, a trusted browser, failed sign-ins, an edit, an upload.
    await db().session.create({
      data: { id: "demo-session", userId: teacherId, expiresAt: new Date(), absoluteExpiresAt: new Date() },
    });
    await db().trustedDevice.create({ data: { id: "demo-device", userId: teacherId, expiresAt: new Date() } });
    await db().throttleBucket.create({
      data: { key: `sign-in:account:${demoUser("teacher").email}`, failures: 3, windowStart: new Date() },
    });
    await db().throttleBucket.create({
      data: { key: "sign-in:device:demo-device", failures: 1, windowStart: new Date() },
    });
    const plan = await db().lessonPlan.findFirstOrThrow({ where: { partnershipId: seeded.demo.partnershipId } });
    const document = await db().collabDocument.findFirstOrThrow({
      where: { partnershipId: seeded.demo.partnershipId },
    });
    await db().collabUpdate.create({
      data: { documentId: document.id, data: new Uint8Array([0, 0]), userId: teacherId },
    });
    await db().lessonResource.create({
      data: {
        lessonPlanId: plan.id,
        kind: "file",
        title: "Worksheet",
        fileName: "sheet.pdf",
        data: new Uint8Array([37, 80]),
      },
    });

    const real = await db().$transaction((tx) =>
      createPartnership(tx, {
        name: DEMO_PARTNERSHIP.name,
        institution: { name: "Riverside Academy", kind: "fe_college" },
      }),
    );
    await db().user.create({
      data: {
        partnershipId: real.partnership.id,
        institutionId: real.institution.id,
        email: "priya.natarajan@riverside.example",
        name: "Priya Natarajan",
        role: "coordinator",
      },
    });
    // A real partnership may share the demo's name; its address-friendly name is its own.
    expect(real.partnership.slug).not.toBe(DEMO_PARTNERSHIP.slug);

    expect(await removeDemoPartnerships()).toHaveLength(2);

    expect(await rowsPerTable(provider)).toEqual({ Partnership: 1, Institution: 1, User: 1, Installation: 1 });
    expect(await db().partnership.findUnique({ where: { id: real.partnership.id } })).not.toBeNull();
    expect(await seedDemoIfEmpty()).toBe(false);

    // Even once the database holds no partnership at all, the removed demo stays removed and set-up is asked for.
    await db().user.deleteMany({});
    await db().partnership.deleteMany({});
    expect(await seedDemoIfEmpty()).toBe(false);
    expect(await db().partnership.count()).toBe(0);
    expect(await needsSetup()).toBe(true);
  }, 120_000);
});

describe("npm run demo:remove", () => {
  it("removes the demo in one step and says so", async () => {
    const { url } = await seededDatabase("sqlite");
    const { stdout } = await run(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/remove-demo.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" },
    });
    expect(stdout).toContain("Removed the demo partnership");
    expect(stdout).toContain("open the set-up link");
    const store = createDb(url);
    try {
      expect(await store.partnership.count()).toBe(0);
      expect((await store.installation.findFirstOrThrow()).demoRemovedAt).not.toBeNull();
    } finally {
      await store.$disconnect();
    }
  }, 120_000);
});
