// The group page's data: everything it shows, gathered in one call for a group its route has checked (decision 048):
// its students as the actor may see them (each view audited), the forms' choices for those who edit the course, the
// teachers' timetable clashes, and the transport notes with the names the actor may not see screened.
import { listClashes } from "~/lib/clashes";
import { dayLabel } from "~/lib/timetable";
import type { ActionContext } from "~/policies/actor";
import { teacherClashes } from "./bookings.server";
import { listPlanningColleagues } from "./courses.server";
import type { GroupRecord } from "./group-sql.server";
import { groupDeletionImpact, listDeliverySites } from "./groups.server";
import { listInstitutionNames } from "./institutions.server";
import { groupPageStudents } from "./lesson-students.server";
import { screenStudentNames } from "./student-names.server";
import { viewStudents } from "./students.server";

export interface GroupPageOptions {
  /** The route's answer to canManageGroups: the forms' choices, the clashes and deleting are for those who edit. */
  canEdit: boolean;
  /** The picker's home institution ("" for all) when the actor may change the students and asked to add some. */
  pickFrom: string | null;
  /** Whether to say what deleting the group would take (only for those who edit). */
  confirmDelete: boolean;
}

/** What the group page shows of `group`, as `ctx.actor` may see it. */
export async function loadGroupPage(ctx: ActionContext, group: GroupRecord, options: GroupPageOptions) {
  const { actor } = ctx;
  const { canEdit, pickFrom } = options;
  const [students, institutions, sites, clashes, colleagues, candidates, impact, notes] = await Promise.all([
    groupPageStudents(ctx, group.id, "group"),
    canEdit ? listInstitutionNames(actor.partnershipId) : [],
    canEdit ? listDeliverySites(actor.partnershipId, group.course.id) : [],
    canEdit
      ? teacherClashes(
          actor.partnershipId,
          group.id,
          group.teachers.map((t) => t.id),
          group.sessions,
        )
      : [],
    canEdit ? listPlanningColleagues(actor.partnershipId) : [],
    pickFrom === null
      ? null
      : viewStudents(
          ctx,
          { notInGroupId: group.id, homeInstitutionId: pickFrom || undefined, pageSize: 200 },
          "group-picker",
        ),
    canEdit && options.confirmDelete ? groupDeletionImpact(actor.partnershipId, group.id) : null,
    screenStudentNames(
      actor,
      group.transport.map((t) => t.note),
    ),
  ]);
  const teacherIds = new Set(group.teachers.map((t) => t.id));
  const homeInstitutions = new Map(students.map((s) => [s.homeInstitution.id, s.homeInstitution.name]));
  for (const t of group.transport) homeInstitutions.set(t.institution.id, t.institution.name);
  return {
    group: {
      id: group.id,
      name: group.name,
      siteId: group.siteId,
      site: group.site.name,
      academicYear: group.academicYear,
      course: { id: group.course.id, title: group.course.title },
      teachers: group.teachers.map((t) => ({ id: t.id, name: t.name, institution: t.institution.name })),
      sessions: group.sessions.map((s) => ({
        id: s.id,
        day: dayLabel(s.dayOfWeek),
        startTime: s.startTime,
        endTime: s.endTime,
        site: s.site.name,
      })),
      transport: group.transport.map((t, i) => ({
        institutionId: t.institution.id,
        institution: t.institution.name,
        note: notes[i]!,
      })),
      lessonPlans: group.lessonPlans
        .filter((p) => actor.role !== "lsa" || p.supporterIds.includes(actor.id))
        .map((p) => ({ id: p.id, title: p.title, lessonDate: p.lessonDate, status: p.status })),
    },
    students,
    travellingFrom: [...homeInstitutions]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    institutions: institutions.map((i) => ({ value: i.id, label: i.name })),
    // The delivery sites, and the group's own site even if it is no longer one (so the form shows where it meets).
    sites: [...sites, ...(sites.some((i) => i.id === group.siteId) || !canEdit ? [] : [group.site])].map((i) => ({
      value: i.id,
      label: i.name,
    })),
    clashes: clashes.map((c) => ({ teacher: c.teacher.name, clashes: listClashes(c.clashes) })),
    colleagues: colleagues
      .filter((c) => !teacherIds.has(c.id))
      .map((c) => ({ value: c.id, label: `${c.name} (${c.institution.name})` })),
    candidates: candidates ? { students: candidates.students, total: candidates.total, from: pickFrom ?? "" } : null,
    impact: impact
      ? {
          students: impact._count.students,
          sessions: impact._count.sessions,
          lessonPlans: impact.lessonPlans.map((p) => p.title),
        }
      : null,
  };
}
