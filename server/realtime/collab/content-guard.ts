// Checks a client's change against the document schema (app/lib/document-schema/content-rules.ts) before it is
// applied: only the structs the update carries are looked at, each placed by its parent or its neighbours, which
// are either in the update itself or already in the live document (decision 013). The live document is only read.
import * as Y from "yjs";
import { ELEMENT_CHILDREN, isAllowedProperty, TEXT_NODE_TYPES } from "~/lib/document-schema/content-rules";

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

type ContentVerdict =
  | { ok: true }
  /** "invalid-content": something the editor never writes; "invalid-message": it needs changes the server lacks. */
  | { ok: false; code: "invalid-content" | "invalid-message"; reason: string };

type Struct = Y.Item | Y.GC | Y.Skip;
/** Where an item goes: into a root, into a shared type (by the item holding it), or nowhere that is kept. */
type Place = { kind: "root"; name: string } | { kind: "type"; holder: Y.Item } | { kind: "gone" } | { kind: "missing" };
type Location = { place: Place; sub: string | null };

class Refusal extends Error {
  constructor(
    readonly code: "invalid-content" | "invalid-message",
    reason: string,
  ) {
    super(reason);
  }
}

const invalid = (reason: string) => new Refusal("invalid-content", reason);
const MISSING = new Refusal("invalid-message", "the change builds on changes the server does not have yet");

/** Whether `update` (already decoded) keeps `doc` a document of the schema, with only the roots `roots`. */
export function checkContent(doc: Y.Doc, update: DecodedUpdate, roots: ReadonlySet<string>): ContentVerdict {
  try {
    new UpdateCheck(doc, update, roots).run();
    return { ok: true };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, code: error.code, reason: error.message };
    throw error;
  }
}

class UpdateCheck {
  /** The update's structs by client, in clock order (as decodeUpdate returns them). */
  private readonly byClient = new Map<number, Struct[]>();
  private readonly located = new Map<Struct, Location>();
  /** The `__type` each new shared type is given in this update, by the item holding it. */
  private readonly newTypes = new Map<Y.Item, string>();
  /** "holder id|property" of every property this update sets (a replacement, not a removal). */
  private readonly setProperties = new Set<string>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly update: DecodedUpdate,
    private readonly roots: ReadonlySet<string>,
  ) {
    for (const struct of update.structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
  }

  run(): void {
    const fresh = this.update.structs.filter((s) => this.isNew(s));
    if (fresh.some((s) => s instanceof Y.Skip)) throw MISSING;
    // A gap in a client's clock would leave the rest waiting, to be integrated later without this check.
    for (const [client, structs] of this.byClient) {
      if (structs[0]!.id.clock > Y.getState(this.doc.store, client)) throw MISSING;
    }
    const items = fresh.filter((s): s is Y.Item => s instanceof Y.Item && !(s.content instanceof Y.ContentDeleted));
    for (const item of items) this.noteProperty(item);
    for (const item of items) this.checkItem(item);
    this.checkDeletions();
  }

  private isNew(struct: Struct): boolean {
    return struct.id.clock + struct.length > Y.getState(this.doc.store, struct.id.client);
  }

  /** Records the properties the update sets, and the type it gives each new shared type. */
  private noteProperty(item: Y.Item): void {
    const { place, sub } = this.locate(item);
    if (sub === null || (place.kind !== "type" && place.kind !== "root")) return;
    this.setProperties.add(`${placeKey(place)}|${sub}`);
    if (sub !== "__type" || place.kind !== "type") return;
    if (!this.isNew(place.holder)) throw invalid("a node's type cannot change");
    const value = singleValue(item);
    if (typeof value !== "string" || this.newTypes.has(place.holder)) throw invalid("a node needs one type");
    this.newTypes.set(place.holder, value);
  }

  private checkItem(item: Y.Item): void {
    const { place, sub } = this.locate(item);
    if (place.kind === "missing") throw MISSING;
    if (place.kind === "gone") return; // into a removed node: Yjs drops it
    if (place.kind === "root" && !this.roots.has(place.name)) throw invalid(`unknown root "${place.name}"`);
    const container = place.kind === "root" ? { element: true, nodeType: "root" } : this.describe(place.holder);
    if (sub !== null) {
      if (sub === "__type" && place.kind === "type") return; // checked with the node it types
      if (!(item.content instanceof Y.ContentAny) || !isAllowedProperty(container.nodeType, sub, singleValue(item))) {
        throw invalid(`property ${sub} of a ${container.nodeType} node`);
      }
      return;
    }
    if (!container.element) throw invalid(`content inside a ${container.nodeType} node`);
    // Characters belong to the text node before them; text without one is what a merge of concurrent edits can
    // leave, and Lexical's binding drops it (decision 013), so it is allowed wherever elements keep text.
    if (item.content instanceof Y.ContentString) return;
    if (!(item.content instanceof Y.ContentType)) throw invalid(`${item.content.constructor.name} content`);
    const child = this.describe(item);
    if (!ELEMENT_CHILDREN.get(container.nodeType)?.has(child.nodeType)) {
      throw invalid(`a ${child.nodeType} node inside a ${container.nodeType} node`);
    }
  }

  /** The node a shared type holds: an element (Y.XmlText) or a text-level node (Y.Map), with its `__type`. */
  private describe(holder: Y.Item): { element: boolean; nodeType: string } {
    const type = (holder.content as Y.ContentType).type;
    const nodeType = this.isNew(holder) ? this.newTypes.get(holder) : currentType(type);
    if (nodeType === undefined) throw invalid("a node without a type");
    if (type.constructor === Y.XmlText && ELEMENT_CHILDREN.has(nodeType) && nodeType !== "root") {
      return { element: true, nodeType };
    }
    if (type.constructor === Y.Map && TEXT_NODE_TYPES.has(nodeType)) return { element: false, nodeType };
    throw invalid(`unknown node type "${nodeType}"`);
  }

  /** Where an item goes, following its left (or right) neighbour when the update names no parent. */
  private locate(item: Y.Item): Location {
    const chain: Y.Item[] = [];
    let current: Y.Item = item;
    let found: Location | undefined;
    while (!(found = this.located.get(current))) {
      if (chain.length > this.update.structs.length) throw invalid("items placed by each other in a circle");
      const step = this.step(current);
      if ("place" in step) {
        found = step;
        break;
      }
      chain.push(current);
      current = step.next;
    }
    this.located.set(current, found);
    for (const link of chain) this.located.set(link, found);
    return found;
  }

  /** One step of locate: the item's place, or the neighbour in the update whose place it shares. */
  private step(item: Y.Item): Location | { next: Y.Item } {
    const parent = item.parent as unknown;
    if (typeof parent === "string") return { place: { kind: "root", name: parent }, sub: item.parentSub };
    if (parent instanceof Y.ID) return { place: this.holderPlace(parent), sub: item.parentSub };
    const neighbourId = item.origin ?? item.rightOrigin;
    if (!neighbourId) throw invalid("an item with no place");
    const neighbour = this.find(neighbourId);
    if (neighbour === null) return { place: { kind: "missing" }, sub: null };
    if (neighbour instanceof Y.GC) return { place: { kind: "gone" }, sub: null };
    if (neighbour instanceof Y.Skip) return { place: { kind: "missing" }, sub: null };
    if (!this.inDocument(neighbourId)) return { next: neighbour };
    return { place: placeInDocument(neighbour), sub: neighbour.parentSub };
  }

  private holderPlace(id: Y.ID): Place {
    const holder = this.find(id);
    if (holder === null || holder instanceof Y.Skip) return { kind: "missing" };
    if (holder instanceof Y.GC || !(holder.content instanceof Y.ContentType)) return { kind: "gone" };
    if (this.inDocument(id) && holder.deleted) return { kind: "gone" };
    return { kind: "type", holder };
  }

  private inDocument(id: Y.ID): boolean {
    return id.clock < Y.getState(this.doc.store, id.client);
  }

  /** The struct holding `id`: the live document's if it has it, else the update's, else null. */
  private find(id: Y.ID): Struct | null {
    if (this.inDocument(id)) return Y.getItem(this.doc.store, id) as Struct;
    const structs = this.byClient.get(id.client) ?? [];
    let low = 0;
    let high = structs.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const struct = structs[middle]!;
      if (id.clock < struct.id.clock) high = middle - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
      else return struct;
    }
    return null;
  }

  /**
   * Deleting a node removes all of it; Lexical never removes a single property of a node that stays (a node
   * without its type blanks the editor), only replaces it. Deletions of what the server lacks are refused: they
   * would wait and fall on content checked without them.
   */
  private checkDeletions(): void {
    const ds = this.update.ds;
    for (const [client, ranges] of ds.clients) {
      const state = Y.getState(this.doc.store, client);
      for (const { clock, len } of ranges) {
        if (clock + len > state && !this.coveredByUpdate(client, Math.max(clock, state), clock + len)) throw MISSING;
        if (clock < state) this.checkDeletedInDocument(client, clock, Math.min(clock + len, state));
      }
    }
  }

  private coveredByUpdate(client: number, from: number, to: number): boolean {
    const structs = this.byClient.get(client) ?? [];
    const last = structs.at(-1);
    return (
      last !== undefined &&
      !(last instanceof Y.Skip) &&
      structs[0]!.id.clock <= from &&
      last.id.clock + last.length >= to
    );
  }

  private checkDeletedInDocument(client: number, from: number, to: number): void {
    const structs = this.doc.store.clients.get(client)!;
    for (let i = Y.findIndexSS(structs, from); i < structs.length && structs[i]!.id.clock < to; i++) {
      const item = structs[i]!;
      if (!(item instanceof Y.Item) || item.deleted || item.parentSub === null || item.right !== null) continue;
      const place = placeInDocument(item);
      if (place.kind === "gone" || (place.kind === "type" && Y.isDeleted(this.update.ds, place.holder.id))) continue;
      if (!this.setProperties.has(`${placeKey(place)}|${item.parentSub}`)) {
        throw invalid(`removes the property ${item.parentSub} of a node`);
      }
    }
  }
}

function placeInDocument(item: Y.Item): Place {
  const parent = item.parent as Y.AbstractType<unknown> | null;
  if (!parent) return { kind: "gone" };
  const holder = parent._item;
  if (holder === null) return { kind: "root", name: Y.findRootTypeKey(parent) };
  return holder.deleted ? { kind: "gone" } : { kind: "type", holder };
}

/** The `__type` of a shared type in the live document. */
function currentType(type: Y.AbstractType<unknown>): string | undefined {
  const entry = type._map.get("__type");
  if (!entry || entry.deleted) return undefined;
  const value = entry.content.getContent()[0] as unknown;
  return typeof value === "string" ? value : undefined;
}

function singleValue(item: Y.Item): unknown {
  const values = item.content.getContent();
  return values.length === 1 ? values[0] : Symbol("not one value");
}

function placeKey(place: Place): string {
  if (place.kind === "root") return `root:${place.name}`;
  return place.kind === "type" ? `${place.holder.id.client}:${place.holder.id.clock}` : place.kind;
}
