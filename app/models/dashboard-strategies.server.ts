// The strategies dashboard: use over time (links from dated plans, by month), mean impact rating and its spread per
// strategy and per area of need, beside the headteachers' ranking from the study. A teacher's figures count plans of
// the courses they co-plan and ratings given for those plans.
import { NEED_AREAS } from "~/lib/co-planning";
import { rangeQuery, round2, type DashboardTable } from "~/lib/dashboards";
import {
  HEADS_RANKING_SOURCE,
  HEADS_STRATEGY_RANKING,
  STUDY_STRATEGY_KEYWORDS,
  studyStrategiesNamedBy,
} from "~/lib/heads-strategy-ranking";
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
 * A strategy's place by the figures the table ranks by: its mean to two places as shown (JavaScript's rounding of the
 * same double, so ties are the table's ties), then its ratings. Titles break ties in JavaScript, with a collator.
 */
function rankOf(q: AggregateQuery): string {
  const hundredths = `(CAST(r.total AS ${q.postgres ? "double precision" : "REAL"}) / r.ratings) * 100 + 0.5`;
  const mean = q.postgres ? `floor(${hundredths})` : `CAST(${hundredths} AS INTEGER)`;
  return `RANK() OVER (ORDER BY COALESCE(${mean}, 0) DESC, COALESCE(r.ratings, 0) DESC)`;
}

/**
 * The title may name a study strategy: it has one's keyword, or a character outside printable ASCII (where SQL's
 * lower case may not be JavaScript's).
 */
function mayNameStudyStrategy(q: AggregateQuery, title: string): string {
  const unusual = q.postgres ? `${title} ~ '[^ -~]'` : `${title} GLOB '*[^ -~]*'`;
  const keywords = STUDY_STRATEGY_KEYWORDS.map((word) => `lower(${title}) LIKE ${q.p(`%${word}%`)}`);
  return `(${unusual} OR ${keywords.join(" OR ")})`;
}

/** Highest mean first, then most ratings, then by title: the per-strategy table's order. */
const byRank = (a: { title: string; mean: number | null; ratings: number }, b: typeof a) =>
  (b.mean ?? 0) - (a.mean ?? 0) || b.ratings - a.ratings || byTitle.compare(a.title, b.title);

/**
 * One statement: each strategy used or rated (uses, rating figures) and each area of need (the ratings of the
 * strategies tagged with it), both from the ratings summed once per strategy. Given `shown`, the figures of only the
 * strategies that may rank among the first `shown` (ties at the cut included), the count of all, and for the heads'
 * ranking the titles and ratings of the other rated ones.
 */
async function perStrategyAndNeed(query: DashboardQuery, shown: number | null) {
  const q = new AggregateQuery();
  const uses = usesIn(q, query);
  const ratings = ratingsIn(q, query);
  const partnership = q.p(query.actor.partnershipId);
  // The whole table (the CSV, or ?all) needs no places; the page's first rows need them, and the heads' ranking
  // the other rated strategies whose titles may name a study strategy.
  const place = shown === null ? "" : `, ${rankOf(q)} AS place, COUNT(*) OVER () AS strategies`;
  const kind = shown === null ? "'strategy'" : `CASE WHEN f.place <= ${q.p(shown)} THEN 'strategy' ELSE 'rated' END`;
  const cut =
    shown === null
      ? ""
      : `WHERE f.place <= ${q.p(shown)} OR (f.ratings IS NOT NULL AND ${mayNameStudyStrategy(q, "f.title")})`;
  const rows =
    await q.rows(`WITH uses AS (SELECT x."strategyId", COUNT(*) AS uses FROM (${uses}) x GROUP BY x."strategyId"),
      rated AS (${ratings}),
      figures AS (SELECT s."id" AS id, s."title" AS title, u.uses AS uses, r.ratings AS ratings, r.total AS total,
          r.squares AS squares, r.low AS low, r.high AS high${place}
        FROM "Strategy" s LEFT JOIN uses u ON u."strategyId" = s."id" LEFT JOIN rated r ON r."strategyId" = s."id"
        WHERE s."partnershipId" = ${partnership} AND (u.uses IS NOT NULL OR r.ratings IS NOT NULL))
    SELECT ${kind} AS kind, f.id AS id, f.title AS title, f.uses AS uses, ${shown === null ? "0" : "f.strategies"} AS rated,
      f.ratings AS ratings, f.total AS total, f.squares AS squares, f.low AS low, f.high AS high
    FROM figures f ${cut}
    UNION ALL
    SELECT 'need', t."value", '', 0, COUNT(r."strategyId"), SUM(r.ratings), SUM(r.total), SUM(r.squares), MIN(r.low),
      MAX(r.high)
    FROM "Strategy" s JOIN "StrategyTag" t ON t."strategyId" = s."id" AND t."kind" = 'need'
    LEFT JOIN rated r ON r."strategyId" = s."id"
    WHERE s."partnershipId" = ${q.p(query.actor.partnershipId)}
    GROUP BY t."value"`);
  const figuresOf = (r: Record<string, unknown>) => ({
    id: str(r.id),
    title: str(r.title),
    uses: num(r.uses),
    ...spread(r),
  });
  const ranking = rows
    .filter((r) => r.kind === "strategy")
    .map(figuresOf)
    .sort(byRank);
  const strategies = shown === null ? ranking : ranking.slice(0, shown);
  const total = shown === null ? strategies.length : num(rows.find((r) => r.kind === "strategy")?.rated);
  const rated = [...ranking, ...rows.filter((r) => r.kind === "rated").map(figuresOf)].filter((o) => o.mean !== null);
  const found = new Map(
    rows.filter((r) => r.kind === "need").map((r) => [str(r.id), { rated: num(r.rated), ...spread(r) }]),
  );
  const needs = NEED_AREAS.codes.map((need) => ({
    need,
    ...(found.get(need) ?? { rated: 0, ratings: 0, mean: null, low: null, high: null, sd: null }),
  }));
  return { strategies, total, rated, needs };
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

/**
 * The dashboard's tables; given `shown`, the per-strategy table holds only its first `shown` rows (and says how many
 * it has), as the page shows it. The heads' ranking counts every rated strategy either way.
 */
export async function strategiesDashboard(
  query: DashboardQuery,
  shown: number | null = null,
): Promise<DashboardTable[]> {
  const [{ strategies, total, rated: ratedStrategies, needs }, months] = await Promise.all([
    perStrategyAndNeed(query, shown),
    perMonth(query),
  ]);
  const rated = ratedStrategies.map((o) => ({ ...o, names: studyStrategiesNamedBy(o.title) }));
  const study = HEADS_STRATEGY_RANKING.map((s) => {
    const ours = rated.filter((o) => o.names.has(s.strategy)).sort(byRank);
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
      ...(total > strategies.length ? { totalRows: total } : {}),
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
