// Students as lesson plans, deployments and a group's page show them: full names only where the
// student visibility rule (app/policies/student.ts) allows (in full, or as the
// need-to-know of the supporter deployed to them), initials otherwise; needs only
// beside a full name; every such view audited as student.viewed. The students and
// the facts the rule asks about them come in one statement (decisions 042 and 046).
import { Prisma } from "~/generated/sqlite/client";
import { NEED_AREAS, parseCodes } from "~/lib/co-planning";
import type { ActionContext, Actor } from "~/policies/actor";
import { seesEveryStudentInFull, studentInitials, studentVisibility, type StudentFacts } from "~/policies/student";
import { db } from "./db.server";
import { namedStudentFields, recordStudentViews } from "./students.server";

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
  atRisk: number | bigint | boolean;
  taughtByActor: number | bigint | boolean;
  undatedDeployments: number | bigint | null;
  latestLessonDate: Date | string | null;
}

const inList = (column: Prisma.Sql, ids: readonly string[]) =>
  ids.length === 0 ? Prisma.sql`1 = 0` : Prisma.sql`${column} IN (${Prisma.join([...ids])})`;

/** By name (a lesson's students), or by year group then name and only the first rows (a group's page). */
type RowOrder = { by: "name" } | { by: "year"; limit: number };

/**
 * The students of the groups who are on roll, and the named ones, in `order`, with what the visibility rule asks: the
 * partnership, home institution, whether the actor teaches one of their groups, and of the actor's own deployments
 * naming them whether one is undated and the latest lesson day (need-to-know holds while any one of them is undated
 * or recent enough, so the latest stands for the others). The rule shows every student in full to those who see
 * every student in full, whatever the deployments: theirs are not read (a read per deployment naming a student).
 * The group's students are found from the group, not among the partnership's students.
 */
function studentRows(actor: Actor, groupIds: readonly string[], studentIds: readonly string[], order: RowOrder) {
  const byName = Prisma.sql`s."lastName" ASC, s."firstName" ASC, s."id" ASC`;
  const sorted =
    order.by === "name"
      ? Prisma.sql`ORDER BY ${byName}`
      : Prisma.sql`ORDER BY s."yearGroup" ASC, ${byName} LIMIT ${order.limit}`;
  const ownDeployments = seesEveryStudentInFull(actor) ? Prisma.sql`AND 1 = 0` : Prisma.empty;
  return db().$queryRaw<StudentRow[]>`
    WITH "shown" AS (SELECT s."id" FROM "Student" s
        WHERE s."partnershipId" = ${actor.partnershipId} AND ${inList(Prisma.sql`s."id"`, studentIds)}
      UNION SELECT s."id" FROM "GroupStudent" gs JOIN "Student" s ON s."id" = gs."studentId"
        WHERE ${inList(Prisma.sql`gs."groupId"`, groupIds)} AND s."partnershipId" = ${actor.partnershipId}
          AND s."leftOn" IS NULL),
    "own" AS (SELECT ds."studentId", MAX(p."lessonDate") AS "latestLessonDate",
        SUM(CASE WHEN p."lessonDate" IS NULL THEN 1 ELSE 0 END) AS "undatedDeployments"
      FROM "DeploymentStudent" ds JOIN "Deployment" d ON d."id" = ds."deploymentId"
      JOIN "LessonPlan" p ON p."id" = d."lessonPlanId"
      WHERE ds."studentId" IN (SELECT "id" FROM "shown") AND d."supporterId" = ${actor.id} ${ownDeployments}
      GROUP BY ds."studentId")
    SELECT s."id", s."partnershipId", s."homeInstitutionId", i."name" AS "homeInstitution", s."firstName",
      s."lastName", s."yearGroup", s."senStatus", s."needAreas", s."communicationMode", s."atRisk",
      EXISTS (SELECT 1 FROM "GroupStudent" gs JOIN "GroupTeacher" gt ON gt."groupId" = gs."groupId"
        WHERE gs."studentId" = s."id" AND gt."userId" = ${actor.id}) AS "taughtByActor",
      o."undatedDeployments", o."latestLessonDate"
    FROM "shown" JOIN "Student" s ON s."id" = "shown"."id" JOIN "Institution" i ON i."id" = s."homeInstitutionId"
    LEFT JOIN "own" o ON o."studentId" = s."id"
    ${sorted}`;
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
  const rows = await studentRows(ctx.actor, scope.groupIds, studentIds, { by: "name" });
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

/** A student of a group's page: as StudentTable shows them, with the home institution's id for the page's picker. */
export type GroupPageStudent =
  | { visibility: "initials"; id: string; initials: string; yearGroup: number; homeInstitution: Institution }
  | (NamedStudent & { visibility: "need-to-know" })
  | (NamedStudent & { visibility: "full"; atRisk: boolean });

interface Institution {
  id: string;
  name: string;
}

interface NamedStudent {
  id: string;
  initials: string;
  firstName: string;
  lastName: string;
  yearGroup: number;
  homeInstitution: Institution;
  senStatus: string;
  needAreas: string[];
  communicationMode: string;
}

/** The page shows at most this many of a group's students. */
const GROUP_PAGE_STUDENTS = 200;

/**
 * The group's students on roll as the actor may see them, by year group then name (the first 200), each view
 * beyond initials audited as seen `via` the group's page.
 */
export async function groupPageStudents(ctx: ActionContext, groupId: string, via: string): Promise<GroupPageStudent[]> {
  const rows = await studentRows(ctx.actor, [groupId], [], { by: "year", limit: GROUP_PAGE_STUDENTS });
  const now = new Date();
  const students = rows.map((row): GroupPageStudent => {
    const base = {
      id: row.id,
      initials: studentInitials(row),
      yearGroup: Number(row.yearGroup),
      homeInstitution: { id: row.homeInstitutionId, name: row.homeInstitution },
    };
    const visibility = studentVisibility(ctx.actor, factsOf(ctx.actor, row), now);
    if (visibility === "initials") return { ...base, visibility };
    const named = { ...base, ...namedStudentFields(row) };
    return visibility === "full"
      ? { ...named, visibility, atRisk: Boolean(Number(row.atRisk)) }
      : { ...named, visibility };
  });
  await recordStudentViews(ctx, students, via);
  return students;
}
