// Writes a lesson plan's text parts into its live document as a co-planner's editor would (a change to each part's
// root), for model tests that have no browser: without a live engine in the process it goes to the update log.
import { docFromUpdates } from "~/models/collab-log.server";
import { applyDocumentChange } from "~/models/collab-documents.server";
import { db } from "~/models/db.server";
import { planTextRoots } from "~/models/lesson-plan-text.server";
import { rootsToYjsState } from "~/lib/document-schema/headless";
import type { PlanTexts } from "~/lib/lesson-plan-text";
import { replaceRootContent } from "~/lib/yjs-copy";

export async function writePlanText(planId: string, texts: Partial<PlanTexts>, userId: string | null = null) {
  const document = await db().collabDocument.findUniqueOrThrow({
    where: { ownerType_ownerId: { ownerType: "lesson-plan", ownerId: planId } },
    select: { id: true },
  });
  const roots = planTextRoots(texts);
  const names = Object.keys(texts) as Array<keyof PlanTexts>;
  const source = docFromUpdates([rootsToYjsState(Object.fromEntries(names.map((name) => [name, roots[name]])))]);
  try {
    await applyDocumentChange(
      document.id,
      (doc) => {
        for (const name of names) replaceRootContent(doc, source, name, "test");
      },
      userId,
    );
  } finally {
    source.destroy();
  }
  return document.id;
}
