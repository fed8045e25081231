// The home page's reads as a few raw statements on both databases (decision 042): a supporter's deployment counts and
// two short lists, a teacher's week and the plans that need them, each lesson with its course, group and site, and
// the facts the lesson-plan policy needs for the lessons listed. Every statement is scoped to the actor's partnership.
import { Prisma } from "~/generated/sqlite/client";
import { addDays, lessonDateOf } from "~/lib/uk-calendar";
import type { Actor } from "~/policies/actor";
import type { LessonPlanFacts } from "~/policies/lesson-plan";
import { db } from "./db.server";
import { sqlInstant } from "./sql-values.server";

const TAUGHT = Prisma.sql`('taught', 'reviewed')`;

/** SQLite answers counts as integers (sometimes bigints), PostgreSQL as bigints. */
const count = (value: number | bigint | null) => Number(value ?? 0);

export interface HomeLesson {
  id: string;
  title: string;
  lessonDate: Date | null;
  startTime: string;
  durationMinutes: number;
  status: string;
  partnershipId: string;
  course: string;
  group: string | null;
  site: string | null;
}

type LessonSqlRow = Omit<HomeLesson, "lessonDate" | "durationMinutes"> & {
  lessonDate: Date | string | null;
  durationMinutes: number | bigint;
};

/** The lesson's columns and what it belongs to, from `p` joined by LESSON_JOINS. */
const LESSON_COLUMNS = Prisma.sql`p."id", p."title", p."lessonDate", p."startTime", p."durationMinutes", p."status",
  p."partnershipId", c."title" AS "course", g."name" AS "group", s."name" AS "site"`;
const LESSON_JOINS = Prisma.sql`JOIN "Course" c ON c."id" = p."courseId"
  LEFT JOIN "TeachingGroup" g ON g."id" = p."groupId"
  LEFT JOIN "Institution" s ON s."id" = g."siteId"`;

function homeLesson(row: LessonSqlRow): HomeLesson {
  return {
    id: row.id,
    title: row.title,
    lessonDate: sqlInstant(row.lessonDate),
    startTime: row.startTime,
    durationMinutes: Number(row.durationMinutes),
    status: row.status,
    partnershipId: row.partnershipId,
    course: row.course,
    group: row.group,
    site: row.site,
  };
}

/** Several ranked lists in one statement: each list's ids by its own order and limit, tagged with list and rank. */
function rankedLists(lists: Prisma.Sql[]): Prisma.Sql {
  return Prisma.join(
    lists.map((list, index) => Prisma.sql`SELECT * FROM (${list}) AS "list${Prisma.raw(String(index))}"`),
    " UNION ALL ",
  );
}

/** The lists' rows, in list order and each list's own order. */
function byList<T extends { list: number | bigint; rank: number | bigint }>(rows: T[], lists: number): T[][] {
  const sorted = [...rows].sort((a, b) => Number(a.list) - Number(b.list) || Number(a.rank) - Number(b.rank));
  return Array.from({ length: lists }, (_, list) => sorted.filter((row) => Number(row.list) === list));
}

/** What canReadLessonPlan and canEditLessonPlan need of each plan: its course's planners and its supporters. */
export async function lessonPlanFactsOf(lessons: readonly HomeLesson[]): Promise<Map<string, LessonPlanFacts>> {
  const facts = new Map<string, LessonPlanFacts & Record<"plannerIds" | "supporterIds", string[]>>(
    lessons.map((l) => [l.id, { partnershipId: l.partnershipId, plannerIds: [], supporterIds: [] }]),
  );
  if (facts.size === 0) return facts;
  const ids = Prisma.join([...facts.keys()]);
  const rows = await db().$queryRaw<Array<{ planId: string; userId: string; planner: number | bigint | boolean }>>`
    SELECT p."id" AS "planId", cp."userId", 1 AS "planner"
    FROM "LessonPlan" p JOIN "CoursePlanner" cp ON cp."courseId" = p."courseId" WHERE p."id" IN (${ids})
    UNION ALL
    SELECT d."lessonPlanId" AS "planId", d."supporterId" AS "userId", 0 AS "planner"
    FROM "Deployment" d WHERE d."lessonPlanId" IN (${ids})`;
  for (const row of rows) {
    const plan = facts.get(row.planId)!;
    const ids = Number(row.planner) ? plan.plannerIds : plan.supporterIds;
    if (!ids.includes(row.userId)) ids.push(row.userId);
  }
  return facts;
}

export interface HomeDeployment {
  id: string;
  partnershipId: string;
  supporterId: string;
  supporterRole: string;
  phase: string;
  mode: string;
  minutes: number;
  briefedAt: Date | null;
  readAt: Date | null;
  studentCount: number;
  lesson: HomeLesson;
}

type DeploymentSqlRow = LessonSqlRow & {
  list: number | bigint;
  rank: number | bigint;
  deploymentId: string;
  deploymentPartnershipId: string;
  supporterId: string;
  supporterRole: string;
  phase: string;
  mode: string;
  minutes: number | bigint;
  briefedAt: Date | string | null;
  readAt: Date | string | null;
  studentCount: number | bigint;
};

function homeDeployment(row: DeploymentSqlRow): HomeDeployment {
  return {
    id: row.deploymentId,
    partnershipId: row.deploymentPartnershipId,
    supporterId: row.supporterId,
    supporterRole: row.supporterRole,
    phase: row.phase,
    mode: row.mode,
    minutes: Number(row.minutes),
    briefedAt: sqlInstant(row.briefedAt),
    readAt: sqlInstant(row.readAt),
    studentCount: count(row.studentCount),
    lesson: homeLesson(row),
  };
}

/**
 * The member's own deployments: how many they have at all, in the next `daysAhead` days from today, and waiting for
 * their feedback (lessons taught, or past); and the first `limit` of the two lists (soonest first; latest first).
 */
export async function supporterDeployments(actor: Actor, today: string, daysAhead: number, limit: number) {
  const own = Prisma.sql`d."partnershipId" = ${actor.partnershipId} AND d."supporterId" = ${actor.id}`;
  const upcoming = Prisma.sql`p."lessonDate" >= ${lessonDateOf(today)}
    AND p."lessonDate" < ${lessonDateOf(addDays(today, daysAhead))}`;
  const feedbackDue = Prisma.sql`d."feedbackAt" IS NULL
    AND (p."lessonDate" < ${lessonDateOf(today)} OR p."status" IN ${TAUGHT})`;
  const [counts] = await db().$queryRaw<Array<Record<"all" | "upcoming" | "feedbackDue", number | bigint | null>>>`
    SELECT COUNT(*) AS "all", SUM(CASE WHEN ${upcoming} THEN 1 ELSE 0 END) AS "upcoming",
      SUM(CASE WHEN ${feedbackDue} THEN 1 ELSE 0 END) AS "feedbackDue"
    FROM "Deployment" d JOIN "LessonPlan" p ON p."id" = d."lessonPlanId" WHERE ${own}`;
  const total = { all: count(counts!.all), upcoming: count(counts!.upcoming), feedbackDue: count(counts!.feedbackDue) };
  if (total.all === 0) return { ...total, next: [], waitingForFeedback: [] };
  const list = (index: number, where: Prisma.Sql, direction: Prisma.Sql) => {
    const order = Prisma.sql`p."lessonDate" ${direction}, p."startTime" ${direction}, d."createdAt" ASC`;
    return Prisma.sql`SELECT ${Prisma.raw(String(index))} AS "list", d."id", ROW_NUMBER() OVER (ORDER BY ${order}) AS "rank"
      FROM "Deployment" d JOIN "LessonPlan" p ON p."id" = d."lessonPlanId"
      WHERE ${own} AND ${where} ORDER BY ${order} LIMIT ${limit}`;
  };
  const rows = await db().$queryRaw<DeploymentSqlRow[]>`
    SELECT l."list", l."rank", d."id" AS "deploymentId", d."partnershipId" AS "deploymentPartnershipId",
      d."supporterId", d."supporterRole", d."phase", d."mode", d."minutes", d."briefedAt", d."readAt",
      (SELECT COUNT(*) FROM "DeploymentStudent" ds WHERE ds."deploymentId" = d."id") AS "studentCount",
      ${LESSON_COLUMNS}
    FROM (${rankedLists([list(0, upcoming, Prisma.sql`ASC`), list(1, feedbackDue, Prisma.sql`DESC`)])}) l
    JOIN "Deployment" d ON d."id" = l."id"
    JOIN "LessonPlan" p ON p."id" = d."lessonPlanId"
    ${LESSON_JOINS}`;
  const [next, waitingForFeedback] = byList(rows, 2).map((rows) => rows.map(homeDeployment));
  return { ...total, next: next!, waitingForFeedback: waitingForFeedback! };
}

/**
 * A teacher's lessons in one statement: this week's lessons of the groups they teach (by day and time, then title),
 * and of the courses they co-plan the first `limit` drafts for the next `daysAhead` days, plans still to be taught
 * without objectives (both soonest first), and lessons taught or past without an evaluation (latest first).
 */
export async function teacherLessons(
  actor: Actor,
  days: { today: string; monday: string; sunday: string },
  daysAhead: number,
  limit: number,
) {
  const today = lessonDateOf(days.today);
  const partnership = Prisma.sql`p."partnershipId" = ${actor.partnershipId}`;
  const coPlans = Prisma.sql`${partnership} AND EXISTS (SELECT 1 FROM "CoursePlanner" cp
    WHERE cp."courseId" = p."courseId" AND cp."userId" = ${actor.id})`;
  const list = (index: number, where: Prisma.Sql, order: Prisma.Sql, take: number | null) =>
    Prisma.sql`SELECT ${Prisma.raw(String(index))} AS "list", p."id", ROW_NUMBER() OVER (ORDER BY ${order}) AS "rank"
      FROM "LessonPlan" p WHERE ${where} ORDER BY ${order} ${take === null ? Prisma.empty : Prisma.sql`LIMIT ${take}`}`;
  const soonest = Prisma.sql`p."lessonDate" ASC, p."startTime" ASC`;
  const lists = [
    list(
      0,
      Prisma.sql`${partnership} AND p."lessonDate" >= ${lessonDateOf(days.monday)}
        AND p."lessonDate" <= ${lessonDateOf(days.sunday)} AND EXISTS (SELECT 1 FROM "GroupTeacher" gt
        WHERE gt."groupId" = p."groupId" AND gt."userId" = ${actor.id})`,
      Prisma.sql`p."lessonDate" ASC, p."startTime" ASC, p."title" ASC`,
      null,
    ),
    list(
      1,
      Prisma.sql`${coPlans} AND p."status" = 'draft' AND p."lessonDate" >= ${today}
        AND p."lessonDate" < ${lessonDateOf(addDays(days.today, daysAhead))}`,
      soonest,
      limit,
    ),
    list(
      2,
      Prisma.sql`${coPlans} AND p."status" NOT IN ${TAUGHT} AND p."objectives" = '' AND p."lessonDate" >= ${today}`,
      soonest,
      limit,
    ),
    list(
      3,
      Prisma.sql`${coPlans} AND p."evaluation" = '' AND (p."status" IN ${TAUGHT} OR p."lessonDate" < ${today})`,
      Prisma.sql`p."lessonDate" DESC, p."startTime" DESC`,
      limit,
    ),
  ];
  const rows = await db().$queryRaw<Array<LessonSqlRow & { list: number | bigint; rank: number | bigint }>>`
    SELECT l."list", l."rank", ${LESSON_COLUMNS}
    FROM (${rankedLists(lists)}) l JOIN "LessonPlan" p ON p."id" = l."id" ${LESSON_JOINS}`;
  const [week, drafts, withoutObjectives, withoutEvaluation] = byList(rows, 4).map((rows) => rows.map(homeLesson));
  return { week: week!, drafts: drafts!, withoutObjectives: withoutObjectives!, withoutEvaluation: withoutEvaluation! };
}

/** The courses the teacher co-plans or teaches a group of, by title, with the groups they teach in each by name. */
export async function teacherCourses(actor: Actor) {
  const teaches = (group: Prisma.Sql) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "GroupTeacher" gt WHERE gt."groupId" = ${group} AND gt."userId" = ${actor.id})`;
  const coPlans = Prisma.sql`EXISTS (SELECT 1 FROM "CoursePlanner" cp
    WHERE cp."courseId" = c."id" AND cp."userId" = ${actor.id})`;
  const rows = await db().$queryRaw<
    Array<{
      id: string;
      title: string;
      leadInstitution: string;
      coPlans: number | bigint | boolean;
      groupId: string | null;
      groupName: string | null;
    }>
  >`
    SELECT c."id", c."title", i."name" AS "leadInstitution", ${coPlans} AS "coPlans",
      g."id" AS "groupId", g."name" AS "groupName"
    FROM "Course" c JOIN "Institution" i ON i."id" = c."leadInstitutionId"
    LEFT JOIN "TeachingGroup" g ON g."courseId" = c."id" AND ${teaches(Prisma.sql`g."id"`)}
    WHERE c."partnershipId" = ${actor.partnershipId} AND c."archivedAt" IS NULL AND (${coPlans}
      OR EXISTS (SELECT 1 FROM "TeachingGroup" tg WHERE tg."courseId" = c."id" AND ${teaches(Prisma.sql`tg."id"`)}))
    ORDER BY c."titleSortKey" ASC, c."id" ASC, g."name" ASC, g."id" ASC`;
  const courses: Array<{
    id: string;
    title: string;
    leadInstitution: string;
    coPlans: boolean;
    groups: Array<{ id: string; name: string }>;
  }> = [];
  for (const row of rows) {
    let course = courses.at(-1);
    if (course?.id !== row.id) {
      course = {
        id: row.id,
        title: row.title,
        leadInstitution: row.leadInstitution,
        coPlans: Boolean(Number(row.coPlans)),
        groups: [],
      };
      courses.push(course);
    }
    if (row.groupId !== null) course.groups.push({ id: row.groupId, name: row.groupName! });
  }
  return courses;
}
