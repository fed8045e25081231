// A lesson plan's text parts as roots of its one live document: a new plan has every part; a plan from before has
// its text moved in once, however many processes open it at the same moment; the plain-text copy follows the
// document; versions and restores cover every part; a duplicate keeps the parts' formatting.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { yjsStateToLines, yjsStateToPlainText } from "~/lib/document-schema/headless";
import { PLAN_TEXT_PART_NAMES } from "~/lib/lesson-plan-text";
import { createNamedVersion, restoreVersion } from "~/models/collab-documents.server";
import { docFromUpdates, loadDocumentState } from "~/models/collab-log.server";
import { db } from "~/models/db.server";
import { duplicateLessonPlan } from "~/models/lesson-plan-duplicate.server";
import { requireLessonPlan, requirePlanningCourse } from "~/models/lesson-plan-facts.server";
import { copyPlanTextOut, ensurePlanTextInDocument, planTextUpdate } from "~/models/lesson-plan-text.server";
import { createLessonPlan } from "~/models/lesson-plans.server";
import type { ActionContext, Actor } from "~/policies/actor";
import { canEditLessonPlan } from "~/policies/lesson-plan";
import { createLessonFixture, dayFromToday, type LessonFixture } from "../support/lesson-plan-fixtures";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";
import { writePlanText } from "../support/plan-text";

const ctx = (actor: Actor): ActionContext => ({ actor, ipAddress: "" });

describe("a lesson plan's text in its live document", () => {
  const database = useModelDatabase("sqlite");
  const who = (key: string) => actorOf(idOf(database.demo.userIds, key));
  let fixture: LessonFixture;
  const newPlan = async (title = "Components of fitness") => {
    fixture ??= await createLessonFixture(db(), database.demo);
    const teacher = await who("teacher");
    return createLessonPlan(ctx(teacher), await requirePlanningCourse(teacher, fixture.courseId), {
      title,
      unitId: "",
      groupId: fixture.groupId,
      lessonDate: dayFromToday(7),
      startTime: "09:15",
      durationMinutes: 60,
    });
  };
  const documentOf = async (planId: string) =>
    db().collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: "lesson-plan", ownerId: planId } },
    });
  const stateOf = async (planId: string) => (await loadDocumentState((await documentOf(planId)).id)).state;

  it("a new plan's document has the notes and every text part, ready to type in", async () => {
    const plan = await newPlan();
    expect(plan.textInDocument).toBe(true);
    const doc = docFromUpdates([await stateOf(plan.id)]);
    for (const name of ["root", ...PLAN_TEXT_PART_NAMES]) {
      // One paragraph at least, for the caret.
      expect(doc.get(name, Y.XmlText).length, name).toBeGreaterThan(0);
    }
    doc.destroy();
  });

  it("moves a plan from before into its document once, even when two processes do it at once", async () => {
    const plan = await newPlan("From before");
    const document = await documentOf(plan.id);
    // As plans were before: text in the columns, a document with the notes only.
    await db().lessonPlan.update({
      where: { id: plan.id },
      data: { textInDocument: false, objectives: "Name two components\nTest one of them", starter: "Warm-up" },
    });
    await db().collabSnapshot.updateMany({
      where: { documentId: document.id },
      data: { state: new Uint8Array(docState((doc) => doc.get("root", Y.XmlText).insert(0, ""))) },
    });
    // Two processes computing the move from the same columns make the same change: Yjs keeps it once.
    const texts = await db().lessonPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(planTextUpdate(document.id, texts)).toEqual(planTextUpdate(document.id, texts));
    await Promise.all([ensurePlanTextInDocument(plan.id), ensurePlanTextInDocument(plan.id)]);
    await ensurePlanTextInDocument(plan.id);
    const lines = await yjsStateToLines(await stateOf(plan.id), PLAN_TEXT_PART_NAMES);
    expect(lines).toMatchObject({
      objectives: "Name two components\nTest one of them",
      starter: "Warm-up",
      plenary: "",
    });
    expect((await db().lessonPlan.findUniqueOrThrow({ where: { id: plan.id } })).textInDocument).toBe(true);
  });

  it("copies the document's text to the plan's columns, and never blanks a plan whose text is not moved yet", async () => {
    const plan = await newPlan("Copied out");
    await writePlanText(plan.id, { objectives: "Explain FITT", plenary: "Exit ticket: one thing you learnt" });
    const teacherId = idOf(database.demo.userIds, "teacherFe");
    expect(await copyPlanTextOut(plan.id, await stateOf(plan.id), teacherId)).toBe(true);
    expect(await db().lessonPlan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({
      objectives: "Explain FITT",
      plenary: "Exit ticket: one thing you learnt",
      updatedById: teacherId,
    });
    // Nothing new: nothing written.
    expect(await copyPlanTextOut(plan.id, await stateOf(plan.id), null)).toBe(false);
    await db().lessonPlan.update({ where: { id: plan.id }, data: { textInDocument: false, starter: "Keep me" } });
    expect(await copyPlanTextOut(plan.id, await stateOf(plan.id), null)).toBe(false);
    expect((await db().lessonPlan.findUniqueOrThrow({ where: { id: plan.id } })).starter).toBe("Keep me");
  });

  it("a version and its restore cover every part of the plan, not only the notes", async () => {
    const plan = await newPlan("Versioned");
    const teacher = await who("teacher");
    const document = await documentOf(plan.id);
    await writePlanText(plan.id, { starter: "First starter", assessment: "Mini whiteboards" });
    const version = await createNamedVersion(teacher, document.id, "Before the rewrite");
    await writePlanText(plan.id, { starter: "Second starter", assessment: "Thumbs up" });
    await restoreVersion(teacher, document.id, version.id);
    const lines = await yjsStateToLines(await stateOf(plan.id), PLAN_TEXT_PART_NAMES);
    expect(lines).toMatchObject({ starter: "First starter", assessment: "Mini whiteboards" });
    expect(await yjsStateToPlainText(await stateOf(plan.id))).toMatch(/Versioned/);
  });

  it("a duplicate starts with the parts as they are in the document now, but not the evaluation", async () => {
    const plan = await newPlan("Original");
    await writePlanText(plan.id, { mainActivity: "Fitness stations\nRotate every 4 minutes", evaluation: "Went well" });
    const teacher = await who("teacher");
    const original = await requireLessonPlan(teacher, plan.id, canEditLessonPlan);
    const copy = await duplicateLessonPlan(ctx(teacher), original, {
      title: "Copy",
      groupId: fixture.otherGroupId,
      lessonDate: dayFromToday(14),
      startTime: "",
    });
    const stored = await db().lessonPlan.findUniqueOrThrow({ where: { id: copy.id } });
    expect(stored).toMatchObject({ mainActivity: "Fitness stations\nRotate every 4 minutes", textInDocument: true });
    const lines = await yjsStateToLines(await stateOf(copy.id), PLAN_TEXT_PART_NAMES);
    expect(lines).toMatchObject({ mainActivity: "Fitness stations\nRotate every 4 minutes", evaluation: "" });
  });
});

function docState(write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  write(doc);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
