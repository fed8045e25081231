// One request's transaction never swallows or exposes another request's work.
// On SQLite the Prisma client has one connection per process: without
// app/models/sqlite-serialised.server.ts, a query made outside a transaction
// while another request's transaction was open ran inside it, so a rollback
// lost a write already reported as saved, and a read saw rows not committed.
// Run on both providers: PostgreSQL gives this by itself (a connection each).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DatabaseProvider, type Db } from "~/models/db.server";
import { freshDatabase } from "../support/databases";

const PROVIDERS: DatabaseProvider[] = ["sqlite", "postgresql"];

/** A promise with its resolve function, for holding a transaction open at a known point. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: still waiting after ${ms} ms`)), ms)),
  ]);

describe.each(PROVIDERS)("transactions on %s", (provider) => {
  let store: Db;
  beforeAll(async () => {
    store = createDb(await freshDatabase(provider));
  });
  afterAll(async () => {
    await store?.$disconnect();
  });

  it("a write made while another request's transaction is open survives that transaction's rollback, and nobody reads what it had not committed", async () => {
    const inside = gate();
    const release = gate();
    const failing = store.$transaction(async (tx) => {
      await tx.partnership.create({ data: { name: "Never committed", slug: `never-${provider}` } });
      inside.open();
      await release.promise;
      throw new Error("rolled back on purpose");
    });
    await inside.promise;

    // Another request, meanwhile: a read and a write of its own, not in any transaction (sent now: Prisma's
    // queries start when first awaited).
    const read = store.partnership.count({ where: { slug: `never-${provider}` } }).then((count) => count);
    const write = store.partnership
      .create({ data: { name: "Saved meanwhile", slug: `saved-${provider}` } })
      .then((row) => row);
    setTimeout(release.open, 100);

    await expect(failing).rejects.toThrow("rolled back on purpose");
    expect(await read).toBe(0);
    await write;
    expect(await store.partnership.count({ where: { slug: `saved-${provider}` } })).toBe(1);
    expect(await store.partnership.count({ where: { slug: `never-${provider}` } })).toBe(0);
  });

  it("code inside a transaction that queries through the client rather than the transaction still finishes", async () => {
    const done = store.$transaction(async (tx) => {
      await tx.partnership.create({ data: { name: "Inside", slug: `inside-${provider}` } });
      // Not through tx: on SQLite this runs on the transaction's own connection, inside it.
      return store.partnership.count();
    });
    expect(await within(done, 10_000, "the transaction")).toBeGreaterThanOrEqual(1);
    expect(await store.partnership.count({ where: { slug: `inside-${provider}` } })).toBe(1);
  });

  it("transactions and plain writes sent at once all land", async () => {
    const work = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? store.$transaction(async (tx) => {
            await tx.partnership.create({ data: { name: `T${i}`, slug: `burst-${provider}-${i}` } });
            await new Promise((resolve) => setTimeout(resolve, 5));
            if (i % 4 === 0) throw new Error("rolled back on purpose");
          })
        : store.partnership.create({ data: { name: `P${i}`, slug: `burst-${provider}-${i}` } }),
    );
    const outcomes = await within(Promise.allSettled(work), 30_000, "the burst");
    expect(outcomes.filter((o) => o.status === "rejected")).toHaveLength(5);
    // 10 plain writes + the 5 transactions that did not roll back.
    expect(await store.partnership.count({ where: { slug: { startsWith: `burst-${provider}-` } } })).toBe(15);
  });
});
