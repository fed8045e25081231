// Students as lesson plans and deployments show them: full names only where the
// student visibility rule (app/policies/student.ts) allows, initials otherwise;
// need areas only beside a full name; every full view audited as student.viewed.
import { NEED_AREAS, parseCodes } from "~/lib/co-planning";
import type { Actor } from "~/policies/actor";
import { canSeeStudentDetails, studentInitials } from "~/policies/student";
import { db } from "./db.server";

export interface LessonStudent {
  id: string;
  /** Full name, or initials when the actor may not see details. */
  name: string;
  yearGroup: number;
  homeInstitution: string;
  /** Need areas: only with full details. */
  needAreas: string[];
}

/**
 * The students of the given groups plus any other named students, as the actor
 * may see them. `via` says where they were seen, for the audit log.
 */
export async function lessonStudents(
  actor: Actor,
  scope: { groupIds: readonly string[]; studentIds?: readonly string[] },
  via: string,
  ipAddress = "",
): Promise<Map<string, LessonStudent>> {
  const ids = [...new Set(scope.studentIds ?? [])];
  if (scope.groupIds.length === 0 && ids.length === 0) return new Map();
  const rows = await db().student.findMany({
    where: {
      partnershipId: actor.partnershipId,
      OR: [{ id: { in: ids } }, { groups: { some: { groupId: { in: [...scope.groupIds] } } } }],
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    select: {
      id: true,
      partnershipId: true,
      homeInstitutionId: true,
      firstName: true,
      lastName: true,
      yearGroup: true,
      needAreas: true,
      homeInstitution: { select: { name: true } },
      groups: { select: { group: { select: { teachers: { select: { userId: true } } } } } },
    },
  });
  const found = new Map<string, LessonStudent>();
  const shownInFull: string[] = [];
  for (const row of rows) {
    const full = canSeeStudentDetails(actor, {
      partnershipId: row.partnershipId,
      homeInstitutionId: row.homeInstitutionId,
      groupTeacherIds: row.groups.flatMap((g) => g.group.teachers.map((t) => t.userId)),
    });
    if (full) shownInFull.push(row.id);
    found.set(row.id, {
      id: row.id,
      name: full ? `${row.firstName} ${row.lastName}` : studentInitials(row),
      yearGroup: row.yearGroup,
      homeInstitution: row.homeInstitution.name,
      needAreas: full ? parseCodes(row.needAreas, NEED_AREAS.is) : [],
    });
  }
  if (shownInFull.length > 0) {
    await db().auditEvent.createMany({
      data: shownInFull.map((subjectId) => ({
        partnershipId: actor.partnershipId,
        actorId: actor.id,
        action: "student.viewed",
        subjectType: "student",
        subjectId,
        detail: JSON.stringify({ via }),
        ipAddress,
      })),
    });
  }
  return found;
}
