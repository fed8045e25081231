// What the live engine copies out of a document while people write, by owner type: a lesson plan's text parts to
// its columns, and every searched document's text to its search entry (so search never reads the update log). Every
// kind also tells the members its mentions name (once each, document-mentions.server.ts).
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { MEETING_MINUTES_DOCUMENT } from "~/policies/meeting";
import { STRATEGY_DOCUMENT } from "~/policies/strategy";
import { db } from "./db.server";
import { notifyDocumentMentions } from "./document-mentions.server";
import { LESSON_PLAN_DOCUMENT } from "./document-owners.server";
import { copyPlanTextOut } from "./lesson-plan-text.server";
import { refreshSearchEntries } from "./search/search-index.server";

/** Copies what the owner keeps outside the document from its current state; true when something changed. */
export type DocumentProjection = (ownerId: string, state: Uint8Array, userId: string | null) => Promise<boolean>;

/** The search entry of the document's owner, written afresh from the stored document (the edits are stored). */
const searchEntryOf =
  (kind: "plan" | "strategy" | "minutes"): DocumentProjection =>
  async (ownerId) => {
    await refreshSearchEntries(db(), kind, [ownerId]);
    return true;
  };

const partnershipDocumentEntry: DocumentProjection = async (ownerId) => {
  const document = await db().collabDocument.findUnique({
    where: { ownerType_ownerId: { ownerType: PARTNERSHIP_DOCUMENT, ownerId } },
    select: { id: true },
  });
  if (document) await refreshSearchEntries(db(), "document", [document.id]);
  return true;
};

/** The projection, then the mentions' notifications (after the copy, so a failure to notify never stops it). */
const withMentions =
  (ownerType: string, project: DocumentProjection): DocumentProjection =>
  async (ownerId, state, userId) => {
    const changed = await project(ownerId, state, userId);
    await notifyDocumentMentions(ownerType, ownerId, state);
    return changed;
  };

const PROJECTIONS: ReadonlyArray<[string, DocumentProjection]> = [
  [
    LESSON_PLAN_DOCUMENT,
    async (ownerId: string, state: Uint8Array, userId: string | null) => {
      const copied = await copyPlanTextOut(ownerId, state, userId);
      await searchEntryOf("plan")(ownerId, state, userId);
      return copied;
    },
  ],
  [STRATEGY_DOCUMENT, searchEntryOf("strategy")],
  [MEETING_MINUTES_DOCUMENT, searchEntryOf("minutes")],
  [PARTNERSHIP_DOCUMENT, partnershipDocumentEntry],
];

export const DOCUMENT_PROJECTIONS: ReadonlyMap<string, DocumentProjection> = new Map(
  PROJECTIONS.map(([ownerType, project]) => [ownerType, withMentions(ownerType, project)]),
);
