// Students as lesson plans and deployments show them: full names only where the
// student visibility rule (app/policies/student.ts) allows, initials otherwise;
// need areas only beside a full name; every full view audited as student.viewed.
import type { ActionContext } from "~/policies/actor";
import { viewStudents } from "./students.server";

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
  ctx: ActionContext,
  scope: { groupIds: readonly string[]; studentIds?: readonly string[] },
  via: string,
): Promise<Map<string, LessonStudent>> {
  const studentIds = [...new Set(scope.studentIds ?? [])];
  if (scope.groupIds.length === 0 && studentIds.length === 0) return new Map();
  // The one read path for student details: visibility rule and audit live in viewStudents.
  const { students } = await viewStudents(
    ctx,
    { inGroupsOrIds: { groupIds: scope.groupIds, studentIds }, order: "name", pageSize: Number.MAX_SAFE_INTEGER },
    via,
  );
  return new Map(
    students.map((s) => [
      s.id,
      {
        id: s.id,
        name: s.visibility === "full" ? `${s.firstName} ${s.lastName}` : s.initials,
        yearGroup: s.yearGroup,
        homeInstitution: s.homeInstitution.name,
        needAreas: s.visibility === "full" ? s.needAreas : [],
      },
    ]),
  );
}
