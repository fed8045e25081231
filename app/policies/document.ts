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

export interface DocumentOwnerRules<Facts = undefined> {
  /**
   * For owner types whose rules need facts from the database (a lesson plan's
   * co-planners and deployed supporters): loaded once per page load or socket
   * join by the caller (loadDocumentFacts) and passed to canRead and canWrite.
   * Owner types without it decide from the target alone.
   */
  loadFacts?: (doc: DocumentAccessTarget) => Promise<Facts>;
  /** Called only for actors of the document's partnership. */
  canRead(actor: Actor, doc: DocumentAccessTarget, facts: Facts): boolean;
  /** Called only for actors of the document's partnership who may read it. */
  canWrite(actor: Actor, doc: DocumentAccessTarget, facts: Facts): boolean;
}

/** Loaded facts, tagged with the owner they were loaded for so they cannot be passed for another. */
export interface DocumentFacts {
  readonly ownerType: string;
  readonly ownerId: string;
  readonly value: unknown;
}

const ownerTypes = new Map<string, DocumentOwnerRules<unknown>>();

/** Registers (or replaces, for tests) the access rules of one owner type. */
export function registerDocumentOwnerType<Facts = undefined>(
  ownerType: string,
  rules: DocumentOwnerRules<Facts>,
): void {
  ownerTypes.set(ownerType, rules as DocumentOwnerRules<unknown>);
}

export function isKnownDocumentOwnerType(ownerType: string): boolean {
  return ownerTypes.has(ownerType);
}

/**
 * The facts an owner type's rules need; undefined, synchronously, for owner types
 * that need none (so the socket engine's join path stays as short as before for them).
 */
export function loadDocumentFacts(doc: DocumentAccessTarget): Promise<DocumentFacts> | undefined {
  const rules = ownerTypes.get(doc.ownerType);
  if (!rules?.loadFacts) return undefined;
  return rules.loadFacts(doc).then((value) => ({ ownerType: doc.ownerType, ownerId: doc.ownerId, value }));
}

// An owner type that needs facts refuses when they are missing or were loaded for another owner.
function factsFor(
  rules: DocumentOwnerRules<unknown>,
  doc: DocumentAccessTarget,
  facts: DocumentFacts | undefined,
): { ok: boolean; value: unknown } {
  if (!rules.loadFacts) return { ok: true, value: undefined };
  if (!facts || facts.ownerType !== doc.ownerType || facts.ownerId !== doc.ownerId)
    return { ok: false, value: undefined };
  return { ok: true, value: facts.value };
}

export function canReadDocument(actor: Actor, doc: DocumentAccessTarget, facts?: DocumentFacts): boolean {
  if (!samePartnership(actor, doc)) return false;
  const rules = ownerTypes.get(doc.ownerType);
  // An owner type nobody registered is a programming error; refuse rather than guess.
  if (!rules) return false;
  const loaded = factsFor(rules, doc, facts);
  return loaded.ok && rules.canRead(actor, doc, loaded.value);
}

export function canWriteDocument(actor: Actor, doc: DocumentAccessTarget, facts?: DocumentFacts): boolean {
  if (!canReadDocument(actor, doc, facts)) return false;
  const rules = ownerTypes.get(doc.ownerType);
  if (!rules) return false;
  const loaded = factsFor(rules, doc, facts);
  return loaded.ok && rules.canWrite(actor, doc, loaded.value);
}

/** Naming and restoring versions change what everyone sees, so they need write access. */
export const canManageDocumentVersions = canWriteDocument;

/** Deleting removes the whole history: coordinators only, or the owner type's own delete flow. */
export function canDeleteDocument(actor: Actor, doc: DocumentAccessTarget, facts?: DocumentFacts): boolean {
  return canWriteDocument(actor, doc, facts) && isCoordinator(actor);
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
