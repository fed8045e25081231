// Who may read and who may edit a collaborative document. A document belongs to
// an owner (ownerType + ownerId); each owner type registers its own rules here,
// and every rule is reached only after the tenant check (same partnership).
// Pure functions: used by loaders, actions and the socket engine alike.
import { isCoordinator, isTeacher, samePartnership, type Actor } from "./actor";
import { STRATEGY_DOCUMENT, canReadStrategyDescription, canWriteStrategyDescription } from "./strategy";

export interface DocumentAccessTarget {
  partnershipId: string;
  ownerType: string;
  ownerId: string;
}

export interface DocumentOwnerRules {
  /** Called only for actors of the document's partnership. */
  canRead(actor: Actor, doc: DocumentAccessTarget): boolean;
  /** Called only for actors of the document's partnership who may read it. */
  canWrite(actor: Actor, doc: DocumentAccessTarget): boolean;
}

const ownerTypes = new Map<string, DocumentOwnerRules>();

/** Registers (or replaces, for tests) the access rules of one owner type. */
export function registerDocumentOwnerType(ownerType: string, rules: DocumentOwnerRules): void {
  ownerTypes.set(ownerType, rules);
}

export function isKnownDocumentOwnerType(ownerType: string): boolean {
  return ownerTypes.has(ownerType);
}

export function canReadDocument(actor: Actor, doc: DocumentAccessTarget): boolean {
  if (!samePartnership(actor, doc)) return false;
  const rules = ownerTypes.get(doc.ownerType);
  // An owner type nobody registered is a programming error; refuse rather than guess.
  return rules ? rules.canRead(actor, doc) : false;
}

export function canWriteDocument(actor: Actor, doc: DocumentAccessTarget): boolean {
  if (!canReadDocument(actor, doc)) return false;
  const rules = ownerTypes.get(doc.ownerType);
  return rules ? rules.canWrite(actor, doc) : false;
}

/** Naming and restoring versions change what everyone sees, so they need write access. */
export const canManageDocumentVersions = canWriteDocument;

/** Deleting removes the whole history: coordinators only, or the owner type's own delete flow. */
export function canDeleteDocument(actor: Actor, doc: DocumentAccessTarget): boolean {
  return canWriteDocument(actor, doc) && isCoordinator(actor);
}

// A shared document of the partnership (agendas, handbooks, steering-group notes):
// every member reads; coordinators and teachers write; leaders and LSAs read only.
export const PARTNERSHIP_DOCUMENT = "partnership-document";
registerDocumentOwnerType(PARTNERSHIP_DOCUMENT, {
  canRead: () => true,
  canWrite: (actor) => isCoordinator(actor) || isTeacher(actor),
});

// A strategy's description in the library: every member reads; coordinator,
// teachers and LSAs (co-planners) write; leaders read only. Registered here so
// the socket engine, which imports only this module, knows the owner type too.
registerDocumentOwnerType(STRATEGY_DOCUMENT, {
  canRead: canReadStrategyDescription,
  canWrite: canWriteStrategyDescription,
});
