// The strategy library's SQL (filters, search, counts, order and pages, decision 041) against the library as it was
// computed in JavaScript before: every filter, sort, page size and page of a library with titles that differ only in
// punctuation, case, accents or digits, equal creation times, tied ratings and uses, and searches with LIKE's own
// characters. Titles are in localeCompare's "en-GB" order, accents and case aside first (decision 037).
import { beforeAll, describe, expect, it } from "vitest";
import {
  STRATEGY_SORTS,
  groupTags,
  parseStrategyFilters,
  type StrategyFilters,
  type StrategyTagKind,
} from "~/lib/forms/strategies";
import { db } from "~/models/db.server";
import { refreshSortKeys } from "~/models/database-setup.server";
import { listStrategies } from "~/models/strategy-search.server";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

const TITLES = [
  "Think-pair-share",
  "Think, pair, share",
  "Think pair share",
  "think pair share",
  "Think Pair Share",
  "Now/next board",
  "Now-next board",
  "Now: next board",
  "Now (next) board",
  "Now_next board",
  "Now 10 boards",
  "Now 9 boards",
  "NOW",
  "now",
  "Now~next & more",
  "Now$next",
  "100% effort",
  "a_b c\\d",
  "Zones of regulation",
  "zones of regulation",
  "Élan vital",
  "ÉLAN VITAL",
  "elan vital",
  "Émotion coaching",
  "emotion cards",
  "Äpfel und Birnen",
  "apple tasks",
  "Café talk",
  "cafe talk",
  "Über-cards",
  "uber cards",
  "Ærø trip",
  "naïve questions",
  "Naive questions",
  "Teacher’s toolkit",
  "Teacher's toolkit",
];

/** The matches in order as listStrategies computed them in JavaScript, ties finally broken by id as the SQL does. */
async function reference(partnershipId: string, filters: StrategyFilters) {
  const rows = await db().strategy.findMany({
    where: { partnershipId },
    include: {
      institution: { select: { name: true } },
      tags: { select: { kind: true, value: true } },
      ratings: { select: { rating: true } },
      _count: { select: { lessonPlans: true } },
    },
  });
  const chosen: Array<[StrategyTagKind, string]> = [
    ["need", filters.need],
    ["subject", filters.subject],
    ["key_stage", filters.keyStage],
    ["phase", filters.phase],
  ];
  const needle = filters.q.toLocaleLowerCase("en-GB");
  const matches = rows
    .filter((r) => chosen.every(([kind, value]) => !value || r.tags.some((t) => t.kind === kind && t.value === value)))
    .filter((r) => `${r.title}\n${r.summary}`.toLocaleLowerCase("en-GB").includes(needle))
    .map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      createdAt: r.createdAt,
      institutionName: r.institution?.name ?? null,
      tags: groupTags([...r.tags].sort((a, b) => (a.kind + a.value < b.kind + b.value ? -1 : 1))),
      rating: {
        average: r.ratings.length ? r.ratings.reduce((sum, x) => sum + x.rating, 0) / r.ratings.length : 0,
        count: r.ratings.length,
      },
      usedInPlans: r._count.lessonPlans,
    }));
  const byTitle = (a: { title: string; id: string }, b: { title: string; id: string }) =>
    a.title.localeCompare(b.title, "en-GB") || (a.id < b.id ? -1 : 1);
  matches.sort((a, b) => {
    switch (filters.sort) {
      case "rating":
        return b.rating.average - a.rating.average || b.rating.count - a.rating.count || byTitle(a, b);
      case "used":
        return b.usedInPlans - a.usedInPlans || byTitle(a, b);
      case "title":
        return byTitle(a, b);
      default:
        return b.createdAt.getTime() - a.createdAt.getTime() || byTitle(a, b);
    }
  });
  return matches;
}

/** One page of the matches, as listStrategies paged them in JavaScript. */
function pageOf<T>(matches: T[], asked: number, pageSize: number) {
  const pageCount = Math.max(1, Math.ceil(matches.length / pageSize));
  const page = Math.min(asked, pageCount);
  return { strategies: matches.slice((page - 1) * pageSize, page * pageSize), total: matches.length, page, pageCount };
}

describe.each(PROVIDERS)("the strategy library's query on %s", (provider) => {
  const database = useModelDatabase(provider);

  async function arrangeLibrary() {
    const partnershipId = database.demo.partnershipId;
    const raters = ["teacher", "teacherDance", "leader"].map((key) => idOf(database.demo.userIds, key));
    const plans = await db().lessonPlan.findMany({ where: { partnershipId }, select: { id: true }, take: 3 });
    const sameMoment = new Date("2026-03-02T09:15:00.000Z");
    for (const [i, title] of TITLES.entries()) {
      const strategy = await db().strategy.create({
        data: {
          partnershipId,
          title,
          summary: i % 3 === 0 ? "Pairs talk first, then share with 100% of the group." : "Cards on every desk.",
          createdAt: i % 4 === 0 ? sameMoment : new Date(sameMoment.getTime() - i * 60_000),
          institutionId: i % 2 === 0 ? idOf(database.demo.institutionIds, "hollins") : null,
          // Stored out of order: the cards show each kind's in the order of their codes.
          tags: {
            create: [
              { kind: "phase", value: i % 2 ? "plenary" : "main" },
              { kind: "need", value: "semh" },
              ...(i % 3 === 0 ? [{ kind: "need", value: "communication_interaction" }] : []),
              { kind: "key_stage", value: i % 2 ? "ks4" : "ks3" },
            ],
          },
        },
      });
      // Ratings 4, 4 / 4 / 2, 5 (the same mean 3.5 with fewer or more) / none, and uses 0 to 2.
      const given = [[4, 4], [4], [2, 5], [], [5, 2, 3, 4]][i % 5]!;
      for (const [n, rating] of given.entries()) {
        await db().strategyRating.create({
          data: { strategyId: strategy.id, userId: raters[n % raters.length]!, scope: `scope-${n}`, rating },
        });
      }
      for (const plan of plans.slice(0, i % 3)) {
        await db().lessonPlanStrategy.create({ data: { lessonPlanId: plan.id, strategyId: strategy.id } });
      }
    }
  }

  beforeAll(arrangeLibrary);

  it("filters, searches, counts, sorts and pages exactly as the JavaScript library did", async () => {
    const actor = await actorOf(idOf(database.demo.userIds, "teacher"));
    const searches = ["", "q=now", "q=NOW%20", "q=100%25", "q=a_b", "q=_", "q=%25", "q=c%5Cd", "q=share%0Apairs"];
    const tagFilters = ["", "need=semh", "need=communication_interaction&phase=main", "keyStage=ks4&phase=plenary"];
    for (const sort of STRATEGY_SORTS) {
      for (const query of [...searches, ...tagFilters, "q=think&need=semh"]) {
        const filters = parseStrategyFilters(new URLSearchParams(`${query}&sort=${sort}`));
        const matches = await reference(actor.partnershipId, filters);
        for (const [pageSize, page] of [
          [20, 1],
          [5, 2],
          [5, 99],
          [Number.MAX_SAFE_INTEGER, 1],
        ] as const) {
          const expected = pageOf(matches, page, pageSize);
          const actual = await listStrategies(actor, { ...filters, page }, pageSize);
          expect({ query, sort, pageSize, asked: page, ...actual }).toEqual({
            query,
            sort,
            pageSize,
            asked: page,
            ...expected,
          });
        }
      }
    }
  });

  it("orders titles as localeCompare does, and shows each kind's tags in the order of their codes", async () => {
    const actor = await actorOf(idOf(database.demo.userIds, "teacher"));
    const all = await listStrategies(actor, parseStrategyFilters(new URLSearchParams("sort=title")), 1000);
    const titles = all.strategies.map((s) => s.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, "en-GB")));
    expect(titles.filter((t) => t.toLowerCase().startsWith("think"))).toEqual([
      "think pair share",
      "Think pair share",
      "Think Pair Share",
      "Think-pair-share",
      "Think, pair, share",
    ]);
    // Accents and case aside first: "Élan" with the e's, long before "Zones".
    const ours = titles.filter((t) => /^(zones|élan|elan|émotion|emotion)/i.test(t));
    expect(ours).toEqual([
      "elan vital",
      "Élan vital",
      "ÉLAN VITAL",
      "emotion cards",
      "Émotion coaching",
      "zones of regulation",
      "Zones of regulation",
    ]);
    const card = all.strategies.find((s) => s.title === "Think-pair-share")!;
    expect(card.tags).toEqual({
      need: ["communication_interaction", "semh"],
      subject: [],
      key_stage: ["ks3"],
      phase: ["main"],
    });
  });

  it("keeps a title's place when it is renamed, and puts keys written before them in place at start-up", async () => {
    const actor = await actorOf(idOf(database.demo.userIds, "teacher"));
    const byTitle = async () =>
      (await listStrategies(actor, parseStrategyFilters(new URLSearchParams("sort=title")), 1000)).strategies.map(
        (s) => s.title,
      );
    const inOrder = (titles: string[]) => [...titles].sort((a, b) => a.localeCompare(b, "en-GB"));
    const strategy = await db().strategy.findFirstOrThrow({ where: { title: "uber cards" } });
    await db().strategy.update({ where: { id: strategy.id }, data: { title: "Ábaco cards" } });
    expect(await byTitle()).toEqual(inOrder(await byTitle()));
    // As the migration that added the keys left every row: empty, until the server starts.
    await db().$executeRaw`UPDATE "Strategy" SET "titleSortKey" = '' WHERE "partnershipId" = ${actor.partnershipId}`;
    expect(await refreshSortKeys()).toBeGreaterThanOrEqual(TITLES.length);
    expect(await byTitle()).toEqual(inOrder(await byTitle()));
    expect(await refreshSortKeys()).toBe(0);
    await db().strategy.update({ where: { id: strategy.id }, data: { title: { set: "uber cards" } } });
    const titles = await byTitle();
    expect(titles.slice(titles.indexOf("uber cards"), titles.indexOf("uber cards") + 2)).toEqual([
      "uber cards",
      "Über-cards",
    ]);
    expect(titles).toEqual(inOrder(titles));
  });

  it("keeps to the member's partnership", async () => {
    const other = await actorOf(idOf(database.other.userIds, "leader"));
    const theirs = await listStrategies(other, parseStrategyFilters(new URLSearchParams("q=now")), 1000);
    expect(theirs.strategies.some((s) => TITLES.includes(s.title))).toBe(false);
  });
});
