// The strategies dashboard: use over time (links from dated plans, by month), mean impact rating and its spread per
// strategy and per area of need, beside the headteachers' ranking from the study. A teacher's figures count plans of
// the courses they co-plan and ratings given for those plans.
import { NEED_AREAS } from "~/lib/co-planning";
import { rangeQuery, round2, type DashboardTable } from "~/lib/dashboards";
import { HEADS_RANKING_SOURCE, HEADS_STRATEGY_RANKING, studyStrategiesNamedBy } from "~/lib/heads-strategy-ranking";
import { AggregateQuery, num, str } from "./dashboard-sql.server";
import type { DashboardQuery } from "./dashboard-deployment.server";

/** One collator for every comparison: a locale argument to localeCompare builds one per call. */
const byTitle = new Intl.Collator("en-GB");

/**
 * Per strategy, the ratings counted (given in the range; for a teacher, only those given for plans of their courses)
 * as sums the figures are computed from: their count, total, sum of squares, lowest and highest.
 */
function ratingsIn(q: AggregateQuery, { scope, range }: DashboardQuery): string {
  // Placeholders are positional on SQLite: build the SQL's parts in the order they appear in it.
  const inRange = q.inRange(`r."updatedAt"`, range);
  const scoped =
    scope.kind === "partnership"
      ? ""
      : `AND r."lessonPlanId" IS NOT NULL AND r."lessonPlanId" IN (SELECT rp."id" FROM "LessonPlan" rp
          WHERE ${q.courseInScope(`rp."courseId"`, scope)})`;
  return `SELECT r."strategyId", COUNT(*) AS ratings, SUM(r."rating") AS total, SUM(r."rating" * r."rating") AS squares,
      MIN(r."rating") AS low, MAX(r."rating") AS high
    FROM "StrategyRating" r WHERE ${inRange} ${scoped} GROUP BY r."strategyId"`;
}

/** Plan links counted: plans of in-scope courses dated in the range. */
function usesIn(q: AggregateQuery, { actor, scope, range }: DashboardQuery): string {
  return `SELECT lps."strategyId", p."lessonDate" FROM "LessonPlan" p
    JOIN "LessonPlanStrategy" lps ON lps."lessonPlanId" = p."id"
    WHERE p."partnershipId" = ${q.p(actor.partnershipId)} AND p."lessonDate" IS NOT NULL
      AND ${q.inRange(`p."lessonDate"`, range)} AND ${q.courseInScope(`p."courseId"`, scope)}`;
}

/** The rating figures from a row of sums (mean, spread and standard deviation over the ratings summed). */
function spread(row: Record<string, unknown>) {
  const ratings = num(row.ratings);
  const mean = ratings > 0 ? num(row.total) / ratings : 0;
  const variance = ratings > 0 ? Math.max(0, num(row.squares) / ratings - mean * mean) : 0;
  return {
    ratings,
    mean: ratings > 0 ? round2(mean) : null,
    low: ratings > 0 ? num(row.low) : null,
    high: ratings > 0 ? num(row.high) : null,
    sd: ratings > 0 ? round2(Math.sqrt(variance)) : null,
  };
}

/**
 * One statement: each strategy used or rated (uses, rating figures) and each area of need (the ratings of the
 * strategies tagged with it), both from the ratings summed once per strategy.
 */
async function perStrategyAndNeed(query: DashboardQuery) {
  const q = new AggregateQuery();
  const uses = usesIn(q, query);
  const ratings = ratingsIn(q, query);
  const rows =
    await q.rows(`WITH uses AS (SELECT x."strategyId", COUNT(*) AS uses FROM (${uses}) x GROUP BY x."strategyId"),
      rated AS (${ratings})
    SELECT 'strategy' AS kind, s."id" AS id, s."title" AS title, u.uses AS uses, 0 AS rated, r.ratings AS ratings,
      r.total AS total, r.squares AS squares, r.low AS low, r.high AS high
    FROM "Strategy" s LEFT JOIN uses u ON u."strategyId" = s."id" LEFT JOIN rated r ON r."strategyId" = s."id"
    WHERE s."partnershipId" = ${q.p(query.actor.partnershipId)} AND (u.uses IS NOT NULL OR r.ratings IS NOT NULL)
    UNION ALL
    SELECT 'need', t."value", '', 0, COUNT(r."strategyId"), SUM(r.ratings), SUM(r.total), SUM(r.squares), MIN(r.low),
      MAX(r.high)
    FROM "Strategy" s JOIN "StrategyTag" t ON t."strategyId" = s."id" AND t."kind" = 'need'
    LEFT JOIN rated r ON r."strategyId" = s."id"
    WHERE s."partnershipId" = ${q.p(query.actor.partnershipId)}
    GROUP BY t."value"`);
  const strategies = rows
    .filter((r) => r.kind === "strategy")
    .map((r) => ({ id: str(r.id), title: str(r.title), uses: num(r.uses), ...spread(r) }))
    .sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0) || b.ratings - a.ratings || byTitle.compare(a.title, b.title));
  const found = new Map(
    rows.filter((r) => r.kind === "need").map((r) => [str(r.id), { rated: num(r.rated), ...spread(r) }]),
  );
  const needs = NEED_AREAS.codes.map((need) => ({
    need,
    ...(found.get(need) ?? { rated: 0, ratings: 0, mean: null, low: null, high: null, sd: null }),
  }));
  return { strategies, needs };
}

async function perMonth(query: DashboardQuery) {
  const q = new AggregateQuery();
  const uses = usesIn(q, query);
  const rows = await q.rows(`SELECT ${q.month(`x."lessonDate"`)} AS month, COUNT(*) AS uses,
      COUNT(DISTINCT x."strategyId") AS strategies
    FROM (${uses}) x GROUP BY ${q.month(`x."lessonDate"`)} ORDER BY month`);
  return rows.map((r) => ({ month: str(r.month), uses: num(r.uses), strategies: num(r.strategies) }));
}

const RATING_COLUMNS = [
  { key: "ratings", label: "Ratings" },
  { key: "mean", label: "Mean impact (1-5)", format: "decimal" },
  { key: "low", label: "Lowest" },
  { key: "high", label: "Highest" },
  { key: "sd", label: "Standard deviation", format: "decimal" },
] as const;

function monthEnd(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

export async function strategiesDashboard(query: DashboardQuery): Promise<DashboardTable[]> {
  const [{ strategies, needs }, months] = await Promise.all([perStrategyAndNeed(query), perMonth(query)]);
  const rated = strategies
    .filter((o) => o.mean !== null)
    .map((o) => ({ ...o, names: studyStrategiesNamedBy(o.title) }));
  const study = HEADS_STRATEGY_RANKING.map((s) => {
    const ours = rated.filter((o) => o.names.has(s.strategy));
    const ratings = ours.reduce((n, o) => n + o.ratings, 0);
    const mean = ratings > 0 ? round2(ours.reduce((sum, o) => sum + (o.mean ?? 0) * o.ratings, 0) / ratings) : null;
    return { ...s, ours, ratings, mean };
  });
  return [
    {
      id: "use-over-time",
      timeSeries: true,
      caption: "Strategy use over time (links from lesson plans, by month of the lesson)",
      columns: [
        { key: "month", label: "Month" },
        { key: "uses", label: "Uses in lesson plans" },
        { key: "strategies", label: "Different strategies" },
      ],
      rows: months.map((r) => ({
        cells: r,
        href: `/dashboards/records/plans?${rangeQuery(
          { from: `${r.month}-01`, to: monthEnd(r.month) },
          { withStrategies: "1" },
        )}`,
      })),
      empty: "No lesson plan dated in this range uses a strategy from the library.",
    },
    {
      id: "per-strategy",
      caption: "Impact rating per strategy (highest mean first)",
      columns: [{ key: "strategy", label: "Strategy" }, { key: "uses", label: "Uses" }, ...RATING_COLUMNS],
      rows: strategies.map((r) => ({
        cells: {
          strategy: r.title,
          uses: r.uses,
          ratings: r.ratings,
          mean: r.mean,
          low: r.low,
          high: r.high,
          sd: r.sd,
        },
        href: `/strategies/${r.id}`,
      })),
      empty: "No strategy was used or rated in this range.",
    },
    {
      id: "per-need",
      caption: "Impact rating per area of need (strategies tagged with the need)",
      columns: [{ key: "need", label: "Area of need" }, { key: "rated", label: "Strategies rated" }, ...RATING_COLUMNS],
      rows: needs.map((r) => ({
        cells: {
          need: NEED_AREAS.label(r.need),
          rated: r.rated,
          ratings: r.ratings,
          mean: r.mean,
          low: r.low,
          high: r.high,
          sd: r.sd,
        },
        href: `/strategies?need=${r.need}&sort=rating`,
      })),
      empty: "No strategy is tagged with an area of need.",
    },
    {
      id: "heads-ranking",
      caption: `Our ratings beside the study: ${HEADS_RANKING_SOURCE}`,
      columns: [
        { key: "strategy", label: "Strategy in the study" },
        { key: "rank", label: "Heads' rank (1 = most effective)" },
        { key: "ours", label: "Our strategies that name it" },
        { key: "ratings", label: "Our ratings" },
        { key: "mean", label: "Our mean impact (1-5)", format: "decimal" },
      ],
      rows: study.map((s) => ({
        cells: {
          strategy: s.strategy,
          rank: s.rank,
          ours: s.ours.map((o) => o.title).join("; "),
          ratings: s.ratings,
          mean: s.mean,
        },
        href: s.ours.length === 1 ? `/strategies/${s.ours[0]!.id}` : undefined,
      })),
      empty: "",
    },
  ];
}
