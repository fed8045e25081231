// Browsing the strategy library: one page of strategies with tag filters, search, sort by newest, rating, use or
// title, each with its rating and how many plans use it. Scoped to the actor's partnership.
import { groupTags, type StrategyFilters } from "~/lib/forms/strategies";
import type { Actor } from "~/policies/actor";
import { db } from "./db.server";

export const STRATEGIES_PAGE_SIZE = 20;

/**
 * One page of the library (the CSV download asks for one page of every match). A partnership's library is hundreds of strategies, not
 * millions, and "highest rated" sorts by an average no index holds: so the tag
 * filters run in the database, then search, sort and paging run over the matches.
 */
export async function listStrategies(actor: Actor, filters: StrategyFilters, pageSize = STRATEGIES_PAGE_SIZE) {
  const tagFilters = [
    ["need", filters.need],
    ["subject", filters.subject],
    ["key_stage", filters.keyStage],
    ["phase", filters.phase],
  ].filter(([, value]) => value);
  const rows = await db().strategy.findMany({
    where: {
      partnershipId: actor.partnershipId,
      AND: tagFilters.map(([kind, value]) => ({ tags: { some: { kind, value } } })),
    },
    select: {
      id: true,
      title: true,
      summary: true,
      createdAt: true,
      institution: { select: { name: true } },
      tags: { select: { kind: true, value: true } },
    },
  });
  // Case-insensitive on both databases (PostgreSQL's LIKE is case-sensitive).
  const needle = filters.q.toLocaleLowerCase("en-GB");
  const matches = needle
    ? rows.filter((r) => `${r.title}\n${r.summary}`.toLocaleLowerCase("en-GB").includes(needle))
    : rows;
  const ids = matches.map((r) => r.id);
  const [ratingStats, useStats] = await Promise.all([
    db().strategyRating.groupBy({
      by: ["strategyId"],
      where: { strategyId: { in: ids } },
      _avg: { rating: true },
      _count: { _all: true },
    }),
    db().lessonPlanStrategy.groupBy({ by: ["strategyId"], where: { strategyId: { in: ids } }, _count: { _all: true } }),
  ]);
  const ratingOf = new Map(
    ratingStats.map((s) => [s.strategyId, { average: s._avg.rating ?? 0, count: s._count._all }]),
  );
  const usesOf = new Map(useStats.map((s) => [s.strategyId, s._count._all]));
  const summarised = matches.map((r) => ({
    id: r.id,
    title: r.title,
    summary: r.summary,
    createdAt: r.createdAt,
    institutionName: r.institution?.name ?? null,
    tags: groupTags(r.tags),
    rating: ratingOf.get(r.id) ?? { average: 0, count: 0 },
    usedInPlans: usesOf.get(r.id) ?? 0,
  }));
  const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, "en-GB");
  const newest = (a: { createdAt: Date }, b: { createdAt: Date }) => b.createdAt.getTime() - a.createdAt.getTime();
  summarised.sort((a, b) => {
    switch (filters.sort) {
      case "rating":
        return b.rating.average - a.rating.average || b.rating.count - a.rating.count || byTitle(a, b);
      case "used":
        return b.usedInPlans - a.usedInPlans || byTitle(a, b);
      case "title":
        return byTitle(a, b);
      default:
        return newest(a, b) || byTitle(a, b);
    }
  });
  const total = summarised.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pageCount);
  return {
    strategies: summarised.slice((page - 1) * pageSize, page * pageSize),
    total,
    page,
    pageCount,
  };
}
