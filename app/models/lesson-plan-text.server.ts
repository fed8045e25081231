// A lesson plan's text parts as roots of its live document: moved into the document from the plan's columns once
// (the first time anyone opens the plan), and copied back out as plain text while people write, so search, briefings
// and the reading view read the columns. The copy out is the live engine's (server/realtime/collab/projections.ts).
import * as Y from "yjs";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { rootsToYjsState, yjsStateToEditorStates, yjsStateToLines } from "~/lib/document-schema/headless";
import { PLAN_TEXT_PART_NAMES, type PlanTextPartName, type PlanTexts } from "~/lib/lesson-plan-text";
import { applyDocumentChange, type InitialContent } from "./collab-documents.server";
import { loadDocumentState } from "./collab-log.server";
import { db } from "./db.server";
import { LESSON_PLAN_DOCUMENT } from "./document-owners.server";

const TEXT_COLUMNS = {
  textInDocument: true,
  objectives: true,
  successCriteria: true,
  starter: true,
  mainActivity: true,
  plenary: true,
  assessment: true,
  evaluation: true,
  nextSteps: true,
} as const satisfies Record<keyof PlanTexts | "textInDocument", true>;

/** One paragraph per line of the text (an empty part still gets one, for the caret). */
export function paragraphsOf(text: string) {
  return () => {
    const root = $getRoot();
    for (const line of text.split(/\r?\n/)) root.append($createParagraphNode().append($createTextNode(line)));
  };
}

/** Builders of every text part's root from plain text, for a new plan's document. */
export function planTextRoots(texts: Partial<PlanTexts> = {}): Record<PlanTextPartName, () => void> {
  return Object.fromEntries(PLAN_TEXT_PART_NAMES.map((name) => [name, paragraphsOf(texts[name] ?? "")])) as Record<
    PlanTextPartName,
    () => void
  >;
}

/**
 * The text parts of a plan as they are now, to copy into another plan: each part's content (formatting kept) and
 * its plain text. From the document once the parts live there, else from the columns.
 */
export async function readPlanText(planId: string) {
  const plan = await db().lessonPlan.findUniqueOrThrow({ where: { id: planId }, select: TEXT_COLUMNS });
  const document = plan.textInDocument
    ? await db().collabDocument.findUnique({
        where: { ownerType_ownerId: { ownerType: LESSON_PLAN_DOCUMENT, ownerId: planId } },
        select: { id: true },
      })
    : null;
  if (!document) return { texts: plan as PlanTexts, roots: planTextRoots(plan) as Record<string, InitialContent> };
  const state = (await loadDocumentState(document.id)).state;
  const [texts, roots] = await Promise.all([
    yjsStateToLines(state, PLAN_TEXT_PART_NAMES),
    yjsStateToEditorStates(state, PLAN_TEXT_PART_NAMES),
  ]);
  return { texts: texts as PlanTexts, roots: roots as Record<string, InitialContent> };
}

/** A stable Yjs client id of the document's text move, the same in every process. */
function moveClientId(documentId: string): number {
  let hash = 2166136261;
  for (const char of documentId) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  // Clear of 0 and of small ids; Yjs client ids are 32-bit unsigned.
  return ((hash >>> 0) % 0x7ffffff0) + 16;
}

/**
 * The change that writes the texts into the document's part roots. The same texts give the same bytes, and Yjs
 * skips a client's changes it already has, so processes that move the same plan at once make it once.
 */
export function planTextUpdate(documentId: string, texts: PlanTexts): Uint8Array {
  return rootsToYjsState(planTextRoots(texts), moveClientId(documentId));
}

/**
 * Moves the plan's text parts into its document if that has not happened yet (plans from before, the seed); true
 * when it moved them now.
 */
export async function ensurePlanTextInDocument(planId: string): Promise<boolean> {
  const plan = await db().lessonPlan.findUnique({
    where: { id: planId },
    select: TEXT_COLUMNS,
  });
  if (!plan || plan.textInDocument) return false;
  const document = await db().collabDocument.findUnique({
    where: { ownerType_ownerId: { ownerType: LESSON_PLAN_DOCUMENT, ownerId: planId } },
    select: { id: true },
  });
  if (!document) return false;
  const update = planTextUpdate(document.id, plan);
  await applyDocumentChange(document.id, (doc) => Y.applyUpdate(doc, update), null);
  await db().lessonPlan.update({ where: { id: planId }, data: { textInDocument: true } });
  return true;
}

/**
 * Copies the document's text parts to the plan's columns (only once they live in the document, so an old document
 * never blanks them) when they differ. `userId`: who wrote last, as the plan's last editor.
 */
export async function copyPlanTextOut(planId: string, state: Uint8Array, userId: string | null): Promise<boolean> {
  const plan = await db().lessonPlan.findUnique({
    where: { id: planId },
    select: TEXT_COLUMNS,
  });
  if (!plan?.textInDocument) return false;
  const texts = await yjsStateToLines(state, PLAN_TEXT_PART_NAMES);
  const changed = PLAN_TEXT_PART_NAMES.filter((name) => texts[name] !== plan[name]);
  if (changed.length === 0) return false;
  await db().lessonPlan.updateMany({
    where: { id: planId, textInDocument: true },
    data: {
      ...Object.fromEntries(changed.map((name) => [name, texts[name]])),
      ...(userId ? { updatedById: userId } : {}),
    },
  });
  return true;
}
