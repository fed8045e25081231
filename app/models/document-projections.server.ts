// What the live engine copies out of a document while people write, by owner type: a lesson plan's text parts to
// its columns. Owner types without an entry keep everything in the document.
import { LESSON_PLAN_DOCUMENT } from "./document-owners.server";
import { copyPlanTextOut } from "./lesson-plan-text.server";

/** Copies what the owner keeps outside the document from its current state; true when something changed. */
export type DocumentProjection = (ownerId: string, state: Uint8Array, userId: string | null) => Promise<boolean>;

export const DOCUMENT_PROJECTIONS: ReadonlyMap<string, DocumentProjection> = new Map([
  [LESSON_PLAN_DOCUMENT, copyPlanTextOut],
]);
