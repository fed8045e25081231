// The strategies dashboard: use over time (links from dated plans, by month), mean impact rating and its spread per
// strategy and per area of need, beside the headteachers' ranking from the study. A teacher's figures count plans of
// the courses they co-plan and ratings given for those plans.
import { NEED_AREAS } from "~/lib/co-planning";
import { rangeQuery, round2, type DashboardTable } from "~/lib/dashboards";
import { HEADS_RANKING_SOURCE, HEADS_STRATEGY_RANKING, titleNamesStudyStrategy } from "~/lib/heads-strategy-ranking";
import { AggregateQuery, num, str } from "./dashboard-sql.server";
import type { DashboardQuery } from "./dashboard-deployment.server";

/** The ratings counted: given in the range; for a teacher, only those given for plans of their courses. */
function ratingsIn(q: AggregateQuery, { scope, range }: DashboardQuery): string {
  // Placeholders are positional on SQLite: build the SQL's parts in the order they appear in it.
  const inRange = q.inRange(`r."updatedAt"`, range);
  const scoped =
    scope.kind === "partnership"
      ? "1 = 1"
      : `r."lessonPlanId" IS NOT NULL AND ${q.courseInScope(`rp."courseId"`, scope)}`;
  return `SELECT r."id", r."strategyId", r."rating" FROM "StrategyRating" r
    LEFT JOIN "LessonPlan" rp ON rp."id" = r."lessonPlanId"
    WHERE ${inRange} AND ${scoped}`;
}

/** Plan links counted: plans of in-scope courses dated in the range. */
function usesIn(q: AggregateQuery, { actor, scope, range }: DashboardQuery): string {
  return `SELECT lps."strategyId", p."lessonDate" FROM "LessonPlanStrategy" lps
    JOIN "LessonPlan" p ON p."id" = lps."lessonPlanId"
    WHERE p."partnershipId" = ${q.p(actor.partnershipId)} AND p."lessonDate" IS NOT NULL
      AND ${q.inRange(`p."lessonDate"`, range)} AND ${q.courseInScope(`p."courseId"`, scope)}`;
}

const RATING_STATS = `COUNT(r."id") AS ratings, AVG(r."rating") AS mean, MIN(r."rating") AS low, MAX(r."rating") AS high,
  AVG(r."rating" * r."rating") AS mean_square`;

function spread(row: Record<string, unknown>) {
  const ratings = num(row.ratings);
  const mean = num(row.mean);
  const variance = Math.max(0, num(row.mean_square) - mean * mean);
  return {
    ratings,
    mean: ratings > 0 ? round2(mean) : null,
    low: ratings > 0 ? num(row.low) : null,
    high: ratings > 0 ? num(row.high) : null,
    sd: ratings > 0 ? round2(Math.sqrt(variance)) : null,
  };
}

async function perStrategy(query: DashboardQuery) {
  const q = new AggregateQuery();
  const uses = usesIn(q, query);
  const ratings = ratingsIn(q, query);
  const rows = await q.rows(`SELECT s."id" AS id, s."title" AS title, u.uses AS uses, ${RATING_STATS}
    FROM "Strategy" s
    LEFT JOIN (SELECT x."strategyId", COUNT(*) AS uses FROM (${uses}) x GROUP BY x."strategyId") u ON u."strategyId" = s."id"
    LEFT JOIN (${ratings}) r ON r."strategyId" = s."id"
    WHERE s."partnershipId" = ${q.p(query.actor.partnershipId)}
    GROUP BY s."id", s."title", u.uses`);
  return rows
    .map((r) => ({ id: str(r.id), title: str(r.title), uses: num(r.uses), ...spread(r) }))
    .filter((r) => r.uses > 0 || r.ratings > 0)
    .sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0) || b.ratings - a.ratings || a.title.localeCompare(b.title, "en-GB"));
}

async function perNeed(query: DashboardQuery) {
  const q = new AggregateQuery();
  const ratings = ratingsIn(q, query);
  const rows = await q.rows(`SELECT t."value" AS need, COUNT(DISTINCT r."strategyId") AS rated, ${RATING_STATS}
    FROM "Strategy" s JOIN "StrategyTag" t ON t."strategyId" = s."id" AND t."kind" = 'need'
    LEFT JOIN (${ratings}) r ON r."strategyId" = s."id"
    WHERE s."partnershipId" = ${q.p(query.actor.partnershipId)}
    GROUP BY t."value"`);
  const found = new Map(rows.map((r) => [str(r.need), { rated: num(r.rated), ...spread(r) }]));
  return NEED_AREAS.codes.map((need) => ({
    need,
    ...(found.get(need) ?? { rated: 0, ratings: 0, mean: null, low: null, high: null, sd: null }),
  }));
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
  const [strategies, needs, months] = await Promise.all([perStrategy(query), perNeed(query), perMonth(query)]);
  const study = HEADS_STRATEGY_RANKING.map((s) => {
    const ours = strategies.filter((o) => titleNamesStudyStrategy(o.title, s.strategy) && o.mean !== null);
    const ratings = ours.reduce((n, o) => n + o.ratings, 0);
    const mean = ratings > 0 ? round2(ours.reduce((sum, o) => sum + (o.mean ?? 0) * o.ratings, 0) / ratings) : null;
    return { ...s, ours, ratings, mean };
  });
  return [
    {
      id: "use-over-time",
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
