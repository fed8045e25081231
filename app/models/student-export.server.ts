// The subject-access export of one student: everything Staffroom holds about them, for the coordinator to answer a
// subject-access request (UK GDPR article 15): their record, groups, deployments naming them, differentiation notes,
// every mention of their name in free text and documents, and the audit entries about them. The export is audited.
import { studentNameMatcher } from "~/lib/student-name-redaction";
import { DomainError } from "~/lib/errors";
import type { ActionContext } from "~/policies/actor";
import { auditAction } from "./audit.server";
import { db } from "./db.server";
import { briefingOf } from "./deployments.server";
import { findDocumentMentions } from "./document-redaction.server";
import { findFreeTextMentions } from "./student-free-text.server";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

async function deploymentsNaming(studentId: string) {
  const rows = await db().deploymentStudent.findMany({
    where: { studentId },
    select: {
      deployment: {
        include: {
          supporter: { select: { name: true } },
          lessonPlan: { select: { title: true, lessonDate: true } },
        },
      },
    },
  });
  return rows.map(({ deployment: d }) => ({
    lesson: d.lessonPlan.title,
    lessonDate: iso(d.lessonPlan.lessonDate),
    supporter: d.supporter.name,
    supporterRole: d.supporterRole,
    phase: d.phase,
    mode: d.mode,
    minutes: d.minutes,
    briefing: briefingOf(d),
    briefedAt: iso(d.briefedAt),
    readAt: iso(d.readAt),
    feedback: d.feedback,
    feedbackAt: iso(d.feedbackAt),
  }));
}

async function auditEntriesAbout(partnershipId: string, studentId: string) {
  const events = await db().auditEvent.findMany({
    where: { partnershipId, subjectType: "student", subjectId: studentId },
    orderBy: { createdAt: "asc" },
  });
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const actors = await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  // Staff addresses are the staff's data, not the student's: the export leaves them out.
  return events.map((e) => ({
    at: e.createdAt.toISOString(),
    action: e.action,
    by: e.actorId ? (names.get(e.actorId) ?? "Former member") : "System",
    detail: JSON.parse(e.detail) as unknown,
  }));
}

/** Everything held about the student, as one JSON-ready object; audited as `student.exported`. */
export async function exportStudent(ctx: ActionContext, studentId: string) {
  const { partnershipId } = ctx.actor;
  const student = await db().student.findFirst({
    where: { id: studentId, partnershipId },
    include: {
      homeInstitution: { select: { name: true } },
      groups: {
        select: { group: { select: { name: true, academicYear: true, course: { select: { title: true } } } } },
      },
      differentiation: { select: { note: true, needArea: true, lessonPlan: { select: { title: true } } } },
    },
  });
  if (!student) throw new DomainError("not-found", "That student is not in this partnership.");
  const matcher = studentNameMatcher(student);
  const exported = {
    exportedAt: new Date().toISOString(),
    student: {
      id: student.id,
      firstName: student.firstName,
      lastName: student.lastName,
      homeInstitution: student.homeInstitution.name,
      yearGroup: student.yearGroup,
      senStatus: student.senStatus,
      needAreas: student.needAreas ? student.needAreas.split(",") : [],
      communicationMode: student.communicationMode,
      atRisk: student.atRisk,
      notes: student.notes,
      leftOn: iso(student.leftOn),
      createdAt: iso(student.createdAt),
      updatedAt: iso(student.updatedAt),
    },
    groups: student.groups.map(({ group }) => ({
      name: group.name,
      course: group.course.title,
      academicYear: group.academicYear,
    })),
    deployments: await deploymentsNaming(student.id),
    differentiationNotes: student.differentiation.map((n) => ({ lesson: n.lessonPlan.title, note: n.note })),
    mentionsInFreeText: await findFreeTextMentions(partnershipId, matcher),
    mentionsInDocuments: await findDocumentMentions(partnershipId, matcher),
    auditEntries: await auditEntriesAbout(partnershipId, student.id),
  };
  await auditAction(ctx, { action: "student.exported", subjectType: "student", subjectId: student.id });
  return exported;
}
