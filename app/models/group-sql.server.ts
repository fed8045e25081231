// A teaching group as its page and its forms read it, in three raw statements on both databases (decision 048):
// the group with its course and site; its planners, teachers, timetable and transport; its lesson plans with who is
// deployed in each. Prisma's nested include ran thirteen, one per relation and per institution named.
import { Prisma } from "~/generated/sqlite/client";
import type { GroupFacts } from "~/policies/course";
import { db } from "./db.server";
import { sqlInstant } from "./sql-values.server";

interface GroupRow {
  id: string;
  partnershipId: string;
  courseId: string;
  name: string;
  siteId: string;
  academicYear: string;
  courseTitle: string;
  siteName: string;
}

/** One row per planner, teacher, session or transport note; the columns a kind does not use are null. */
interface MemberRow {
  kind: "session" | "planner" | "teacher" | "transport";
  id: string;
  name: string | null;
  detail: string | null;
  dayOfWeek: number | bigint | null;
  startTime: string | null;
  endTime: string | null;
}

interface PlanRow {
  id: string;
  title: string;
  lessonDate: Date | string | null;
  status: string;
  supporterId: string | null;
}

/** The group, if it is in the partnership. */
const OWN_GROUP = (partnershipId: string, groupId: string) =>
  Prisma.sql`g."id" = ${groupId} AND g."partnershipId" = ${partnershipId}`;

function groupRow(partnershipId: string, groupId: string) {
  return db().$queryRaw<GroupRow[]>`
    SELECT g."id", g."partnershipId", g."courseId", g."name", g."siteId", g."academicYear",
      c."title" AS "courseTitle", site."name" AS "siteName"
    FROM "TeachingGroup" g JOIN "Course" c ON c."id" = g."courseId" JOIN "Institution" site ON site."id" = g."siteId"
    WHERE ${OWN_GROUP(partnershipId, groupId)}`;
}

/**
 * The course's planners, the group's teachers (with their institution), sessions (day and time first: PostgreSQL
 * types a UNION's columns from its first branch) and transport notes (by institution).
 */
function memberRows(partnershipId: string, groupId: string) {
  const own = OWN_GROUP(partnershipId, groupId);
  return db().$queryRaw<MemberRow[]>`
    SELECT 'session' AS "kind", s."id", site."name", s."siteId" AS "detail", s."dayOfWeek", s."startTime", s."endTime"
      FROM "GroupSession" s JOIN "TeachingGroup" g ON g."id" = s."groupId"
        JOIN "Institution" site ON site."id" = s."siteId" WHERE ${own}
    UNION ALL SELECT 'planner', cp."userId", NULL, NULL, NULL, NULL, NULL
      FROM "CoursePlanner" cp JOIN "TeachingGroup" g ON g."courseId" = cp."courseId" WHERE ${own}
    UNION ALL SELECT 'teacher', u."id", u."name", i."name", NULL, NULL, NULL
      FROM "GroupTeacher" gt JOIN "TeachingGroup" g ON g."id" = gt."groupId" JOIN "User" u ON u."id" = gt."userId"
        JOIN "Institution" i ON i."id" = u."institutionId" WHERE ${own}
    UNION ALL SELECT 'transport', t."institutionId", i."name", t."note", NULL, NULL, NULL
      FROM "GroupTransport" t JOIN "TeachingGroup" g ON g."id" = t."groupId"
        JOIN "Institution" i ON i."id" = t."institutionId" WHERE ${own}`;
}

/** The group's plans by lesson day and place in the course, each once per supporter deployed in it. */
function planRows(partnershipId: string, groupId: string) {
  return db().$queryRaw<PlanRow[]>`
    SELECT p."id", p."title", p."lessonDate", p."status", d."supporterId"
    FROM "LessonPlan" p LEFT JOIN "Deployment" d ON d."lessonPlanId" = p."id"
    WHERE p."groupId" = ${groupId} AND p."partnershipId" = ${partnershipId}
    ORDER BY p."lessonDate" ASC, p."position" ASC, p."id" ASC`;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
/** Times ("HH:MM") and ids compare as text, as the databases order them. */
const inOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A group with its course's co-planners and the supporters deployed in its lessons: what the policies need. */
export async function getGroup(partnershipId: string, groupId: string) {
  const [[group], members, plans] = await Promise.all([
    groupRow(partnershipId, groupId),
    memberRows(partnershipId, groupId),
    planRows(partnershipId, groupId),
  ]);
  if (!group) return null;
  const of = <K extends MemberRow["kind"]>(kind: K) => members.filter((m) => m.kind === kind);
  const lessonPlans: Array<{
    id: string;
    title: string;
    lessonDate: Date | null;
    status: string;
    supporterIds: string[];
  }> = [];
  for (const row of plans) {
    if (lessonPlans.at(-1)?.id !== row.id) {
      lessonPlans.push({
        id: row.id,
        title: row.title,
        lessonDate: sqlInstant(row.lessonDate),
        status: row.status,
        supporterIds: [],
      });
    }
    if (row.supporterId !== null) lessonPlans.at(-1)!.supporterIds.push(row.supporterId);
  }
  const facts: GroupFacts = {
    partnershipId: group.partnershipId,
    plannerIds: of("planner").map((p) => p.id),
    deployedSupporterIds: [...new Set(lessonPlans.flatMap((plan) => plan.supporterIds))],
  };
  return {
    id: group.id,
    courseId: group.courseId,
    name: group.name,
    siteId: group.siteId,
    academicYear: group.academicYear,
    course: { id: group.courseId, title: group.courseTitle },
    site: { id: group.siteId, name: group.siteName },
    ...facts,
    teachers: of("teacher")
      .map((t) => ({ id: t.id, name: t.name!, institution: { name: t.detail! } }))
      .sort(byName),
    sessions: of("session")
      .map((s) => ({
        id: s.id,
        dayOfWeek: Number(s.dayOfWeek),
        startTime: s.startTime!,
        endTime: s.endTime!,
        siteId: s.detail!,
        site: { id: s.detail!, name: s.name! },
      }))
      .sort((a, b) => a.dayOfWeek - b.dayOfWeek || inOrder(a.startTime, b.startTime) || inOrder(a.id, b.id)),
    transport: of("transport")
      .map((t) => ({ institution: { id: t.id, name: t.name! }, note: t.detail! }))
      .sort((a, b) => byName(a.institution, b.institution)),
    lessonPlans,
  };
}

/** A group as getGroup reads it (null aside). */
export type GroupRecord = NonNullable<Awaited<ReturnType<typeof getGroup>>>;
