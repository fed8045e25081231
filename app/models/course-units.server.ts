// The units of a course, in teaching order: add, rename, move and remove. A removed unit's lesson plans stay in
// the course without a unit.
import { DomainError } from "~/lib/errors";
import type { ActionContext } from "~/policies/actor";
import { auditAction } from "./audit.server";
import { ownCourseId, touchCourse } from "./courses.server";
import { db } from "./db.server";

async function ownUnit(ctx: ActionContext, courseId: string, unitId: string) {
  const unit = await db().courseUnit.findFirst({
    where: { id: unitId, courseId, course: { partnershipId: ctx.actor.partnershipId } },
  });
  if (!unit) throw new DomainError("invalid", "That unit is not part of this course.");
  return unit;
}

function auditUnits(ctx: ActionContext, action: string, courseId: string, detail: Record<string, unknown>) {
  return auditAction(ctx, { action, subjectType: "course", subjectId: courseId, detail });
}

async function renumberUnits(units: { id: string }[]) {
  await db().$transaction(
    units.map((u, i) => db().courseUnit.update({ where: { id: u.id }, data: { position: i + 1 } })),
  );
}

export async function addUnit(ctx: ActionContext, courseId: string, title: string) {
  const id = await ownCourseId(ctx, courseId);
  const last = await db().courseUnit.findFirst({
    where: { courseId: id },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  const unit = await db().courseUnit.create({
    data: { courseId: id, title: title.trim(), position: (last?.position ?? 0) + 1 },
  });
  await touchCourse(id);
  await auditUnits(ctx, "course.unit_added", id, { unit: unit.title });
  return unit;
}

export async function renameUnit(ctx: ActionContext, courseId: string, unitId: string, title: string) {
  const unit = await ownUnit(ctx, courseId, unitId);
  await db().courseUnit.update({ where: { id: unit.id }, data: { title: title.trim() } });
  await touchCourse(courseId);
  await auditUnits(ctx, "course.unit_renamed", courseId, { from: unit.title, to: title.trim() });
}

/** Swaps the unit with its neighbour above or below; positions are renumbered 1..n. */
export async function moveUnit(ctx: ActionContext, courseId: string, unitId: string, direction: "up" | "down") {
  await ownUnit(ctx, courseId, unitId);
  const units = await db().courseUnit.findMany({
    where: { courseId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true },
  });
  const index = units.findIndex((u) => u.id === unitId);
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= units.length) return false;
  [units[index], units[target]] = [units[target]!, units[index]!];
  await renumberUnits(units);
  await touchCourse(courseId);
  await auditUnits(ctx, "course.units_reordered", courseId, { unit: units[target]!.title, direction });
  return true;
}

export async function removeUnit(ctx: ActionContext, courseId: string, unitId: string) {
  const unit = await ownUnit(ctx, courseId, unitId);
  const plansKept = await db().lessonPlan.count({
    where: { unitId: unit.id, partnershipId: ctx.actor.partnershipId },
  });
  await db().courseUnit.delete({ where: { id: unit.id } });
  await renumberUnits(
    await db().courseUnit.findMany({
      where: { courseId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    }),
  );
  await touchCourse(courseId);
  await auditUnits(ctx, "course.unit_removed", courseId, { unit: unit.title, plansKept });
  return { plansKept };
}
