// Who may start a shared document of the partnership: whoever could write one
// (the rules live with the owner type in document.ts).
import type { Actor } from "./actor";
import { PARTNERSHIP_DOCUMENT, canWriteDocument, partnershipDocumentRules, type DocumentOwnerTypes } from "./document";

const PARTNERSHIP_DOCUMENTS: DocumentOwnerTypes = new Map([[PARTNERSHIP_DOCUMENT, partnershipDocumentRules]]);

export function canCreatePartnershipDocument(actor: Actor): boolean {
  return canWriteDocument(PARTNERSHIP_DOCUMENTS, actor, {
    partnershipId: actor.partnershipId,
    ownerType: PARTNERSHIP_DOCUMENT,
    ownerId: "new",
  });
}
