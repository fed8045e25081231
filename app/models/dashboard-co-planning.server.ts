// The co-planning dashboard: which institutions plan together (courses with co-planners from both, and those courses'
// plans dated in the range), plans by status per course, and cross-site sessions per week (dated lessons of a group
// with students from an institution other than the group's site).
import { LESSON_STATUSES } from "~/lib/co-planning";
import { rangeQuery, type DashboardTable, type DateRange } from "~/lib/dashboards";
import { addDays, AggregateQuery, num, str } from "./dashboard-sql.server";
import type { DashboardQuery } from "./dashboard-deployment.server";

const plansLink = (range: DateRange, filter: Record<string, string>) =>
  `/dashboards/records/plans?${rangeQuery(range, filter)}`;

/** One collator for every comparison: a locale argument to localeCompare builds one per call. */
const byName = new Intl.Collator("en-GB");

/** The condition that a group (alias g) has a student from an institution other than its site. */
export const CROSS_SITE_GROUP = `EXISTS (SELECT 1 FROM "GroupStudent" gs JOIN "Student" st ON st."id" = gs."studentId"
  WHERE gs."groupId" = g."id" AND st."homeInstitutionId" <> g."siteId")`;

/**
 * Pairs of institutions with co-planners on the same course: the institutions planning each in-scope course (once
 * each), paired per course, with the course's plans in the range counted once per course beforehand. The pairs are
 * summed by institution id before the names are looked up: joining the institutions first let SQLite pair every
 * course's planners again for each pair of institutions.
 */
async function institutionPairs({ actor, scope, range }: DashboardQuery) {
  const q = new AggregateQuery();
  const rows = await q.rows(`WITH planning AS (
      SELECT DISTINCT cp."courseId" AS course, u."institutionId" AS institution
      FROM "Course" c JOIN "CoursePlanner" cp ON cp."courseId" = c."id" JOIN "User" u ON u."id" = cp."userId"
      WHERE c."partnershipId" = ${q.p(actor.partnershipId)} AND c."archivedAt" IS NULL
        AND ${q.courseInScope(`c."id"`, scope)}),
    dated AS (
      SELECT p."courseId" AS course, COUNT(*) AS plans FROM "LessonPlan" p
      WHERE p."partnershipId" = ${q.p(actor.partnershipId)} AND p."lessonDate" IS NOT NULL
        AND ${q.inRange(`p."lessonDate"`, range)}
      GROUP BY p."courseId"),
    pairs AS (
      SELECT a.institution AS a, b.institution AS b, COUNT(*) AS courses, SUM(COALESCE(dp.plans, 0)) AS plans
      FROM planning a JOIN planning b ON b.course = a.course AND b.institution <> a.institution
      LEFT JOIN dated dp ON dp.course = a.course
      GROUP BY a.institution, b.institution)
    SELECT ia."id" AS a_id, ia."name" AS a_name, ib."id" AS b_id, ib."name" AS b_name, x.courses AS courses,
      x.plans AS plans
    FROM pairs x JOIN "Institution" ia ON ia."id" = x.a JOIN "Institution" ib ON ib."id" = x.b
    WHERE ia."name" < ib."name"
    ORDER BY ia."name", ib."name"`);
  return rows.map((r) => ({
    a: { id: str(r.a_id), name: str(r.a_name) },
    b: { id: str(r.b_id), name: str(r.b_name) },
    courses: num(r.courses),
    plans: num(r.plans),
  }));
}

/** Plans per course and status, counted from the plans' index before the course titles are looked up. */
async function statusPerCourse({ actor, scope, range }: DashboardQuery) {
  const q = new AggregateQuery();
  const rows = await q.rows(`SELECT c."id" AS id, c."title" AS title, x.status AS status, x.plans AS plans
    FROM (SELECT p."courseId" AS course, p."status" AS status, COUNT(*) AS plans FROM "LessonPlan" p
      WHERE p."partnershipId" = ${q.p(actor.partnershipId)} AND p."lessonDate" IS NOT NULL
        AND ${q.inRange(`p."lessonDate"`, range)} AND ${q.courseInScope(`p."courseId"`, scope)}
      GROUP BY p."courseId", p."status") x
    JOIN "Course" c ON c."id" = x.course`);
  const courses = new Map<string, { id: string; title: string; counts: Record<string, number> }>();
  for (const r of rows) {
    const course = courses.get(str(r.id)) ?? { id: str(r.id), title: str(r.title), counts: {} };
    course.counts[str(r.status)] = num(r.plans);
    courses.set(course.id, course);
  }
  return [...courses.values()].sort((a, b) => byName.compare(a.title, b.title));
}

/** The cross-site groups are found once (not per lesson), then their dated lessons counted per week. */
async function crossSitePerWeek({ actor, scope, range }: DashboardQuery) {
  const q = new AggregateQuery();
  const week = q.week(`p."lessonDate"`);
  const rows = await q.rows(`SELECT ${week} AS week, COUNT(*) AS sessions
    FROM "LessonPlan" p
    WHERE p."partnershipId" = ${q.p(actor.partnershipId)} AND p."lessonDate" IS NOT NULL
      AND ${q.inRange(`p."lessonDate"`, range)} AND ${q.courseInScope(`p."courseId"`, scope)}
      AND p."groupId" IN (SELECT g."id" FROM "TeachingGroup" g WHERE ${CROSS_SITE_GROUP})
    GROUP BY ${week} ORDER BY week`);
  return rows.map((r) => ({ week: str(r.week), sessions: num(r.sessions) }));
}

/** The shortest distinct form of each name: its first word, else its first two, else the whole name. */
function shortNames(names: string[]): Map<string, string> {
  const cut = (name: string, words: number) => name.split(/\s+/).slice(0, words).join(" ");
  const distinct = (words: number) => new Set(names.map((n) => cut(n, words))).size === names.length;
  const words = distinct(1) ? 1 : distinct(2) ? 2 : Infinity;
  return new Map(names.map((n) => [n, cut(n, words)]));
}

type InstitutionPair = Awaited<ReturnType<typeof institutionPairs>>[number];

/**
 * Which institutions plan together as a matrix: a row and a column per institution that co-plans with another, each
 * cell the lesson plans in the range of the courses with co-planners from both (empty where they share no course).
 */
function institutionMatrix(pairs: InstitutionPair[], range: DateRange): DashboardTable {
  const institutions = new Map(pairs.flatMap((p) => [[p.a.id, p.a.name] as const, [p.b.id, p.b.name] as const]));
  const ordered = [...institutions].sort(([, a], [, b]) => byName.compare(a, b));
  const short = shortNames(ordered.map(([, name]) => name));
  const pairOf = new Map(
    pairs.flatMap((p) => [[`${p.a.id}|${p.b.id}`, p] as const, [`${p.b.id}|${p.a.id}`, p] as const]),
  );
  return {
    id: "institutions-planning-together",
    caption:
      "Institutions that plan together: lesson plans in the range of the courses with co-planners from both (a dash where they share no course)",
    matrix: true,
    columns: [
      { key: "institution", label: "Institution" },
      ...ordered.map(([id, name]) => ({ key: id, label: name, short: short.get(name) })),
    ],
    rows: ordered.map(([rowId, name]) => {
      const cells: Record<string, number | string | null> = { institution: name };
      const cellHrefs: Record<string, string> = {};
      for (const [columnId] of ordered) {
        const pair = pairOf.get(`${rowId}|${columnId}`);
        cells[columnId] = pair ? pair.plans : null;
        if (pair) cellHrefs[columnId] = plansLink(range, { pair: `${pair.a.id},${pair.b.id}` });
      }
      return { cells, cellHrefs };
    }),
    empty: "No course has co-planners from two institutions yet.",
  };
}

export async function coPlanningDashboard(query: DashboardQuery): Promise<DashboardTable[]> {
  const { range } = query;
  const [pairs, courses, weeks] = await Promise.all([
    institutionPairs(query),
    statusPerCourse(query),
    crossSitePerWeek(query),
  ]);
  return [
    institutionMatrix(pairs, range),
    {
      id: "plans-by-status",
      caption: "Lesson plans dated in the range, by status, per course",
      columns: [
        { key: "course", label: "Course" },
        ...LESSON_STATUSES.codes.map((status) => ({ key: status, label: LESSON_STATUSES.label(status) })),
      ],
      rows: courses.map((c) => ({
        cells: {
          course: c.title,
          ...Object.fromEntries(LESSON_STATUSES.codes.map((status) => [status, c.counts[status] ?? 0])),
        },
        href: plansLink(range, { course: c.id }),
      })),
      empty: "No lesson plan is dated in this range.",
    },
    {
      id: "cross-site-sessions",
      timeSeries: true,
      caption: "Cross-site sessions per week (lessons of groups with students from another institution than the site)",
      columns: [
        { key: "week", label: "Week beginning" },
        { key: "sessions", label: "Cross-site sessions" },
      ],
      rows: weeks.map((w) => ({
        cells: w,
        href: plansLink({ from: w.week, to: addDays(w.week, 6) }, { crossSite: "1" }),
      })),
      empty: "No cross-site lesson is dated in this range.",
    },
  ];
}
