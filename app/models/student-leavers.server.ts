// The leaver workflow: a student marked as left (with their leaving date) leaves every list and picker but keeps
// their record until the partnership's retention period is over, when the schedule erases it (student-erasure).
// The coordinator sees the leavers and sets the retention period. Every change is audited.
import type { ActionContext } from "~/policies/actor";
import { DomainError } from "~/lib/errors";
import { auditAction } from "./audit.server";
import { db } from "./db.server";
import { erasureDue } from "./student-erasure.server";
import { viewStudents } from "./students.server";

async function ownStudent(ctx: ActionContext, studentId: string) {
  const student = await db().student.findFirst({
    where: { id: studentId, partnershipId: ctx.actor.partnershipId },
    select: { id: true, leftOn: true },
  });
  if (!student) throw new DomainError("not-found", "That student is not in this partnership.");
  return student;
}

/** Marks the student as left on `leftOn` (a "YYYY-MM-DD" day), or moves the leaving date of a leaver. */
export async function markStudentLeft(ctx: ActionContext, studentId: string, leftOn: string): Promise<void> {
  const student = await ownStudent(ctx, studentId);
  await db().student.update({ where: { id: student.id }, data: { leftOn: new Date(`${leftOn}T00:00:00.000Z`) } });
  await auditAction(ctx, { action: "student.left", subjectType: "student", subjectId: student.id, detail: { leftOn } });
}

/** Puts a leaver back on roll (marked by mistake, or back after all); their groups were kept. */
export async function reinstateStudent(ctx: ActionContext, studentId: string): Promise<void> {
  const student = await ownStudent(ctx, studentId);
  if (!student.leftOn) return;
  await db().student.update({ where: { id: student.id }, data: { leftOn: null } });
  await auditAction(ctx, { action: "student.reinstated", subjectType: "student", subjectId: student.id });
}

export async function studentRetentionYears(partnershipId: string): Promise<number> {
  const partnership = await db().partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { studentRetentionYears: true },
  });
  return partnership.studentRetentionYears;
}

export async function setStudentRetentionYears(ctx: ActionContext, years: number): Promise<void> {
  const { partnershipId } = ctx.actor;
  const before = await studentRetentionYears(partnershipId);
  if (before === years) return;
  await db().partnership.update({ where: { id: partnershipId }, data: { studentRetentionYears: years } });
  await auditAction(ctx, {
    action: "partnership.retention_changed",
    subjectType: "partnership",
    subjectId: partnershipId,
    detail: { from: before, to: years },
  });
}

/** The leavers, soonest erasure first, each with the day their record will be erased (their views audited). */
export async function listLeavers(ctx: ActionContext) {
  const years = await studentRetentionYears(ctx.actor.partnershipId);
  const { students } = await viewStudents(ctx, { leavers: true, order: "name", pageSize: 500 }, "leavers");
  return {
    years,
    leavers: students
      .flatMap((student) =>
        student.visibility !== "full" || !student.leftOn
          ? []
          : [{ ...student, leftOn: student.leftOn, erasureDue: erasureDue(student.leftOn, years) }],
      )
      .sort((a, b) => a.erasureDue.getTime() - b.erasureDue.getTime()),
  };
}
