// Where a comment sits in a co-edited document (decision 024): two Yjs relative positions, which name the characters
// at each end of the range (not offsets), so the range follows its words whatever others type around it. Resolving
// them against a Y.Doc gives the range now, or "deleted" once its words are gone. A document's text, as Lexical's
// Yjs binding writes it: every element is a Y.XmlText whose delta holds one embed per child (a Y.Map before each
// text node's characters, a Y.XmlText per child element), so a Lexical child index is the count of embeds before it.
import * as Y from "yjs";
import { fromBase64, toBase64 } from "lib0/buffer";

export interface EncodedAnchor {
  anchorStart: string;
  anchorEnd: string;
}

export interface YPoint {
  type: Y.XmlText;
  index: number;
}

export type ResolvedAnchor = { state: "live"; start: YPoint; end: YPoint; text: string } | { state: "deleted" };

/** The range from `start` to `end`: the start sticks to its first character, the end to its last. */
export function encodeAnchor(start: YPoint, end: YPoint): EncodedAnchor {
  const encode = (point: YPoint, assoc: number) =>
    toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(point.type, point.index, assoc)));
  return { anchorStart: encode(start, 0), anchorEnd: encode(end, -1) };
}

function decode(doc: Y.Doc, encoded: string): YPoint | null {
  try {
    const absolute = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(encoded)), doc);
    if (!absolute || !(absolute.type instanceof Y.XmlText) || isGone(absolute.type)) return null;
    return { type: absolute.type, index: absolute.index };
  } catch {
    return null;
  }
}

/** Any shared type, as far as walking up the tree goes. */
type Node = { _item: Y.Item | null };

function isGone(type: Node): boolean {
  for (let item = type._item; item; item = (item.parent as Node)._item) {
    if (item.deleted) return true;
  }
  return false;
}

/** The anchor's range in the document as it is now; "deleted" when none of its words are left. */
export function resolveAnchor(doc: Y.Doc, anchor: EncodedAnchor): ResolvedAnchor {
  const start = decode(doc, anchor.anchorStart);
  const end = decode(doc, anchor.anchorEnd);
  if (!start || !end) return { state: "deleted" };
  const text = textBetween(doc, start, end);
  if (text === null || text.trim() === "") return { state: "deleted" };
  return { state: "live", start, end, text };
}

type Slot = { type: Y.XmlText; index: number; char: string };

/** Every character of a root in reading order, with where it sits (paragraph breaks as "\n"). */
function characters(type: Y.XmlText, into: Slot[] = []): Slot[] {
  let index = 0;
  for (const op of type.toDelta() as Array<{ insert: unknown }>) {
    if (typeof op.insert === "string") {
      for (const char of op.insert) {
        into.push({ type, index, char });
        index += char.length;
      }
      continue;
    }
    if (op.insert instanceof Y.XmlText) {
      if (into.length > 0) into.push({ type, index, char: "\n" });
      characters(op.insert, into);
    }
    index += 1;
  }
  return into;
}

function rootOf(type: Node): Node {
  let current = type;
  while (current._item) current = current._item.parent as Node;
  return current;
}

/** The root as a Y.XmlText: a root no one has asked for by name yet is still a generic type after loading. */
function asXmlText(doc: Y.Doc, root: Node): Y.XmlText | null {
  if (root instanceof Y.XmlText) return root;
  for (const [name, type] of doc.share) if (type === root) return doc.get(name, Y.XmlText);
  return null;
}

function textBetween(doc: Y.Doc, start: YPoint, end: YPoint): string | null {
  const root = rootOf(start.type);
  const text = root === rootOf(end.type) ? asXmlText(doc, root) : null;
  if (!text) return null;
  const slots = characters(text);
  const from = slots.findIndex((s) => s.type === start.type && s.index >= start.index);
  let to = -1;
  for (let i = slots.length - 1; i >= 0; i--) {
    const s = slots[i]!;
    if (s.type === end.type && s.index < end.index) {
      to = i;
      break;
    }
  }
  if (from < 0 || to < from) return null;
  return slots
    .slice(from, to + 1)
    .map((s) => s.char)
    .join("");
}

/** The embeds of an element in order, each with its index in the element's Y.XmlText. */
function embeds(type: Y.XmlText): Array<{ index: number; value: unknown }> {
  const found: Array<{ index: number; value: unknown }> = [];
  let index = 0;
  for (const op of type.toDelta() as Array<{ insert: unknown }>) {
    if (typeof op.insert === "string") index += op.insert.length;
    else found.push({ index: index++, value: op.insert });
  }
  return found;
}

/**
 * The Yjs point of a Lexical point: `path` is the child indexes from the root to the node, `offset` the character
 * offset in a text node, or the child index in an element. Null when the document and the editor disagree.
 */
export function yPointOfLexicalPoint(
  root: Y.XmlText,
  path: readonly number[],
  offset: number,
  kind: "text" | "element",
): YPoint | null {
  let type = root;
  const steps = kind === "text" ? path.slice(0, -1) : path;
  for (const step of steps) {
    const child = embeds(type)[step]?.value;
    if (!(child instanceof Y.XmlText)) return null;
    type = child;
  }
  const children = embeds(type);
  if (kind === "element") return { type, index: children[offset]?.index ?? type.length };
  const textNode = children[path[path.length - 1] ?? -1];
  if (!textNode) return null;
  return { type, index: textNode.index + 1 + offset };
}

/** The Lexical point of a Yjs point (the reverse of yPointOfLexicalPoint), or null if it is not in `root`. */
export function lexicalPointOfYPoint(
  root: Y.XmlText,
  point: YPoint,
): { path: number[]; offset: number; kind: "text" | "element" } | null {
  const path: number[] = [];
  for (let type: Y.XmlText = point.type; type !== root;) {
    const parent = type._item?.parent;
    if (!(parent instanceof Y.XmlText)) return null;
    const at = embeds(parent).findIndex((e) => e.value === type);
    if (at < 0) return null;
    path.unshift(at);
    type = parent;
  }
  const children = embeds(point.type);
  let before = -1;
  for (let i = 0; i < children.length && children[i]!.index < point.index; i++) before = i;
  const previous = children[before];
  if (previous && previous.value instanceof Y.Map) {
    return { path: [...path, before], offset: point.index - previous.index - 1, kind: "text" };
  }
  return { path, offset: before + 1, kind: "element" };
}

/** A root's text with each run of whitespace (paragraph breaks too) as one space, and where each code unit sits. */
function flatText(root: Y.XmlText): { text: string; slots: Slot[] } {
  let text = "";
  const slots: Slot[] = [];
  for (const slot of characters(root)) {
    const space = /^\s$/.test(slot.char);
    if (space && (text === "" || text.endsWith(" "))) continue;
    text += space ? " " : slot.char;
    for (let unit = 0; unit < (space ? 1 : slot.char.length); unit++) slots.push(slot);
  }
  return { text, slots };
}

/** Where a live anchor starts in its root's flattened text, to find its words near there again; null if deleted. */
export function anchorOffset(doc: Y.Doc, rootName: string, anchor: EncodedAnchor): number | null {
  const resolved = resolveAnchor(doc, anchor);
  if (resolved.state === "deleted") return null;
  const { start } = resolved;
  const at = flatText(doc.get(rootName, Y.XmlText)).slots.findIndex(
    (s) => s.type === start.type && s.index >= start.index,
  );
  return at < 0 ? null : at;
}

/**
 * An anchor on the words `quote` in a root (whitespace and paragraph breaks compared loosely), at the occurrence
 * nearest `near` (a flattened offset) or the first; null when the words are not there.
 */
export function findQuote(doc: Y.Doc, rootName: string, quote: string, near: number | null): EncodedAnchor | null {
  const wanted = quote.trim().replace(/\s+/g, " ");
  if (!wanted) return null;
  const { text, slots } = flatText(doc.get(rootName, Y.XmlText));
  let best = -1;
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    if (best < 0 || (near !== null && Math.abs(at - near) < Math.abs(best - near))) best = at;
    if (near === null) break;
  }
  if (best < 0) return null;
  const first = slots[best]!;
  const last = slots[best + wanted.length - 1]!;
  return encodeAnchor(
    { type: first.type, index: first.index },
    { type: last.type, index: last.index + last.char.length },
  );
}
