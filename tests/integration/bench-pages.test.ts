// bench:pages at a tiny size, so the benchmark cannot rot between its runs: the generator fills a fresh SQLite
// database (its search entries equal what the index's own builders write for the same records), and the runner
// times and counts pages against the production server with the query counter preloaded.
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "~/models/db.server";
import { strategyEntries } from "~/models/search/library-entries.server";
import { minutesEntries } from "~/models/search/meeting-entries.server";
import { planEntries } from "~/models/search/plan-entries.server";
import type { SearchEntryData } from "~/models/search/entry-text.server";
import { bareClient, generatePartnership, type PagesSize } from "../../bench/pages/generate";
import { countQueries, timeTargets } from "../../bench/pages/measure";
import { signIn, startPagesServer, type PagesServer } from "../../bench/pages/server";
import { MEMBER_EMAILS, pageTargets, type Member } from "../../bench/pages/targets";
import { freshDatabase } from "../support/databases";

const TINY: PagesSize = {
  staff: 20,
  students: 60,
  courses: 8,
  plans: 40,
  deployments: 80,
  strategies: 30,
  meetings: 6,
  bodyVariants: 2,
};

/** An entry as search reads it: the body's lines in any order (the builders' include order is the engine's). */
const comparable = (entry: SearchEntryData) => ({
  kind: entry.kind,
  recordId: entry.recordId,
  title: entry.title,
  body: entry.body.split("\n").sort(),
  href: entry.href,
  facets: [entry.institutionId, entry.courseId, entry.keyStage, entry.needs, entry.tags, entry.status],
  occurredAt: entry.occurredAt.toISOString(),
});

describe("bench:pages at a tiny size", () => {
  let store: Db | undefined;
  let server: PagesServer | undefined;
  afterAll(async () => {
    await Promise.all([store?.$disconnect(), server?.stop()]);
  });

  it("generates the partnership, indexed as the index's builders would, and measures its pages", async () => {
    const url = await freshDatabase("sqlite");
    const generated = await generatePartnership(url, TINY);
    expect(generated.counts).toMatchObject({ staff: 20, students: 60, courses: 8, lessonPlans: 40, strategies: 30 });
    expect(generated.counts.deployments).toBe(80);

    store = bareClient(url);
    const where = { partnershipId: generated.partnershipId };
    const sample = async (kind: string) =>
      (await store!.searchEntry.findMany({ where: { ...where, kind }, take: 5, orderBy: { id: "desc" } })).map(
        (e) => e.recordId,
      );
    for (const [kind, build] of [
      ["plan", planEntries],
      ["strategy", strategyEntries],
      ["minutes", minutesEntries],
    ] as const) {
      const ids = await sample(kind);
      const stored = await store.searchEntry.findMany({ where: { kind, recordId: { in: ids } } });
      const built = await build(store, ids);
      const byId = (a: { recordId: string }, b: { recordId: string }) => a.recordId.localeCompare(b.recordId);
      expect(stored.sort(byId).map(comparable), kind).toEqual(built.sort(byId).map(comparable));
    }

    const targets = (await pageTargets(store, generated.partnershipId)).filter((t) =>
      ["/healthz", "plan page", "search: one common word", "My deployments (LSA)"].includes(t.name),
    );
    server = await startPagesServer(url);
    const cookies = {} as Record<Member, string>;
    for (const member of ["coordinator", "lsa"] as const)
      cookies[member] = await signIn(server.origin, MEMBER_EMAILS[member]);
    const timings = await timeTargets(server, targets, cookies, 1, 0, () => {});
    expect(timings.map((t) => [t.name, t.samples, t.errors])).toEqual(targets.map((t) => [t.name, 1, 0]));
    const counts = await countQueries(server, targets, cookies);
    for (const count of counts) {
      expect(count.status, count.name).toBe(200);
      if (count.name !== "/healthz") expect(count.statements, count.name).toBeGreaterThan(0);
    }
  }, 120_000);
});
