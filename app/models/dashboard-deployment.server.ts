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

export interface DeploymentFilter {
  institutionId?: string;
  mode?: string;
  need?: string;
  /** Only supporters deployed away from their own institution ("" for any home institution). */
  outsideFrom?: string;
}

export interface DashboardQuery {
  actor: Actor;
  scope: DashboardScope;
  range: DateRange;
}

const SITE = `COALESCE(g."siteId", c."leadInstitutionId")`;

/**
 * FROM and WHERE for the deployments counted: the partnership's, in plans of in-scope courses dated in the range,
 * narrowed by the filter. `joins` go before WHERE (their placeholders must come first too).
 */
export function deploymentsIn(
  q: AggregateQuery,
  { actor, scope, range }: DashboardQuery,
  joins = "",
  filter: DeploymentFilter = {},
) {
  const where = [
    `d."partnershipId" = ${q.p(actor.partnershipId)}`,
    `p."lessonDate" IS NOT NULL`,
    q.inRange(`p."lessonDate"`, range),
    q.courseInScope(`p."courseId"`, scope),
  ];
  if (filter.institutionId) where.push(`${SITE} = ${q.p(filter.institutionId)}`);
  if (filter.mode) where.push(`d."mode" = ${q.p(filter.mode)}`);
  if (filter.need) where.push(supportsNeed(q, filter.need));
  if (filter.outsideFrom !== undefined) {
    where.push(`su."institutionId" <> ${SITE}`);
    if (filter.outsideFrom) where.push(`su."institutionId" = ${q.p(filter.outsideFrom)}`);
  }
  return `FROM "Deployment" d
    JOIN "LessonPlan" p ON p."id" = d."lessonPlanId"
    JOIN "Course" c ON c."id" = p."courseId"
    LEFT JOIN "TeachingGroup" g ON g."id" = p."groupId"
    JOIN "User" su ON su."id" = d."supporterId"
    ${joins}
    WHERE ${where.join(" AND ")}`;
}

/** The deployment supports at least one student with this area of need (needAreas is comma-separated). */
function supportsNeed(q: AggregateQuery, need: string): string {
  return `EXISTS (SELECT 1 FROM "DeploymentStudent" ds JOIN "Student" s ON s."id" = ds."studentId"
    WHERE ds."deploymentId" = d."id" AND (',' || s."needAreas" || ',') LIKE ${q.p(`%,${need},%`)})`;
}

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
  return `CASE WHEN d."readAt" IS NOT NULL AND ${q.wallMinute(`d."readAt"`, spans)} < ${start} THEN 1 ELSE 0 END`;
}

const COUNTS = (q: AggregateQuery, range: DateRange) => `COUNT(*) AS sessions, SUM(d."minutes") AS minutes,
  COUNT(DISTINCT d."supporterId") AS supporters, SUM(CASE WHEN d."briefedAt" IS NOT NULL THEN 1 ELSE 0 END) AS briefed,
  SUM(${readBeforeLesson(q, range)}) AS read_before, SUM(CASE WHEN d."feedbackAt" IS NOT NULL THEN 1 ELSE 0 END) AS feedback`;

const drill = (range: DateRange, filter: Record<string, string>) =>
  `/dashboards/records/deployments?${rangeQuery(range, filter)}`;

async function perInstitution(query: DashboardQuery) {
  const q = new AggregateQuery();
  const rows = await q.rows(`SELECT i."id" AS id, i."name" AS name, ${COUNTS(q, query.range)}
    ${deploymentsIn(q, query, `JOIN "Institution" i ON i."id" = ${SITE}`)}
    GROUP BY i."id", i."name" ORDER BY i."name"`);
  return rows.map((r) => ({
    id: str(r.id),
    name: str(r.name),
    sessions: num(r.sessions),
    minutes: num(r.minutes),
    supporters: num(r.supporters),
    briefed: num(r.briefed),
    readBefore: num(r.read_before),
    feedback: num(r.feedback),
  }));
}

async function perMode(query: DashboardQuery) {
  const q = new AggregateQuery();
  const rows = await q.rows(`SELECT d."mode" AS mode, COUNT(*) AS sessions, SUM(d."minutes") AS minutes
    ${deploymentsIn(q, query)} GROUP BY d."mode"`);
  const found = new Map(rows.map((r) => [str(r.mode), { sessions: num(r.sessions), minutes: num(r.minutes) }]));
  return DEPLOYMENT_MODES.codes
    .map((mode) => ({ mode, ...(found.get(mode) ?? { sessions: 0, minutes: 0 }) }))
    .filter((r) => r.sessions > 0);
}

/**
 * One query: for each area of need, the deployments (and their minutes) supporting a student with it. Each deployment
 * is flagged per need in one pass over its students, then the flags are summed: a subquery per need per deployment
 * took seconds at 40,000 deployments (bench:pages).
 */
async function perNeed(query: DashboardQuery) {
  const q = new AggregateQuery();
  const flags = NEED_AREAS.codes.map(
    (need, i) => `MAX(CASE WHEN (',' || s."needAreas" || ',') LIKE ${q.p(`%,${need},%`)} THEN 1 ELSE 0 END) AS f${i}`,
  );
  const sums = NEED_AREAS.codes.map((_, i) => `SUM(f${i}) AS n${i}, SUM(f${i} * minutes) AS m${i}`);
  const students = `JOIN "DeploymentStudent" ds ON ds."deploymentId" = d."id" JOIN "Student" s ON s."id" = ds."studentId"`;
  const [row = {}] = await q.rows(`SELECT ${sums.join(", ")} FROM (
    SELECT d."id", d."minutes" AS minutes, ${flags.join(", ")} ${deploymentsIn(q, query, students)}
    GROUP BY d."id", d."minutes") per_deployment`);
  return NEED_AREAS.codes.map((need, i) => ({ need, sessions: num(row[`n${i}`]), minutes: num(row[`m${i}`]) }));
}

async function outsideOwnInstitution(query: DashboardQuery) {
  const q = new AggregateQuery();
  const rows = await q.rows(`SELECT hi."id" AS id, hi."name" AS name, COUNT(*) AS sessions, SUM(d."minutes") AS minutes,
      COUNT(DISTINCT d."supporterId") AS supporters
    ${deploymentsIn(q, query, `JOIN "Institution" hi ON hi."id" = su."institutionId"`, { outsideFrom: "" })}
    GROUP BY hi."id", hi."name" ORDER BY hi."name"`);
  return rows.map((r) => ({
    id: str(r.id),
    name: str(r.name),
    sessions: num(r.sessions),
    minutes: num(r.minutes),
    supporters: num(r.supporters),
  }));
}

export async function deploymentDashboard(query: DashboardQuery): Promise<DashboardTable[]> {
  const { range } = query;
  const [institutions, modes, needs, outside] = await Promise.all([
    perInstitution(query),
    perMode(query),
    perNeed(query),
    outsideOwnInstitution(query),
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
