// Who may read and who may edit a collaborative document. A document belongs to
// an owner (ownerType + ownerId); each owner type has its own rules, listed in one
// table (app/models/document-owners.server.ts) that callers pass in, and every rule
// is reached only after the tenant check (same partnership).
// Pure functions: used by loaders, actions and the socket engine alike.
import { isCoordinator, isTeacher, samePartnership, type Actor } from "./actor";
import { canReadStrategyDescription, canWriteStrategyDescription } from "./strategy";

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

/** Every owner type a caller knows, with its rules; an owner type missing here is refused. */
export type DocumentOwnerTypes = ReadonlyMap<string, DocumentOwnerRules<unknown>>;

/** Loaded facts, tagged with the owner they were loaded for so they cannot be passed for another. */
export interface DocumentFacts {
  readonly ownerType: string;
  readonly ownerId: string;
  readonly value: unknown;
}

export function isKnownDocumentOwnerType(owners: DocumentOwnerTypes, ownerType: string): boolean {
  return owners.has(ownerType);
}

/**
 * The facts an owner type's rules need; undefined, synchronously, for owner types
 * that need none (so the socket engine's join path stays as short as before for them).
 */
export function loadDocumentFacts(
  owners: DocumentOwnerTypes,
  doc: DocumentAccessTarget,
): Promise<DocumentFacts> | undefined {
  const rules = owners.get(doc.ownerType);
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

export function canReadDocument(
  owners: DocumentOwnerTypes,
  actor: Actor,
  doc: DocumentAccessTarget,
  facts?: DocumentFacts,
): boolean {
  if (!samePartnership(actor, doc)) return false;
  const rules = owners.get(doc.ownerType);
  // An owner type nobody listed is a programming error; refuse rather than guess.
  if (!rules) return false;
  const loaded = factsFor(rules, doc, facts);
  return loaded.ok && rules.canRead(actor, doc, loaded.value);
}

export function canWriteDocument(
  owners: DocumentOwnerTypes,
  actor: Actor,
  doc: DocumentAccessTarget,
  facts?: DocumentFacts,
): boolean {
  if (!canReadDocument(owners, actor, doc, facts)) return false;
  const rules = owners.get(doc.ownerType);
  if (!rules) return false;
  const loaded = factsFor(rules, doc, facts);
  return loaded.ok && rules.canWrite(actor, doc, loaded.value);
}

/** Deleting removes the whole history: coordinators only, or the owner type's own delete flow. */
export function canDeleteDocument(
  owners: DocumentOwnerTypes,
  actor: Actor,
  doc: DocumentAccessTarget,
  facts?: DocumentFacts,
): boolean {
  return canWriteDocument(owners, actor, doc, facts) && isCoordinator(actor);
}

// A shared document of the partnership (agendas, handbooks, steering-group notes):
// every member reads; coordinators and teachers write; leaders and LSAs read only.
export const PARTNERSHIP_DOCUMENT = "partnership-document";
export const partnershipDocumentRules: DocumentOwnerRules = {
  canRead: () => true,
  canWrite: (actor) => isCoordinator(actor) || isTeacher(actor),
};

// A strategy's description in the library: every member reads; coordinator,
// teachers and LSAs (co-planners) write; leaders read only.
export const strategyDocumentRules: DocumentOwnerRules = {
  canRead: canReadStrategyDescription,
  canWrite: canWriteStrategyDescription,
};
