// The course page's lists, one statement each: the scheme of work with its units and groups, the recent activity
// with who acted, and the supporters deployed with each group (for the group policy). The course page asks for them
// on every view, so each is one round trip in SQL rather than a model query per relation, and counts nothing in Node.
import { Prisma } from "~/generated/sqlite/client";
import { db } from "./db.server";
import { sqlInstant } from "./sql-values.server";

/** A stored instant as SQLite (ISO text) or PostgreSQL (a Date) answers it in raw SQL. */
type Instant = Date | string;

interface SchemeRow {
  id: string;
  title: string;
  lessonDate: Instant | null;
  position: number | bigint;
  status: string;
  createdAt: Instant;
  unitId: string | null;
  unitTitle: string | null;
  unitPosition: number | bigint | null;
  groupId: string | null;
  groupName: string | null;
}

/**
 * The scheme of work: the course's lesson plans by unit order, then position and date.
 * onlyDeployedSupporterId: an LSA sees only the plans they are deployed in.
 */
export async function listSchemeOfWork(
  partnershipId: string,
  courseId: string,
  options: { onlyDeployedSupporterId?: string } = {},
) {
  const onlyDeployed = options.onlyDeployedSupporterId
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Deployment" d
        WHERE d."lessonPlanId" = p."id" AND d."supporterId" = ${options.onlyDeployedSupporterId})`
    : Prisma.empty;
  const rows = await db().$queryRaw<SchemeRow[]>`
    SELECT p."id", p."title", p."lessonDate", p."position", p."status", p."createdAt",
      u."id" AS "unitId", u."title" AS "unitTitle", u."position" AS "unitPosition",
      g."id" AS "groupId", g."name" AS "groupName"
    FROM "LessonPlan" p
    LEFT JOIN "CourseUnit" u ON u."id" = p."unitId"
    LEFT JOIN "TeachingGroup" g ON g."id" = p."groupId"
    WHERE p."partnershipId" = ${partnershipId} AND p."courseId" = ${courseId} ${onlyDeployed}`;
  const plans = rows.map((row) => ({
    id: row.id,
    title: row.title,
    lessonDate: sqlInstant(row.lessonDate),
    position: Number(row.position),
    status: row.status,
    createdAt: sqlInstant(row.createdAt),
    unit: row.unitId ? { id: row.unitId, title: row.unitTitle ?? "", position: Number(row.unitPosition) } : null,
    group: row.groupId ? { id: row.groupId, name: row.groupName ?? "" } : null,
  }));
  const time = (d: Date | null) => (d ? d.getTime() : Number.MAX_SAFE_INTEGER);
  return plans.sort(
    (a, b) =>
      (a.unit?.position ?? Number.MAX_SAFE_INTEGER) - (b.unit?.position ?? Number.MAX_SAFE_INTEGER) ||
      a.position - b.position ||
      time(a.lessonDate) - time(b.lessonDate) ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );
}

interface ActivityRow {
  id: string;
  action: string;
  subjectType: string;
  createdAt: Instant;
  actorId: string | null;
  actorName: string | null;
  detail: string;
}

/**
 * Recent audit entries about the course, its groups and its lesson plans, newest first, with who acted (a member
 * of the partnership; "Former member" otherwise). Student entries are left out: they are personal data, read in the
 * audit log only.
 */
export async function listCourseActivity(partnershipId: string, courseId: string, take = 15) {
  const rows = await db().$queryRaw<ActivityRow[]>`
    SELECT e."id", e."action", e."subjectType", e."createdAt", e."actorId", u."name" AS "actorName", e."detail"
    FROM "AuditEvent" e
    LEFT JOIN "User" u ON u."id" = e."actorId" AND u."partnershipId" = ${partnershipId}
    WHERE e."partnershipId" = ${partnershipId}
      AND e."action" NOT LIKE 'student.%'
      AND (e."subjectId" = ${courseId}
        OR e."subjectId" IN (SELECT p."id" FROM "LessonPlan" p
          WHERE p."partnershipId" = ${partnershipId} AND p."courseId" = ${courseId})
        OR e."subjectId" IN (SELECT g."id" FROM "TeachingGroup" g
          WHERE g."partnershipId" = ${partnershipId} AND g."courseId" = ${courseId}))
    ORDER BY e."createdAt" DESC
    LIMIT ${take}`;
  return rows.map((e) => ({
    id: e.id,
    action: e.action,
    subjectType: e.subjectType,
    createdAt: sqlInstant(e.createdAt),
    actorName: e.actorId ? (e.actorName ?? "Former member") : "System",
    detail: JSON.parse(e.detail) as Record<string, unknown>,
  }));
}

/** The supporters deployed in each group's lessons of the course, by group id (what the group policy asks). */
export async function deployedSupportersByGroup(partnershipId: string, courseId: string) {
  const rows = await db().$queryRaw<Array<{ groupId: string; supporterId: string }>>`
    SELECT DISTINCT p."groupId", d."supporterId"
    FROM "LessonPlan" p JOIN "Deployment" d ON d."lessonPlanId" = p."id"
    WHERE p."partnershipId" = ${partnershipId} AND p."courseId" = ${courseId} AND p."groupId" IS NOT NULL`;
  const byGroup = new Map<string, string[]>();
  for (const row of rows) byGroup.set(row.groupId, [...(byGroup.get(row.groupId) ?? []), row.supporterId]);
  return byGroup;
}
