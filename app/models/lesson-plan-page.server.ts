// The plan page's data: everything it shows, gathered in one call for a plan its route has checked, and the plan's
// shared notes for their own pages (version history).
import { analyseDeployments } from "~/lib/deployment-patterns";
import type { Actor } from "~/policies/actor";
import { documentRights, getDocumentByOwnerForActor } from "./collab-documents.server";
import { db } from "./db.server";
import { briefingOf, listDeployableMembers } from "./deployments.server";
import { LESSON_PLAN_DOCUMENT } from "./document-owners.server";
import type { LessonPlanAccess } from "./lesson-plan-facts.server";
import { planDeployments, planGroupAndChoices } from "./lesson-plan-page-sql.server";
import { lessonStudents } from "./lesson-students.server";
import { getLessonPlan } from "./lesson-plan-read.server";
import { ensurePlanTextInDocument } from "./lesson-plan-text.server";
import { fromLessonDate, lessonPlanDeletionImpact } from "./lesson-plans.server";
import { screenOfTexts, screenTexts } from "./student-names.server";

/**
 * The plan's shared notes with the actor's rights on them, and the plan's title, for the notes' own pages
 * (version history); null for 404. The notes' access rules are the plan's (document-owners.server.ts).
 */
export async function loadLessonPlanNotes(actor: Actor, planId: string) {
  const notes = await getDocumentByOwnerForActor(actor, LESSON_PLAN_DOCUMENT, planId);
  if (!notes) return null;
  const plan = await db().lessonPlan.findFirst({
    where: { id: planId, partnershipId: actor.partnershipId },
    select: { title: true },
  });
  return plan ? { title: plan.title, notes } : null;
}

interface PageOptions {
  canEdit: boolean;
  canDelete: boolean;
  /** The editing view (for those who may edit): its forms also get the course's units, groups and deployable members. */
  editing: boolean;
  confirmDelete: boolean;
  /** The page itself, not its print or Word copy: a plan from before its text was live gets it moved on opening. */
  opening: boolean;
  ipAddress: string;
}

/** Everything the plan page shows, as the actor may see it (`can`: what the route's policy allows); null for 404. */
export async function loadLessonPlanPage(actor: Actor, access: LessonPlanAccess, options: PageOptions) {
  let plan = await getLessonPlan(actor, access);
  if (plan && options.opening && !plan.textInDocument && (await ensurePlanTextInDocument(plan.id)))
    plan = await getLessonPlan(actor, access);
  if (!plan) return null;
  const { canEdit, canDelete } = options;
  const editing = canEdit && options.editing;
  const [deployments, group, members, impact] = await Promise.all([
    planDeployments(actor.partnershipId, plan.id),
    planGroupAndChoices(actor.partnershipId, plan, editing),
    editing ? listDeployableMembers(actor.partnershipId) : [],
    canDelete && options.confirmDelete ? lessonPlanDeletionImpact(access) : null,
  ]);
  // The plan's facts, just checked by the route, decide the rights on its document too.
  const body = plan.document
    ? documentRights(actor, plan.document, { ownerType: LESSON_PLAN_DOCUMENT, ownerId: plan.id, value: access })
    : null;
  const students = await lessonStudents(
    { actor, ipAddress: options.ipAddress },
    {
      groupIds: plan.groupId ? [plan.groupId] : [],
      studentIds: [
        ...deployments.flatMap((d) => d.students.map((s) => s.studentId)),
        ...plan.differentiation.flatMap((n) => (n.studentId ? [n.studentId] : [])),
      ],
    },
    "lesson-plan",
  );
  const nameOf = (studentId: string) => students.get(studentId)?.name ?? "a student";
  const patterns = analyseDeployments(
    plan.durationMinutes,
    deployments.map((d) => ({
      id: d.id,
      supporterName: d.supporter.name,
      phase: d.phase,
      mode: d.mode,
      minutes: d.minutes,
      studentIds: d.students.map((s) => s.studentId),
      briefed: Boolean(d.briefedAt),
    })),
    nameOf,
  );
  const { differentiation, strategies, document: _document, ...rest } = plan;
  const screen = await screenOfTexts(actor, [
    ...deployments.flatMap((d) => [...Object.values(briefingOf(d)), d.feedback]),
    ...differentiation.map((n) => n.note),
    ...strategies.map((s) => s.note),
  ]);
  return {
    plan: {
      ...rest,
      strategies: strategies.map((s) => ({ ...s, note: screen(s.note) })),
      lessonDate: fromLessonDate(plan.lessonDate),
    },
    canEdit,
    canDelete,
    body: body ? { documentId: body.document.id, canWrite: body.canWrite } : null,
    notes: differentiation.map((n) => ({
      ...n,
      note: screen(n.note),
      studentName: n.studentId ? nameOf(n.studentId) : null,
    })),
    groupStudents: [...students.values()].filter((s) => group.onRoll.has(s.id)),
    deployments: deployments.map((d) => ({
      id: d.id,
      supporter: { id: d.supporter.id, name: d.supporter.name, institution: d.supporter.institution.name },
      supporterRole: d.supporterRole,
      phase: d.phase,
      mode: d.mode,
      minutes: d.minutes,
      students: d.students.map((s) => ({ id: s.studentId, name: nameOf(s.studentId) })),
      briefing: screenTexts(briefingOf(d), screen),
      briefedBy: d.briefedBy?.name ?? null,
      briefedAt: d.briefedAt,
      readAt: d.readAt,
      feedback: screen(d.feedback),
      feedbackAt: d.feedbackAt,
    })),
    patterns: {
      perStudent: patterns.perStudent.map((s) => ({ ...s, name: nameOf(s.studentId) })),
      warnings: patterns.warnings,
    },
    units: group.units,
    groups: group.groups,
    groupDays: group.groupDays,
    members: members.map((m) => ({
      value: m.id,
      label: `${m.name} (${m.role === "lsa" ? "LSA" : m.jobTitle || m.role}, ${m.institution.name})`,
    })),
    impact,
  };
}
