// "My deployments" as one statement on both databases (decision 042): a page of the member's own deployments with
// their lessons, courses, groups, sites and students, and how many there are in all, instead of eight model queries.
import { Prisma } from "~/generated/sqlite/client";
import type { Actor } from "~/policies/actor";
import { db } from "./db.server";
import { sqlInstant } from "./sql-values.server";

interface Row {
  id: string;
  partnershipId: string;
  supporterId: string;
  supporterRole: string;
  phase: string;
  mode: string;
  minutes: number | bigint;
  briefedAt: Date | string | null;
  readAt: Date | string | null;
  feedbackAt: Date | string | null;
  total: number | bigint;
  hasAny: number | bigint | boolean;
  planId: string;
  title: string;
  lessonDate: Date | string | null;
  startTime: string;
  durationMinutes: number | bigint;
  status: string;
  course: string;
  groupId: string | null;
  groupName: string | null;
  siteName: string | null;
  studentId: string | null;
}

/**
 * One page of the actor's deployments whose lessons are from `today` on (or undated), soonest first, or before it,
 * latest first; each with its students. `total` counts the deployments of that kind, `hasAny` whether she has any.
 */
export async function myDeploymentsPage(
  actor: Actor,
  options: { upcoming: boolean; today: Date; skip: number; take: number },
) {
  const own = Prisma.sql`d."partnershipId" = ${actor.partnershipId} AND d."supporterId" = ${actor.id}`;
  const when = options.upcoming
    ? Prisma.sql`(p."lessonDate" >= ${options.today} OR p."lessonDate" IS NULL)`
    : Prisma.sql`p."lessonDate" < ${options.today}`;
  const direction = options.upcoming ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const order = Prisma.sql`p."lessonDate" ${direction}, p."startTime" ${direction}, d."createdAt" ASC`;
  const hasAny = Prisma.sql`EXISTS (SELECT 1 FROM "Deployment" d WHERE ${own})`;
  const rows = await db().$queryRaw<Row[]>`
    SELECT d."id", d."partnershipId", d."supporterId", d."supporterRole", d."phase", d."mode", d."minutes",
      d."briefedAt", d."readAt", d."feedbackAt", l."total", ${hasAny} AS "hasAny",
      p."id" AS "planId", p."title", p."lessonDate", p."startTime", p."durationMinutes", p."status",
      c."title" AS "course", g."id" AS "groupId", g."name" AS "groupName", s."name" AS "siteName", ds."studentId"
    FROM (SELECT d."id", ROW_NUMBER() OVER (ORDER BY ${order}) AS "rank", COUNT(*) OVER () AS "total"
      FROM "Deployment" d JOIN "LessonPlan" p ON p."id" = d."lessonPlanId" WHERE ${own} AND ${when}
      ORDER BY ${order} LIMIT ${options.take} OFFSET ${options.skip}) l
    JOIN "Deployment" d ON d."id" = l."id"
    JOIN "LessonPlan" p ON p."id" = d."lessonPlanId"
    JOIN "Course" c ON c."id" = p."courseId"
    LEFT JOIN "TeachingGroup" g ON g."id" = p."groupId"
    LEFT JOIN "Institution" s ON s."id" = g."siteId"
    LEFT JOIN "DeploymentStudent" ds ON ds."deploymentId" = d."id"
    ORDER BY l."rank" ASC`;
  if (rows.length === 0) {
    // A page past the end: the counts alone.
    const [counts] = await db().$queryRaw<Array<Pick<Row, "total" | "hasAny">>>`
      SELECT (SELECT COUNT(*) FROM "Deployment" d JOIN "LessonPlan" p ON p."id" = d."lessonPlanId"
        WHERE ${own} AND ${when}) AS "total", ${hasAny} AS "hasAny"`;
    return { deployments: [], total: Number(counts!.total), hasAny: Boolean(Number(counts!.hasAny)) };
  }
  const deployments: Array<ReturnType<typeof deploymentOf>> = [];
  for (const row of rows) {
    if (deployments.at(-1)?.id !== row.id) deployments.push(deploymentOf(row));
    if (row.studentId !== null) deployments.at(-1)!.students.push({ studentId: row.studentId });
  }
  return { deployments, total: Number(rows[0]!.total), hasAny: Boolean(Number(rows[0]!.hasAny)) };
}

function deploymentOf(row: Row) {
  return {
    id: row.id,
    partnershipId: row.partnershipId,
    supporterId: row.supporterId,
    supporterRole: row.supporterRole,
    phase: row.phase,
    mode: row.mode,
    minutes: Number(row.minutes),
    briefedAt: sqlInstant(row.briefedAt),
    readAt: sqlInstant(row.readAt),
    feedbackAt: sqlInstant(row.feedbackAt),
    students: [] as Array<{ studentId: string }>,
    lessonPlan: {
      id: row.planId,
      title: row.title,
      lessonDate: sqlInstant(row.lessonDate),
      startTime: row.startTime,
      durationMinutes: Number(row.durationMinutes),
      status: row.status,
      course: { title: row.course },
      group:
        row.groupId === null ? null : { id: row.groupId, name: row.groupName!, site: { name: row.siteName ?? "" } },
    },
  };
}
