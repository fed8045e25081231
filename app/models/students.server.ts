// Students of the partnership. Every read of student records goes through
// viewStudents (or, for a lesson's students, lessonStudents in lesson-students.server.ts,
// which shares its audit), applying the visibility rule (app/policies/student.ts):
// full details for those allowed, a supporter's need-to-know for the students of
// her deployments, initials otherwise, and one `student.viewed` audit entry per
// student shown beyond initials (once per person, student, page and address in
// 15 minutes). Changes are audited too.
import { Prisma } from "~/generated/sqlite/client";
import { NEED_AREAS, joinCodes, parseCodes } from "~/lib/co-planning";
import type { StudentInput } from "~/lib/forms/students";
import { DomainError, invalidField } from "~/lib/errors";
import type { ActionContext } from "~/policies/actor";
import { studentInitials, studentVisibility, type StudentFacts } from "~/policies/student";
import { auditAction, auditActions } from "./audit.server";
import { db } from "./db.server";

const STUDENTS_PAGE_SIZE = 25;

interface StudentBase {
  id: string;
  yearGroup: number;
  homeInstitution: { id: string; name: string };
}

/** What someone who may not see a student's details is shown. */
interface StudentInitials extends StudentBase {
  visibility: "initials";
  initials: string;
}

interface StudentDetails extends StudentBase {
  visibility: "full";
  /** The leaving date of a student marked as left (a leaver), null while on roll: part of the full record only. */
  leftOn: Date | null;
  initials: string;
  firstName: string;
  lastName: string;
  senStatus: string;
  needAreas: string[];
  communicationMode: string;
  atRisk: boolean;
  notes: string;
  updatedAt: Date;
  groups: Array<{ id: string; name: string; courseTitle: string }>;
}

/** What a deployed supporter needs to support the student in the lesson: no notes, flags or other groups. */
interface StudentNeedToKnow extends StudentBase {
  visibility: "need-to-know";
  initials: string;
  firstName: string;
  lastName: string;
  senStatus: string;
  needAreas: string[];
  communicationMode: string;
}

type StudentView = StudentInitials | StudentNeedToKnow | StudentDetails;

export interface StudentQuery {
  /** One student (the record page). */
  studentId?: string;
  /** The students of one group. */
  groupId?: string;
  /** The students of any of these groups, or named here (lesson plans and deployments). */
  inGroupsOrIds?: { groupIds: readonly string[]; studentIds?: readonly string[] };
  /**
   * Leavers only (the coordinator's list of leavers). Otherwise leavers are left out of every list and picker, and
   * shown only as their own record (studentId) or where a record names them (inGroupsOrIds' studentIds).
   */
  leavers?: boolean;
  /** Students not in this group (to choose from when adding). */
  notInGroupId?: string;
  homeInstitutionId?: string;
  yearGroup?: number;
  /** "year" (default): by year group, then name; "name": by name only. */
  order?: "year" | "name";
  page?: number;
  pageSize?: number;
}

/** The rows and facts a view needs; of the deployments naming a student, only the actor's own matter to the rule. */
const studentInclude = (actorId: string) =>
  ({
    homeInstitution: { select: { id: true, name: true } },
    groups: {
      select: {
        group: {
          select: { id: true, name: true, course: { select: { title: true } }, teachers: { select: { userId: true } } },
        },
      },
    },
    deployments: {
      where: { deployment: { supporterId: actorId } },
      select: deploymentFactSelect,
    },
  }) as const;

const deploymentFactSelect = {
  deployment: { select: { supporterId: true, lessonPlan: { select: { lessonDate: true } } } },
} as const;

function deploymentFacts(
  rows: Array<{ deployment: { supporterId: string; lessonPlan: { lessonDate: Date | null } } }>,
): StudentFacts["deployments"] {
  return rows.map(({ deployment }) => ({
    supporterId: deployment.supporterId,
    lessonDate: deployment.lessonPlan.lessonDate,
  }));
}

/**
 * THE way to read students: returns each as full details or initials as the
 * actor may see them, and audits every full view (one row per student shown).
 * `via` says where it was seen (list, group, record, picker) for the audit log.
 */
export async function viewStudents(ctx: ActionContext, query: StudentQuery, via: string) {
  const { actor } = ctx;
  const pageSize = query.pageSize ?? STUDENTS_PAGE_SIZE;
  const page = Math.max(1, query.page ?? 1);
  const onRoll = query.studentId || query.inGroupsOrIds ? {} : { leftOn: query.leavers ? { not: null } : null };
  const where = {
    partnershipId: actor.partnershipId,
    ...onRoll,
    ...(query.studentId ? { id: query.studentId } : {}),
    ...(query.groupId ? { groups: { some: { groupId: query.groupId } } } : {}),
    ...(query.notInGroupId ? { groups: { none: { groupId: query.notInGroupId } } } : {}),
    ...(query.inGroupsOrIds
      ? {
          OR: [
            { groups: { some: { groupId: { in: [...query.inGroupsOrIds.groupIds] } } }, leftOn: null },
            { id: { in: [...(query.inGroupsOrIds.studentIds ?? [])] } },
          ],
        }
      : {}),
    ...(query.homeInstitutionId ? { homeInstitutionId: query.homeInstitutionId } : {}),
    ...(query.yearGroup ? { yearGroup: query.yearGroup } : {}),
  };
  const [rows, total] = await Promise.all([
    db().student.findMany({
      where,
      include: studentInclude(actor.id),
      orderBy: [
        ...(query.order === "name" ? [] : [{ yearGroup: "asc" as const }]),
        { lastName: "asc" },
        { firstName: "asc" },
        { id: "asc" },
      ],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db().student.count({ where }),
  ]);
  const now = new Date();
  const students: StudentView[] = rows.map((row) => {
    const facts: StudentFacts = {
      partnershipId: row.partnershipId,
      homeInstitutionId: row.homeInstitutionId,
      groupTeacherIds: row.groups.flatMap((g) => g.group.teachers.map((t) => t.userId)),
      deployments: deploymentFacts(row.deployments),
    };
    const base = {
      id: row.id,
      yearGroup: row.yearGroup,
      homeInstitution: row.homeInstitution,
      initials: studentInitials(row),
    };
    const visibility = studentVisibility(actor, facts, now);
    if (visibility === "initials") return { ...base, visibility };
    const needToKnow = { ...base, ...namedStudentFields(row) };
    if (visibility === "need-to-know") return { ...needToKnow, visibility };
    return {
      ...needToKnow,
      visibility,
      leftOn: row.leftOn,
      atRisk: row.atRisk,
      notes: row.notes,
      updatedAt: row.updatedAt,
      groups: row.groups.map((g) => ({ id: g.group.id, name: g.group.name, courseTitle: g.group.course.title })),
    };
  });
  await recordStudentViews(ctx, students, via);
  return { students, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** What a view of a student beyond initials shows of the stored row: the names, and the needs a supporter must know. */
export function namedStudentFields(row: {
  firstName: string;
  lastName: string;
  senStatus: string;
  needAreas: string;
  communicationMode: string;
}) {
  return {
    firstName: row.firstName,
    lastName: row.lastName,
    senStatus: row.senStatus,
    needAreas: parseCodes(row.needAreas, NEED_AREAS.is),
    communicationMode: row.communicationMode,
  };
}

/** Audits each student shown beyond initials as student.viewed, unless already recorded lately (see below). */
export async function recordStudentViews(
  ctx: ActionContext,
  students: ReadonlyArray<{ id: string; visibility: StudentView["visibility"] }>,
  via: string,
) {
  const shown = await notViewedLately(
    ctx,
    students.filter((s) => s.visibility !== "initials"),
    via,
  );
  await auditActions(
    ctx,
    shown.map((s) => ({
      action: "student.viewed",
      subjectType: "student",
      subjectId: s.id,
      // A supporter's view says so: the coordinator reads which views a deployment granted.
      detail: s.visibility === "need-to-know" ? { via, view: "need-to-know" } : { via },
    })),
  );
}

/**
 * A view is recorded once per person, student, page (`via`) and address in this window: a group page that
 * refreshes live whenever a colleague changes something, or a plan opened again and again while teaching, would
 * otherwise bury the views that matter. The log still shows who looked at which student, where, and when first.
 */
export const VIEW_AUDIT_WINDOW_MS = 15 * 60_000;

/** The students of `shown` whose view by this actor, through `via` and from this address, is not recorded in the window. */
async function notViewedLately<S extends { id: string }>(
  { actor, ipAddress }: ActionContext,
  shown: S[],
  via: string,
): Promise<S[]> {
  if (shown.length === 0) return shown;
  // Raw: every page that shows a student asks this, where a model query costs several times a raw one.
  const recent = await db().$queryRaw<Array<{ subjectId: string; detail: string }>>`
    SELECT "subjectId", "detail" FROM "AuditEvent"
    WHERE "subjectType" = 'student' AND "subjectId" IN (${Prisma.join(shown.map((s) => s.id))})
      AND "partnershipId" = ${actor.partnershipId} AND "actorId" = ${actor.id} AND "action" = 'student.viewed'
      AND "ipAddress" = ${ipAddress} AND "createdAt" >= ${new Date(Date.now() - VIEW_AUDIT_WINDOW_MS)}`;
  const seen = new Set(recent.filter((e) => viaOf(e.detail) === via).map((e) => e.subjectId));
  return shown.filter((s) => !seen.has(s.id));
}

function viaOf(detail: string): unknown {
  try {
    return (JSON.parse(detail) as { via?: unknown }).via;
  } catch {
    return undefined;
  }
}

/** One student as the actor may see them (audited unless initials), or null when not in the partnership. */
export async function viewStudent(ctx: ActionContext, studentId: string) {
  const { students } = await viewStudents(ctx, { studentId, pageSize: 1 }, "record");
  return students[0] ?? null;
}

async function checkHomeInstitution(partnershipId: string, institutionId: string) {
  const found = await db().institution.findFirst({
    where: { id: institutionId, partnershipId, archivedAt: null },
    select: { id: true },
  });
  if (!found) throw invalidField("homeInstitutionId", "Choose an institution of this partnership.");
}

function studentData(input: StudentInput) {
  return {
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    homeInstitutionId: input.homeInstitutionId,
    yearGroup: input.yearGroup,
    senStatus: input.senStatus,
    needAreas: joinCodes(input.needAreas),
    communicationMode: input.communicationMode,
    atRisk: input.atRisk,
    notes: input.notes.trim(),
  };
}

export async function createStudent(ctx: ActionContext, input: StudentInput) {
  const { partnershipId } = ctx.actor;
  await checkHomeInstitution(partnershipId, input.homeInstitutionId);
  const student = await db().student.create({ data: { partnershipId, ...studentData(input) } });
  await auditAction(ctx, { action: "student.created", subjectType: "student", subjectId: student.id });
  return student;
}

/** Updates a student; the audit entry names the fields that changed, never their values. */
export async function updateStudent(ctx: ActionContext, studentId: string, input: StudentInput) {
  const { partnershipId } = ctx.actor;
  const before = await db().student.findFirst({ where: { id: studentId, partnershipId } });
  if (!before) throw new DomainError("invalid", "That student is not in this partnership.");
  await checkHomeInstitution(partnershipId, input.homeInstitutionId);
  const data = studentData(input);
  const changed = (Object.keys(data) as Array<keyof typeof data>).filter((key) => before[key] !== data[key]);
  await db().student.update({ where: { id: before.id }, data });
  await auditAction(ctx, {
    action: "student.updated",
    subjectType: "student",
    subjectId: before.id,
    detail: { fields: changed },
  });
  return changed;
}
