// Students of the partnership. Every read of student records goes through
// viewStudents, which applies the visibility rule (app/policies/student.ts):
// full details for those allowed, initials otherwise, and one `student.viewed`
// audit entry per student shown in full (once per person, student, page and
// address in 15 minutes). Changes are audited too.
import { NEED_AREAS, joinCodes, parseCodes } from "~/lib/co-planning";
import type { StudentInput } from "~/lib/forms/students";
import type { Actor } from "~/policies/actor";
import { canSeeStudentDetails, studentInitials, type StudentFacts } from "~/policies/student";
import { recordAudit } from "./audit.server";
import { db } from "./db.server";

export const STUDENTS_PAGE_SIZE = 25;

export class StudentError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

interface StudentBase {
  id: string;
  yearGroup: number;
  homeInstitution: { id: string; name: string };
}

/** What someone who may not see a student's details is shown. */
export interface StudentInitials extends StudentBase {
  visibility: "initials";
  initials: string;
}

export interface StudentDetails extends StudentBase {
  visibility: "full";
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

export type StudentView = StudentInitials | StudentDetails;

export interface StudentQuery {
  /** One student (the record page). */
  studentId?: string;
  /** The students of one group. */
  groupId?: string;
  /** The students of any of these groups, or named here (lesson plans and deployments). */
  inGroupsOrIds?: { groupIds: readonly string[]; studentIds?: readonly string[] };
  /** Students not in this group (to choose from when adding). */
  notInGroupId?: string;
  homeInstitutionId?: string;
  yearGroup?: number;
  /** "year" (default): by year group, then name; "name": by name only. */
  order?: "year" | "name";
  page?: number;
  pageSize?: number;
}

const studentInclude = {
  homeInstitution: { select: { id: true, name: true } },
  groups: {
    select: {
      group: {
        select: { id: true, name: true, course: { select: { title: true } }, teachers: { select: { userId: true } } },
      },
    },
  },
} as const;

/**
 * THE way to read students: returns each as full details or initials as the
 * actor may see them, and audits every full view (one row per student shown).
 * `via` says where it was seen (list, group, record, picker) for the audit log.
 */
export async function viewStudents(actor: Actor, query: StudentQuery, via: string, ipAddress = "") {
  const pageSize = query.pageSize ?? STUDENTS_PAGE_SIZE;
  const page = Math.max(1, query.page ?? 1);
  const where = {
    partnershipId: actor.partnershipId,
    ...(query.studentId ? { id: query.studentId } : {}),
    ...(query.groupId ? { groups: { some: { groupId: query.groupId } } } : {}),
    ...(query.notInGroupId ? { groups: { none: { groupId: query.notInGroupId } } } : {}),
    ...(query.inGroupsOrIds
      ? {
          OR: [
            { groups: { some: { groupId: { in: [...query.inGroupsOrIds.groupIds] } } } },
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
      include: studentInclude,
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
  const students: StudentView[] = rows.map((row) => {
    const facts: StudentFacts = {
      partnershipId: row.partnershipId,
      homeInstitutionId: row.homeInstitutionId,
      groupTeacherIds: row.groups.flatMap((g) => g.group.teachers.map((t) => t.userId)),
    };
    const base = {
      id: row.id,
      yearGroup: row.yearGroup,
      homeInstitution: row.homeInstitution,
      initials: studentInitials(row),
    };
    if (!canSeeStudentDetails(actor, facts)) return { ...base, visibility: "initials" };
    return {
      ...base,
      visibility: "full",
      firstName: row.firstName,
      lastName: row.lastName,
      senStatus: row.senStatus,
      needAreas: parseCodes(row.needAreas, NEED_AREAS.is),
      communicationMode: row.communicationMode,
      atRisk: row.atRisk,
      notes: row.notes,
      updatedAt: row.updatedAt,
      groups: row.groups.map((g) => ({ id: g.group.id, name: g.group.name, courseTitle: g.group.course.title })),
    };
  });
  const shownInFull = await notViewedLately(
    actor,
    students.filter((s) => s.visibility === "full"),
    via,
    ipAddress,
  );
  if (shownInFull.length > 0) {
    await db().auditEvent.createMany({
      data: shownInFull.map((s) => ({
        partnershipId: actor.partnershipId,
        actorId: actor.id,
        action: "student.viewed",
        subjectType: "student",
        subjectId: s.id,
        detail: JSON.stringify({ via }),
        ipAddress,
      })),
    });
  }
  return { students, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/**
 * A view is recorded once per person, student, page (`via`) and address in this window: a group page that
 * refreshes live whenever a colleague changes something, or a plan opened again and again while teaching, would
 * otherwise bury the views that matter. The log still shows who looked at which student, where, and when first.
 */
export const VIEW_AUDIT_WINDOW_MS = 15 * 60_000;

/** The students of `shown` whose view by this actor, through `via` and from this address, is not recorded in the window. */
async function notViewedLately<S extends { id: string }>(
  actor: Actor,
  shown: S[],
  via: string,
  ipAddress: string,
): Promise<S[]> {
  if (shown.length === 0) return shown;
  const recent = await db().auditEvent.findMany({
    where: {
      subjectType: "student",
      subjectId: { in: shown.map((s) => s.id) },
      partnershipId: actor.partnershipId,
      actorId: actor.id,
      action: "student.viewed",
      ipAddress,
      createdAt: { gte: new Date(Date.now() - VIEW_AUDIT_WINDOW_MS) },
    },
    select: { subjectId: true, detail: true },
  });
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

/** One student as the actor may see them (audited when in full), or null when not in the partnership. */
export async function viewStudent(actor: Actor, studentId: string, ipAddress = "") {
  const { students } = await viewStudents(actor, { studentId, pageSize: 1 }, "record", ipAddress);
  return students[0] ?? null;
}

/** The plain facts the student policies need (no personal details, so not audited). */
export async function getStudentFacts(
  partnershipId: string,
  studentId: string,
): Promise<(StudentFacts & { id: string }) | null> {
  const row = await db().student.findFirst({
    where: { id: studentId, partnershipId },
    select: {
      id: true,
      partnershipId: true,
      homeInstitutionId: true,
      groups: { select: { group: { select: { teachers: { select: { userId: true } } } } } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    partnershipId: row.partnershipId,
    homeInstitutionId: row.homeInstitutionId,
    groupTeacherIds: row.groups.flatMap((g) => g.group.teachers.map((t) => t.userId)),
  };
}

async function checkHomeInstitution(partnershipId: string, institutionId: string) {
  const found = await db().institution.findFirst({
    where: { id: institutionId, partnershipId, archivedAt: null },
    select: { id: true },
  });
  if (!found) throw new StudentError("homeInstitutionId", "Choose an institution of this partnership.");
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

export async function createStudent(actor: Actor, input: StudentInput, ipAddress = "") {
  await checkHomeInstitution(actor.partnershipId, input.homeInstitutionId);
  const student = await db().student.create({ data: { partnershipId: actor.partnershipId, ...studentData(input) } });
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "student.created",
    subjectType: "student",
    subjectId: student.id,
    ipAddress,
  });
  return student;
}

/** Updates a student; the audit entry names the fields that changed, never their values. */
export async function updateStudent(actor: Actor, studentId: string, input: StudentInput, ipAddress = "") {
  const before = await db().student.findFirst({ where: { id: studentId, partnershipId: actor.partnershipId } });
  if (!before) throw new StudentError("form", "That student is not in this partnership.");
  await checkHomeInstitution(actor.partnershipId, input.homeInstitutionId);
  const data = studentData(input);
  const changed = (Object.keys(data) as Array<keyof typeof data>).filter((key) => before[key] !== data[key]);
  await db().student.update({ where: { id: before.id }, data });
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "student.updated",
    subjectType: "student",
    subjectId: before.id,
    detail: { fields: changed },
    ipAddress,
  });
  return changed;
}
