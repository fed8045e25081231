// The co-planning dashboard: which institutions plan together (courses with co-planners from both, and those courses'
// plans dated in the range), plans by status per course, and cross-site sessions per week (dated lessons of a group
// with students from an institution other than the group's site).
import { LESSON_STATUSES } from "~/lib/co-planning";
import { rangeQuery, type DashboardTable, type DateRange } from "~/lib/dashboards";
import { AggregateQuery, num, str } from "./dashboard-sql.server";
import type { DashboardQuery } from "./dashboard-deployment.server";

const plansLink = (range: DateRange, filter: Record<string, string>) =>
  `/dashboards/records/plans?${rangeQuery(range, filter)}`;

/** The condition that a group (alias g) has a student from an institution other than its site. */
export const CROSS_SITE_GROUP = `EXISTS (SELECT 1 FROM "GroupStudent" gs JOIN "Student" st ON st."id" = gs."studentId"
  WHERE gs."groupId" = g."id" AND st."homeInstitutionId" <> g."siteId")`;

async function institutionPairs({ actor, scope, range }: DashboardQuery) {
  const q = new AggregateQuery();
  const rows = await q.rows(`SELECT ia."id" AS a_id, ia."name" AS a_name, ib."id" AS b_id, ib."name" AS b_name,
      COUNT(DISTINCT c."id") AS courses, COUNT(DISTINCT p."id") AS plans
    FROM "Course" c
    JOIN "CoursePlanner" cpa ON cpa."courseId" = c."id" JOIN "User" ua ON ua."id" = cpa."userId"
    JOIN "CoursePlanner" cpb ON cpb."courseId" = c."id" JOIN "User" ub ON ub."id" = cpb."userId"
    JOIN "Institution" ia ON ia."id" = ua."institutionId" JOIN "Institution" ib ON ib."id" = ub."institutionId"
    LEFT JOIN "LessonPlan" p ON p."courseId" = c."id" AND p."lessonDate" IS NOT NULL
      AND ${q.inRange(`p."lessonDate"`, range)}
    WHERE c."partnershipId" = ${q.p(actor.partnershipId)} AND c."archivedAt" IS NULL
      AND ia."name" < ib."name" AND ${q.courseInScope(`c."id"`, scope)}
    GROUP BY ia."id", ia."name", ib."id", ib."name" ORDER BY ia."name", ib."name"`);
  return rows.map((r) => ({
    a: { id: str(r.a_id), name: str(r.a_name) },
    b: { id: str(r.b_id), name: str(r.b_name) },
    courses: num(r.courses),
    plans: num(r.plans),
  }));
}

async function statusPerCourse({ actor, scope, range }: DashboardQuery) {
  const q = new AggregateQuery();
  const rows = await q.rows(`SELECT c."id" AS id, c."title" AS title, p."status" AS status, COUNT(*) AS plans
    FROM "LessonPlan" p JOIN "Course" c ON c."id" = p."courseId"
    WHERE p."partnershipId" = ${q.p(actor.partnershipId)} AND p."lessonDate" IS NOT NULL
      AND ${q.inRange(`p."lessonDate"`, range)} AND ${q.courseInScope(`p."courseId"`, scope)}
    GROUP BY c."id", c."title", p."status"`);
  const courses = new Map<string, { id: string; title: string; counts: Record<string, number> }>();
  for (const r of rows) {
    const course = courses.get(str(r.id)) ?? { id: str(r.id), title: str(r.title), counts: {} };
    course.counts[str(r.status)] = num(r.plans);
    courses.set(course.id, course);
  }
  return [...courses.values()].sort((a, b) => a.title.localeCompare(b.title, "en-GB"));
}

async function crossSitePerWeek({ actor, scope, range }: DashboardQuery) {
  const q = new AggregateQuery();
  const week = q.week(`p."lessonDate"`);
  const rows = await q.rows(`SELECT ${week} AS week, COUNT(*) AS sessions
    FROM "LessonPlan" p JOIN "TeachingGroup" g ON g."id" = p."groupId"
    WHERE p."partnershipId" = ${q.p(actor.partnershipId)} AND p."lessonDate" IS NOT NULL
      AND ${q.inRange(`p."lessonDate"`, range)} AND ${q.courseInScope(`p."courseId"`, scope)} AND ${CROSS_SITE_GROUP}
    GROUP BY ${week} ORDER BY week`);
  return rows.map((r) => ({ week: str(r.week), sessions: num(r.sessions) }));
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export async function coPlanningDashboard(query: DashboardQuery): Promise<DashboardTable[]> {
  const { range } = query;
  const [pairs, courses, weeks] = await Promise.all([
    institutionPairs(query),
    statusPerCourse(query),
    crossSitePerWeek(query),
  ]);
  return [
    {
      id: "institutions-planning-together",
      caption: "Institutions that plan together (courses with co-planners from both, and their plans in the range)",
      columns: [
        { key: "institution", label: "Institution" },
        { key: "with", label: "Plans with" },
        { key: "courses", label: "Courses" },
        { key: "plans", label: "Lesson plans" },
      ],
      rows: pairs.map((r) => ({
        cells: { institution: r.a.name, with: r.b.name, courses: r.courses, plans: r.plans },
        href: plansLink(range, { pair: `${r.a.id},${r.b.id}` }),
      })),
      empty: "No course has co-planners from two institutions yet.",
    },
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
