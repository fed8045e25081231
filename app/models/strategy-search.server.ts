// Browsing the strategy library: one page of strategies with tag filters, search, sort by newest, rating, use or
// title, each with its rating and how many plans use it. Scoped to the actor's partnership. The database filters,
// counts, sorts and pages (decision 041), so a request reads the rows it shows, however large the library.
import { Prisma } from "~/generated/sqlite/client";
import { groupTags, type StrategyFilters, type StrategySort } from "~/lib/forms/strategies";
import type { Actor } from "~/policies/actor";
import { currentProvider, db } from "./db.server";

export const STRATEGIES_PAGE_SIZE = 20;

/** The strategies that match the filters: the partnership's, with every chosen tag, whose text holds the search. */
function matching(actor: Actor, filters: StrategyFilters): Prisma.Sql {
  const tags = [
    ["need", filters.need],
    ["subject", filters.subject],
    ["key_stage", filters.keyStage],
    ["phase", filters.phase],
  ].filter(([, value]) => value);
  const conditions = [
    Prisma.sql`s."partnershipId" = ${actor.partnershipId}`,
    ...tags.map(
      ([kind, value]) =>
        Prisma.sql`EXISTS (SELECT 1 FROM "StrategyTag" t
          WHERE t."strategyId" = s."id" AND t."kind" = ${kind} AND t."value" = ${value})`,
    ),
  ];
  if (filters.q) {
    // Case-insensitive on both databases (PostgreSQL's LIKE is case-sensitive); what was typed is matched as text.
    const needle = filters.q.toLocaleLowerCase("en-GB").replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push(Prisma.sql`LOWER(s."title" || ${"\n"} || s."summary") LIKE ${`%${needle}%`} ESCAPE '\\'`);
  }
  return Prisma.join(conditions, " AND ");
}

// A double on both databases (PostgreSQL's AVG of integers is numeric), so means compare as JavaScript's did.
const AVERAGE_RATING = Prisma.sql`(SELECT AVG(CAST(r."rating" AS DOUBLE PRECISION)) FROM "StrategyRating" r WHERE r."strategyId" = s."id")`;
const RATINGS = Prisma.sql`(SELECT COUNT(*) FROM "StrategyRating" r WHERE r."strategyId" = s."id")`;
const USES = Prisma.sql`(SELECT COUNT(*) FROM "LessonPlanStrategy" u WHERE u."strategyId" = s."id")`;

/** One term of a sort: a value of the strategy, its direction, and whether it is text compared byte-wise. */
interface SortTerm {
  value: Prisma.Sql;
  direction: "ASC" | "DESC";
  text?: boolean;
}

/**
 * The terms of a sort, ties broken by title as localeCompare has it (its stored key, decision 037, then lower case
 * first) and last by id.
 */
function sortTerms(sort: StrategySort): SortTerm[] {
  const first: Record<StrategySort, SortTerm[]> = {
    newest: [{ value: Prisma.sql`s."createdAt"`, direction: "DESC" }],
    rating: [
      { value: Prisma.sql`COALESCE(${AVERAGE_RATING}, 0)`, direction: "DESC" },
      { value: RATINGS, direction: "DESC" },
    ],
    used: [{ value: USES, direction: "DESC" }],
    title: [],
  };
  return [
    ...first[sort],
    { value: Prisma.sql`s."titleSortKey"`, direction: "ASC", text: true },
    { value: Prisma.sql`s."title"`, direction: "DESC", text: true },
    { value: Prisma.sql`s."id"`, direction: "ASC", text: true },
  ];
}

interface PageRow {
  id: string;
  title: string;
  summary: string;
  createdAt: Date | string;
  institutionName: string | null;
  average: number | null;
  ratings: number | bigint;
  uses: number | bigint;
}

/** One page of the matches in order, with what each card shows; every match when limit is null. */
async function pageOfStrategies(actor: Actor, filters: StrategyFilters, limit: number | null, offset: number) {
  const postgres = currentProvider() === "postgresql";
  const terms = sortTerms(filters.sort);
  // PostgreSQL's default collation would compare titles by its locale's rules; the sort keys are compared as bytes.
  const collated = (text = false) => Prisma.raw(postgres && text ? ' COLLATE "C"' : "");
  const keys = Prisma.join(
    terms.map(({ value, text }, i) => Prisma.sql`${value}${collated(text)} AS ${Prisma.raw(`"k${i}"`)}`),
  );
  const order = (table: string) =>
    Prisma.raw(terms.map(({ direction }, i) => `${table}"k${i}" ${direction}`).join(", "));
  const paging = limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit} OFFSET ${offset}`;
  return db().$queryRaw<PageRow[]>`
    WITH "page" AS (
      SELECT s."id", ${keys} FROM "Strategy" s WHERE ${matching(actor, filters)} ORDER BY ${order("")} ${paging}
    )
    SELECT s."id", s."title", s."summary", s."createdAt", i."name" AS "institutionName",
      ${AVERAGE_RATING} AS "average", ${RATINGS} AS "ratings", ${USES} AS "uses"
    FROM "page" p
    JOIN "Strategy" s ON s."id" = p."id"
    LEFT JOIN "Institution" i ON i."id" = s."institutionId"
    ORDER BY ${order("p.")}`;
}

/** The tags of the strategies shown, in the order of their codes (as the strategy's own page has them). */
async function tagsOf(ids: string[]) {
  if (ids.length === 0) return [];
  const bytewise = Prisma.raw(currentProvider() === "postgresql" ? ' COLLATE "C"' : "");
  return db().$queryRaw<Array<{ strategyId: string; kind: string; value: string }>>`
    SELECT t."strategyId", t."kind", t."value" FROM "StrategyTag" t
    WHERE t."strategyId" IN (${Prisma.join(ids)})
    ORDER BY t."kind"${bytewise}, t."value"${bytewise}`;
}

/** One page of the library (the CSV download asks for one page of every match). */
export async function listStrategies(actor: Actor, filters: StrategyFilters, pageSize = STRATEGIES_PAGE_SIZE) {
  const [counted] = await db().$queryRaw<Array<{ total: number | bigint }>>`
    SELECT COUNT(*) AS "total" FROM "Strategy" s WHERE ${matching(actor, filters)}`;
  const total = Number(counted?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pageCount);
  const rows =
    total === 0
      ? []
      : await pageOfStrategies(actor, filters, total > pageSize ? pageSize : null, (page - 1) * pageSize);
  const tags = await tagsOf(rows.map((r) => r.id));
  const tagsOfStrategy = new Map<string, Array<{ kind: string; value: string }>>();
  for (const tag of tags) tagsOfStrategy.set(tag.strategyId, [...(tagsOfStrategy.get(tag.strategyId) ?? []), tag]);
  return {
    strategies: rows.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      createdAt: new Date(r.createdAt),
      institutionName: r.institutionName,
      tags: groupTags(tagsOfStrategy.get(r.id) ?? []),
      // SQLite answers counts as numbers, PostgreSQL as bigints.
      rating: { average: r.average === null ? 0 : Number(r.average), count: Number(r.ratings) },
      usedInPlans: Number(r.uses),
    })),
    total,
    page,
    pageCount,
  };
}
