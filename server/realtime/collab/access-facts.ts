// The policy facts of an open document's owner (a lesson plan's planners and deployed
// supporters), shared by every socket of this process in that document: loaded at a
// join, reloaded when older than the recheck age, one load in flight at a time, and
// the access that an actor has from them (write, read or none).
import type { Actor } from "~/policies/actor";
import {
  canReadDocument,
  canWriteDocument,
  type DocumentAccessTarget,
  type DocumentFacts,
  type DocumentOwnerTypes,
} from "~/policies/document";

export type DocumentAccess = "write" | "read" | "none";

/** What an actor may do in a document, from its owner's facts. */
export function accessFrom(
  owners: DocumentOwnerTypes,
  actor: Actor | null,
  record: DocumentAccessTarget,
  facts: DocumentFacts | undefined,
): DocumentAccess {
  if (!actor) return "none";
  if (canWriteDocument(owners, actor, record, facts)) return "write";
  return canReadDocument(owners, actor, record, facts) ? "read" : "none";
}

export class AccessFacts {
  private facts: DocumentFacts | undefined = undefined;
  /** When the load that produced `facts` started (0: never loaded). */
  private loadedAt = 0;
  private loading: Promise<DocumentFacts | undefined> | null = null;
  /** The age a change asked for while a load was in flight: checked again once it ends. */
  private recheckAfterLoad: number | null = null;

  constructor(
    /** Loads the facts from the database (undefined, synchronously, for owner types that need none). */
    private readonly load: () => Promise<DocumentFacts | undefined> | undefined,
    /** Told each time the facts are replaced, with the new ones, to re-decide the access of the sockets. */
    private readonly onReplaced: (facts: DocumentFacts | undefined) => void,
    private readonly onReloadFailed: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The facts if loaded at most maxAgeMs ago (wrapped, since undefined is a valid value), or null. */
  fresh(maxAgeMs: number): { facts: DocumentFacts | undefined } | null {
    return this.loadedAt > 0 && this.now() - this.loadedAt <= maxAgeMs ? { facts: this.facts } : null;
  }

  /** Keeps facts a caller loaded itself (a join), unless newer ones are already here. */
  note(facts: DocumentFacts | undefined, loadStartedAt: number): void {
    if (loadStartedAt < this.loadedAt) return;
    this.facts = facts;
    this.loadedAt = loadStartedAt;
    this.onReplaced(facts);
  }

  /** Reloads the facts from the database: one load in flight, whoever asks. */
  reload(): Promise<DocumentFacts | undefined> {
    this.loading ??= (async () => {
      const startedAt = this.now();
      try {
        const facts = await this.load();
        this.note(facts, startedAt);
        return facts;
      } finally {
        this.loading = null;
        this.afterLoad();
      }
    })();
    return this.loading;
  }

  /** Reloads after a change to the facts just committed: a load already in flight may have read them before it. */
  async reloadAfterChange(): Promise<DocumentFacts | undefined> {
    await this.loading?.catch(() => undefined);
    return this.reload();
  }

  /**
   * Whoever only reads a document sends no changes that would re-decide their access: a change going out
   * to this process's sockets reloads facts older than maxAgeMs, and onReplaced then takes out whoever may
   * no longer read it. A change during a load that started too early for it is checked again after it.
   */
  reloadIfStale(maxAgeMs: number): void {
    if (this.loading) {
      this.recheckAfterLoad = Math.min(this.recheckAfterLoad ?? maxAgeMs, maxAgeMs);
      return;
    }
    if (this.fresh(maxAgeMs)) return;
    this.reload().catch(this.onReloadFailed);
  }

  private afterLoad(): void {
    const maxAgeMs = this.recheckAfterLoad;
    this.recheckAfterLoad = null;
    if (maxAgeMs !== null) this.reloadIfStale(maxAgeMs);
  }
}
