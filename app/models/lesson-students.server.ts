// Students as lesson plans and deployments show them: full names only where the
// student visibility rule (app/policies/student.ts) allows (in full, or as the
// need-to-know of the supporter deployed to them), initials otherwise; needs only
// beside a full name; every such view audited as student.viewed.
import type { ActionContext } from "~/policies/actor";
import { viewStudents } from "./students.server";

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
    students.map((s): [string, LessonStudent] => {
      const base = { id: s.id, yearGroup: s.yearGroup, homeInstitution: s.homeInstitution.name };
      if (s.visibility === "initials")
        return [
          s.id,
          { ...base, visibility: s.visibility, name: s.initials, senStatus: "", needAreas: [], communicationMode: "" },
        ];
      return [
        s.id,
        {
          ...base,
          visibility: s.visibility,
          name: `${s.firstName} ${s.lastName}`,
          senStatus: s.senStatus,
          needAreas: s.needAreas,
          communicationMode: s.communicationMode,
        },
      ];
    }),
  );
}
