// Students as lesson plans and deployments show them: full names only where the
// student visibility rule (app/policies/student.ts) allows (in full, or as the
// need-to-know of the supporter deployed to them), initials otherwise; needs only
// beside a full name; every such view audited as student.viewed. The students and
// the facts the rule asks about them come in one statement (decision 042).
import { Prisma } from "~/generated/sqlite/client";
import { NEED_AREAS, parseCodes } from "~/lib/co-planning";
import type { ActionContext, Actor } from "~/policies/actor";
import { studentInitials, studentVisibility, type StudentFacts } from "~/policies/student";
import { db } from "./db.server";
import { recordStudentViews } from "./students.server";

export interface LessonStudent {
  id: string;
  /** Full name, or initials when the actor may not see details. */
  name: string;
  yearGroup: number;
  homeInstitution: string;
  /** Whether the name and needs are shown ("full" or a supporter's "need-to-know"), or initials only. */
  visibility: "full" | "need-to-know" | "initials";
  /** SEN status, need areas and communication mode: only beside a full name ("" and [] otherwise). */
  senStatus: string;
  needAreas: string[];
  communicationMode: string;
}

interface StudentRow {
  id: string;
  partnershipId: string;
  homeInstitutionId: string;
  homeInstitution: string;
  firstName: string;
  lastName: string;
  yearGroup: number | bigint;
  senStatus: string;
  needAreas: string;
  communicationMode: string;
  taughtByActor: number | bigint | boolean;
  undatedDeployments: number | bigint | null;
  latestLessonDate: Date | string | null;
}

const inList = (column: Prisma.Sql, ids: readonly string[]) =>
  ids.length === 0 ? Prisma.sql`1 = 0` : Prisma.sql`${column} IN (${Prisma.join([...ids])})`;

/**
 * The students of the groups who are on roll, and the named ones, by name, with what the visibility rule asks: the
 * partnership, home institution, whether the actor teaches one of their groups, and of the actor's own deployments
 * naming them whether one is undated and the latest lesson day (need-to-know holds while any one of them is undated
 * or recent enough, so the latest stands for the others).
 */
function studentRows(actor: Actor, groupIds: readonly string[], studentIds: readonly string[]) {
  return db().$queryRaw<StudentRow[]>`
    WITH "shown" AS (SELECT s."id" FROM "Student" s WHERE s."partnershipId" = ${actor.partnershipId}
      AND (${inList(Prisma.sql`s."id"`, studentIds)} OR (s."leftOn" IS NULL AND s."id" IN (SELECT gs."studentId"
        FROM "GroupStudent" gs WHERE ${inList(Prisma.sql`gs."groupId"`, groupIds)})))),
    "own" AS (SELECT ds."studentId", MAX(p."lessonDate") AS "latestLessonDate",
        SUM(CASE WHEN p."lessonDate" IS NULL THEN 1 ELSE 0 END) AS "undatedDeployments"
      FROM "DeploymentStudent" ds JOIN "Deployment" d ON d."id" = ds."deploymentId"
      JOIN "LessonPlan" p ON p."id" = d."lessonPlanId"
      WHERE ds."studentId" IN (SELECT "id" FROM "shown") AND d."supporterId" = ${actor.id} GROUP BY ds."studentId")
    SELECT s."id", s."partnershipId", s."homeInstitutionId", i."name" AS "homeInstitution", s."firstName",
      s."lastName", s."yearGroup", s."senStatus", s."needAreas", s."communicationMode",
      EXISTS (SELECT 1 FROM "GroupStudent" gs JOIN "GroupTeacher" gt ON gt."groupId" = gs."groupId"
        WHERE gs."studentId" = s."id" AND gt."userId" = ${actor.id}) AS "taughtByActor",
      o."undatedDeployments", o."latestLessonDate"
    FROM "shown" JOIN "Student" s ON s."id" = "shown"."id" JOIN "Institution" i ON i."id" = s."homeInstitutionId"
    LEFT JOIN "own" o ON o."studentId" = s."id"
    ORDER BY s."lastName" ASC, s."firstName" ASC, s."id" ASC`;
}

function factsOf(actor: Actor, row: StudentRow): StudentFacts {
  const own = (lessonDate: Date | null) => ({ supporterId: actor.id, lessonDate });
  const latest = row.latestLessonDate;
  return {
    partnershipId: row.partnershipId,
    homeInstitutionId: row.homeInstitutionId,
    groupTeacherIds: Number(row.taughtByActor) ? [actor.id] : [],
    deployments: [
      ...(Number(row.undatedDeployments) > 0 ? [own(null)] : []),
      ...(latest === null ? [] : [own(latest instanceof Date ? latest : new Date(latest))]),
    ],
  };
}

/**
 * The students of the given groups plus any other named students, as the actor
 * may see them. `via` says where they were seen, for the audit log.
 */
export async function lessonStudents(
  ctx: ActionContext,
  scope: { groupIds: readonly string[]; studentIds?: readonly string[] },
  via: string,
): Promise<Map<string, LessonStudent>> {
  const studentIds = [...new Set(scope.studentIds ?? [])];
  if (scope.groupIds.length === 0 && studentIds.length === 0) return new Map();
  const rows = await studentRows(ctx.actor, scope.groupIds, studentIds);
  const now = new Date();
  const students = rows.map((row): LessonStudent => {
    const visibility = studentVisibility(ctx.actor, factsOf(ctx.actor, row), now);
    const base = { id: row.id, yearGroup: Number(row.yearGroup), homeInstitution: row.homeInstitution, visibility };
    if (visibility === "initials")
      return { ...base, name: studentInitials(row), senStatus: "", needAreas: [], communicationMode: "" };
    return {
      ...base,
      name: `${row.firstName} ${row.lastName}`,
      senStatus: row.senStatus,
      needAreas: parseCodes(row.needAreas, NEED_AREAS.is),
      communicationMode: row.communicationMode,
    };
  });
  // The one audit of student views: the same entries viewStudents writes.
  await recordStudentViews(ctx, students, via);
  return new Map(students.map((s) => [s.id, s]));
}
