// readQuery: the reads of many rows (search, dashboards). On SQLite they run on reader threads with their own
// connections (app/models/sqlite-readers.server.ts); on PostgreSQL through Prisma's pool. Either way a read binds
// Prisma's parameters alike, sees only committed data and never waits for an open transaction; SQLite's readers
// cannot write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "~/generated/sqlite/client";
import { db, disconnectDb, readQuery, useDatabase } from "~/models/db.server";
import { freshDatabase, PROVIDERS } from "../support/databases";

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe.each(PROVIDERS)("readQuery on %s", (provider) => {
  beforeAll(async () => {
    await useDatabase(await freshDatabase(provider));
    await db().partnership.createMany({
      data: [
        { name: "Older demo", slug: `older-${provider}`, isDemo: true, createdAt: new Date("2026-01-10T09:00:00Z") },
        { name: "Newer demo", slug: `newer-${provider}`, isDemo: true, createdAt: new Date("2026-03-10T09:00:00Z") },
        { name: "Newer real", slug: `real-${provider}`, isDemo: false, createdAt: new Date("2026-03-11T09:00:00Z") },
      ],
    });
  });
  afterAll(async () => {
    await disconnectDb();
  });

  it("binds dates, booleans, numbers and text as Prisma does, and returns the rows", async () => {
    const rows = await readQuery<{ slug: string }[]>(Prisma.sql`SELECT "slug" FROM "Partnership"
      WHERE "createdAt" >= ${new Date("2026-02-01T00:00:00Z")} AND "isDemo" = ${true}
        AND "studentRetentionYears" = ${6} AND "slug" LIKE ${"%-" + provider} ORDER BY "slug"`);
    expect(rows.map((r) => r.slug)).toEqual([`newer-${provider}`]);
  });

  it("reports a broken statement as an error, and the next read still works", async () => {
    await expect(readQuery(Prisma.sql`SELECT "nope" FROM "Partnership"`)).rejects.toThrow(/nope/);
    const [row] = await readQuery<{ n: number | bigint }[]>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "Partnership"`);
    expect(Number(row!.n)).toBeGreaterThanOrEqual(3);
  });

  it("reads what is committed, without waiting for a transaction that is still open", async () => {
    const inside = gate();
    const release = gate();
    const open = db().$transaction(async (tx) => {
      await tx.partnership.update({ where: { slug: `older-${provider}` }, data: { name: "Renamed inside" } });
      inside.open();
      await release.promise;
    });
    await inside.promise;
    try {
      const read = readQuery<{ name: string }[]>(
        Prisma.sql`SELECT "name" FROM "Partnership" WHERE "slug" = ${`older-${provider}`}`,
      );
      // Settles while the transaction is still open (it is only released afterwards).
      expect((await read).map((r) => r.name)).toEqual(["Older demo"]);
    } finally {
      release.open();
      await open;
    }
    const [after] = await readQuery<{ name: string }[]>(
      Prisma.sql`SELECT "name" FROM "Partnership" WHERE "slug" = ${`older-${provider}`}`,
    );
    expect(after!.name).toBe("Renamed inside");
  });
});

describe("readQuery's reader threads on sqlite", () => {
  beforeAll(async () => {
    await useDatabase(await freshDatabase("sqlite"));
    await db().partnership.create({ data: { name: "Older demo", slug: "older" } });
  });
  afterAll(async () => {
    await disconnectDb();
  });

  it("cannot write", async () => {
    await expect(
      readQuery(Prisma.sql`UPDATE "Partnership" SET "name" = 'Changed' WHERE "slug" = ${"older"} RETURNING "name"`),
    ).rejects.toThrow(/readonly|query_only/i);
    const older = await db().partnership.findUniqueOrThrow({ where: { slug: "older" } });
    expect(older.name).toBe("Older demo");
  }, 15_000);

  it("leaves the event loop free, and reads given together run on separate connections", async () => {
    // About a second of work for SQLite: on the event loop's thread, nothing else could run until it ended.
    const long = readQuery<{ n: number }[]>(
      Prisma.sql`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000)
        SELECT COUNT(*) AS "n" FROM c`,
    );
    let finished = false;
    void long.then(() => (finished = true));
    await new Promise((resolve) => setImmediate(resolve));
    // A second, short read given meanwhile is answered before the long one: a second reader took it.
    const [short] = await readQuery<{ n: number }[]>(Prisma.sql`SELECT 1 AS "n"`);
    expect(short!.n).toBe(1);
    expect(finished).toBe(false);
    expect(Number((await long)[0]!.n)).toBe(3_000_000);
  }, 30_000);
});
