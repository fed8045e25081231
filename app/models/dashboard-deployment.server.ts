// The LSA deployment dashboard: sessions and minutes of support per institution (where the lesson is: the group's
// site, else the course's lead institution), per area of need of the students supported, per support pattern (the
// deployment's mode); supporters deployed outside their own institution; briefings read before the lesson and
// feedback returned. Each figure is one grouped query over the deployments of plans dated in the range.
import { DEPLOYMENT_MODES, NEED_AREAS } from "~/lib/co-planning";
import { percent, rangeQuery, type DashboardTable, type DateRange } from "~/lib/dashboards";
import type { Actor } from "~/policies/actor";
import type { DashboardScope } from "~/policies/dashboard";
import { offsetSpans } from "~/lib/zoned-time";
import { AggregateQuery, num, str } from "./dashboard-sql.server";

/** The clock lessons are timetabled on (the app has no per-partnership time zone: see app/lib/uk-calendar). */
const UK_TIME_ZONE = "Europe/London";

type NeedArea = (typeof NEED_AREAS.codes)[number];

export interface DeploymentFilter {
  institutionId?: string;
  mode?: string;
  need?: NeedArea;
  /** Only supporters deployed away from their own institution ("" for any home institution). */
  outsideFrom?: string;
}

export interface DashboardQuery {
  actor: Actor;
  scope: DashboardScope;
  range: DateRange;
}

const SITE = `COALESCE(g."siteId", c."leadInstitutionId")`;
/** The joins SITE reads. */
const SITE_JOINS = `JOIN "Course" c ON c."id" = p."courseId" LEFT JOIN "TeachingGroup" g ON g."id" = p."groupId"`;

/**
 * The deployments counted, found through their plans: the plans dated in the range from LessonPlan_dashboard_idx,
 * then each plan's deployments from Deployment_dashboard_idx, so no row of either table is read. `where` is the
 * conditions after these; `joins` go before WHERE (their placeholders must come first too).
 */
function countedDeployments(q: AggregateQuery, query: DashboardQuery, joins: string) {
  return {
    from: `FROM "LessonPlan" p JOIN "Deployment" d ON d."lessonPlanId" = p."id" ${joins}`,
    where: [...datedPlanConditions(q, query), `d."partnershipId" = ${q.p(query.actor.partnershipId)}`],
  };
}

/** The plans `p` whose deployments count: the partnership's, of in-scope courses, dated in the range. */
function datedPlanConditions(q: AggregateQuery, { actor, scope, range }: DashboardQuery): string[] {
  return [
    `p."partnershipId" = ${q.p(actor.partnershipId)}`,
    `p."lessonDate" IS NOT NULL`,
    q.inRange(`p."lessonDate"`, range),
    q.courseInScope(`p."courseId"`, scope),
  ];
}

/**
 * FROM and WHERE for the deployments counted (the records behind a figure): the partnership's, in plans of in-scope
 * courses dated in the range, narrowed by the filter.
 */
export function deploymentsIn(q: AggregateQuery, query: DashboardQuery, filter: DeploymentFilter = {}) {
  const { from, where } = countedDeployments(q, query, `${SITE_JOINS} JOIN "User" su ON su."id" = d."supporterId"`);
  if (filter.institutionId) where.push(`${SITE} = ${q.p(filter.institutionId)}`);
  if (filter.mode) where.push(`d."mode" = ${q.p(filter.mode)}`);
  if (filter.need) where.push(supportsNeed(filter.need));
  if (filter.outsideFrom !== undefined) {
    where.push(`su."institutionId" <> ${SITE}`);
    if (filter.outsideFrom) where.push(`su."institutionId" = ${q.p(filter.outsideFrom)}`);
  }
  return `${from} WHERE ${where.join(" AND ")}`;
}

/**
 * The deployment supports at least one student with this area of need: its needMask bit, which the database keeps
 * from the students' comma-separated needAreas (migration dashboard_indexes; the bits follow NEED_AREAS' order).
 */
function supportsNeed(need: NeedArea): string {
  return `(d."needMask" & ${needBit(need)}) <> 0`;
}

const needBit = (need: NeedArea) => 1 << NEED_AREAS.codes.indexOf(need);

/**
 * Read before the lesson began, compared to the minute on London's clock: a lesson's start is a UK clock time, and
 * in British Summer Time a briefing read at 08:30 UTC was read at 09:30, after a 09:00 lesson began.
 */
export function readBeforeLesson(q: AggregateQuery, range: DateRange): string {
  const start = `(${q.day(`p."lessonDate"`)} || 'T' || CASE WHEN p."startTime" = '' THEN '00:00' ELSE p."startTime" END)`;
  // A reading can only be on the wrong side of a start within the offset of it, so the range's years are enough.
  const spans = [];
  for (let year = Number(range.from.slice(0, 4)); year <= Number(range.to.slice(0, 4)); year++) {
    spans.push(...offsetSpans(year, UK_TIME_ZONE));
  }
  // Most briefings are read on an earlier day: read before the UTC midnight that begins the lesson's day, a reading
  // is at the latest 01:00 on London's clock that day, so it is before any lesson starting from 01:00 on, with no
  // clock arithmetic per deployment.
  return `CASE WHEN d."readAt" IS NULL THEN 0
    WHEN d."readAt" < p."lessonDate" AND p."startTime" >= '01:00' THEN 1
    WHEN ${q.wallMinute(`d."readAt"`, spans)} < ${start} THEN 1 ELSE 0 END`;
}

const drill = (range: DateRange, filter: Record<string, string>) =>
  `/dashboards/records/deployments?${rangeQuery(range, filter)}`;

/**
 * The plans counted, each with its lesson site: the site is looked up once per plan (about 7,500 in a year at
 * partnership scale), not once per deployment (40,000), before the deployments are joined.
 */
function datedPlansWithSite(q: AggregateQuery, query: DashboardQuery): string {
  return `SELECT p."id", p."lessonDate", p."startTime", ${SITE} AS site
    FROM "LessonPlan" p ${SITE_JOINS} WHERE ${datedPlanConditions(q, query).join(" AND ")}`;
}

/**
 * One pass over the deployments: sessions per lesson site and supporter, then summed per site (every figure of the
 * per-institution table; the supporters are the site's rows) and per home institution of supporters working away
 * from it. The supporter's institution is looked up once per supporter, not per deployment.
 */
async function perInstitution(query: DashboardQuery) {
  const q = new AggregateQuery();
  // Placeholders are positional on SQLite: the parts are built in the order they appear in the text.
  const plans = datedPlansWithSite(q, query);
  const figures = `COUNT(*) AS sessions, SUM(d."minutes") AS minutes,
    SUM(CASE WHEN d."briefedAt" IS NOT NULL THEN 1 ELSE 0 END) AS briefed,
    SUM(${readBeforeLesson(q, query.range)}) AS read_before,
    SUM(CASE WHEN d."feedbackAt" IS NOT NULL THEN 1 ELSE 0 END) AS feedback`;
  const rows = await q.rows(`WITH plans AS MATERIALIZED (${plans}),
    per_supporter AS (
      SELECT p.site AS site, d."supporterId" AS supporter, ${figures}
      FROM plans p JOIN "Deployment" d ON d."lessonPlanId" = p."id"
      WHERE d."partnershipId" = ${q.p(query.actor.partnershipId)} GROUP BY p.site, d."supporterId")
    SELECT 'lesson' AS side, i."id" AS id, i."name" AS name, SUM(ps.sessions) AS sessions, SUM(ps.minutes) AS minutes,
      COUNT(*) AS supporters, SUM(ps.briefed) AS briefed, SUM(ps.read_before) AS read_before,
      SUM(ps.feedback) AS feedback
    FROM per_supporter ps JOIN "User" su ON su."id" = ps.supporter JOIN "Institution" i ON i."id" = ps.site
    GROUP BY i."id", i."name"
    UNION ALL
    SELECT 'home', hi."id", hi."name", SUM(ps.sessions), SUM(ps.minutes), COUNT(DISTINCT ps.supporter), 0, 0, 0
    FROM per_supporter ps JOIN "User" su ON su."id" = ps.supporter JOIN "Institution" hi ON hi."id" = su."institutionId"
    WHERE su."institutionId" <> ps.site
    GROUP BY hi."id", hi."name"
    ORDER BY 1, 3`);
  const figuresOf = (r: Record<string, unknown>) => ({
    id: str(r.id),
    name: str(r.name),
    sessions: num(r.sessions),
    minutes: num(r.minutes),
    supporters: num(r.supporters),
    briefed: num(r.briefed),
    readBefore: num(r.read_before),
    feedback: num(r.feedback),
  });
  return {
    institutions: rows.filter((r) => r.side === "lesson").map(figuresOf),
    outside: rows.filter((r) => r.side === "home").map(figuresOf),
  };
}

/**
 * One pass: sessions and minutes per support pattern, each with those supporting a student of each area of need
 * (the needMask bits); the need figures are the patterns' summed, every pattern included.
 */
async function perModeAndNeed(query: DashboardQuery) {
  const q = new AggregateQuery();
  // Grouped by pattern and needMask first: the need of each deployment is then read once per group, not per row.
  const needs = NEED_AREAS.codes.map((need, i) => {
    const supports = `(x.needs & ${needBit(need)}) <> 0`;
    return `SUM(CASE WHEN ${supports} THEN x.sessions ELSE 0 END) AS n${i},
      SUM(CASE WHEN ${supports} THEN x.minutes ELSE 0 END) AS m${i}`;
  });
  const { from, where } = countedDeployments(q, query, "");
  const rows = await q.rows(`SELECT x.mode AS mode, SUM(x.sessions) AS sessions, SUM(x.minutes) AS minutes,
      ${needs.join(", ")}
    FROM (SELECT d."mode" AS mode, d."needMask" AS needs, COUNT(*) AS sessions, SUM(d."minutes") AS minutes
      ${from} WHERE ${where.join(" AND ")} GROUP BY d."mode", d."needMask") x
    GROUP BY x.mode`);
  const found = new Map(rows.map((r) => [str(r.mode), { sessions: num(r.sessions), minutes: num(r.minutes) }]));
  const modes = DEPLOYMENT_MODES.codes
    .map((mode) => ({ mode, ...(found.get(mode) ?? { sessions: 0, minutes: 0 }) }))
    .filter((r) => r.sessions > 0);
  const sum = (column: string) => rows.reduce((total, r) => total + num(r[column]), 0);
  const needRows = NEED_AREAS.codes.map((need, i) => ({ need, sessions: sum(`n${i}`), minutes: sum(`m${i}`) }));
  return { modes, needs: needRows };
}

export async function deploymentDashboard(query: DashboardQuery): Promise<DashboardTable[]> {
  const { range } = query;
  const [{ institutions, outside }, { modes, needs }] = await Promise.all([
    perInstitution(query),
    perModeAndNeed(query),
  ]);
  const total = institutions.reduce(
    (sum, r) => ({
      sessions: sum.sessions + r.sessions,
      briefed: sum.briefed + r.briefed,
      readBefore: sum.readBefore + r.readBefore,
      feedback: sum.feedback + r.feedback,
    }),
    { sessions: 0, briefed: 0, readBefore: 0, feedback: 0 },
  );
  return [
    {
      id: "per-institution",
      caption: "LSA support per institution (where the lesson is)",
      columns: [
        { key: "institution", label: "Institution" },
        { key: "sessions", label: "Sessions" },
        { key: "minutes", label: "Minutes" },
        { key: "supporters", label: "Supporters" },
        { key: "readBefore", label: "Briefings read before the lesson", format: "percent" },
        { key: "feedback", label: "Feedback returned", format: "percent" },
      ],
      rows: institutions.map((r) => ({
        cells: {
          institution: r.name,
          sessions: r.sessions,
          minutes: r.minutes,
          supporters: r.supporters,
          readBefore: percent(r.readBefore, r.sessions),
          feedback: percent(r.feedback, r.sessions),
        },
        href: drill(range, { institution: r.id }),
      })),
      empty: "No LSA was deployed in a lesson dated in this range.",
    },
    {
      id: "per-need",
      caption: "LSA support per area of need (sessions supporting a student with that need)",
      columns: [
        { key: "need", label: "Area of need" },
        { key: "sessions", label: "Sessions" },
        { key: "minutes", label: "Minutes" },
      ],
      rows: needs.map((r) => ({
        cells: { need: NEED_AREAS.label(r.need), sessions: r.sessions, minutes: r.minutes },
        href: drill(range, { need: r.need }),
      })),
      empty: "No LSA was deployed in a lesson dated in this range.",
    },
    {
      id: "per-pattern",
      caption: "LSA support per support pattern",
      columns: [
        { key: "pattern", label: "Support pattern" },
        { key: "sessions", label: "Sessions" },
        { key: "minutes", label: "Minutes" },
      ],
      rows: modes.map((r) => ({
        cells: { pattern: DEPLOYMENT_MODES.label(r.mode), sessions: r.sessions, minutes: r.minutes },
        href: drill(range, { mode: r.mode }),
      })),
      empty: "No LSA was deployed in a lesson dated in this range.",
    },
    {
      id: "outside-own-institution",
      caption: "Supporters deployed outside their own institution, by their home institution",
      columns: [
        { key: "institution", label: "Home institution" },
        { key: "supporters", label: "Supporters" },
        { key: "sessions", label: "Sessions elsewhere" },
        { key: "minutes", label: "Minutes elsewhere" },
      ],
      rows: outside.map((r) => ({
        cells: { institution: r.name, supporters: r.supporters, sessions: r.sessions, minutes: r.minutes },
        href: drill(range, { outsideFrom: r.id }),
      })),
      empty: "Every supporter in this range worked at their own institution.",
    },
    {
      id: "briefings",
      caption: "Briefings and feedback, all institutions",
      columns: [
        { key: "sessions", label: "Sessions" },
        { key: "briefed", label: "Briefed" },
        { key: "readBefore", label: "Read before the lesson", format: "percent" },
        { key: "feedback", label: "Feedback returned", format: "percent" },
      ],
      rows:
        total.sessions === 0
          ? []
          : [
              {
                cells: {
                  sessions: total.sessions,
                  briefed: total.briefed,
                  readBefore: percent(total.readBefore, total.sessions),
                  feedback: percent(total.feedback, total.sessions),
                },
                href: drill(range, {}),
              },
            ],
      empty: "No LSA was deployed in a lesson dated in this range.",
    },
  ];
}
