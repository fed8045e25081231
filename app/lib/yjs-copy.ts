// Copies the content of one Yjs document into another as ordinary new edits.
// Restoring a version uses it: the restored content arrives at every client as
// a normal change (undoable, merged with concurrent edits), history untouched.
import * as Y from "yjs";

type Attributes = Record<string, unknown>;

function copyValue(value: unknown): unknown {
  if (value instanceof Y.AbstractType) throw new Error("nested shared types are copied by copyInto, not by value");
  return value;
}

/** Inserts a fresh, integrated copy of `source` as an embed at `index` of `target`. */
function embedCopy(target: Y.XmlText, index: number, source: unknown, attributes: Attributes | undefined): void {
  if (source instanceof Y.XmlText) {
    const child = new Y.XmlText();
    target.insertEmbed(index, child, attributes ?? {});
    fillXmlText(child, source);
  } else if (source instanceof Y.XmlElement) {
    const child = new Y.XmlElement(source.nodeName);
    target.insertEmbed(index, child, attributes ?? {});
    fillXmlElement(child, source);
  } else if (source instanceof Y.Map) {
    const child = new Y.Map<unknown>();
    target.insertEmbed(index, child, attributes ?? {});
    fillMap(child, source);
  } else {
    target.insertEmbed(index, copyValue(source) as object, attributes ?? {});
  }
}

function fillXmlText(target: Y.XmlText, source: Y.XmlText): void {
  for (const [key, value] of Object.entries(source.getAttributes())) {
    target.setAttribute(key, copyValue(value) as string);
  }
  let index = 0;
  for (const op of source.toDelta() as Array<{ insert: unknown; attributes?: Attributes }>) {
    if (typeof op.insert === "string") {
      target.insert(index, op.insert, op.attributes ?? {});
      index += op.insert.length;
    } else {
      embedCopy(target, index, op.insert, op.attributes);
      index += 1;
    }
  }
}

function fillXmlElement(target: Y.XmlElement, source: Y.XmlElement): void {
  for (const [key, value] of Object.entries(source.getAttributes())) {
    target.setAttribute(key, copyValue(value) as string);
  }
  source.toArray().forEach((child, i) => {
    if (child instanceof Y.XmlText) {
      const copy = new Y.XmlText();
      target.insert(i, [copy]);
      fillXmlText(copy, child);
    } else if (child instanceof Y.XmlElement) {
      const copy = new Y.XmlElement(child.nodeName);
      target.insert(i, [copy]);
      fillXmlElement(copy, child);
    }
  });
}

function fillMap(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const [key, value] of source.entries()) {
    if (value instanceof Y.Map) {
      const copy = new Y.Map<unknown>();
      target.set(key, copy);
      fillMap(copy, value);
    } else {
      target.set(key, copyValue(value));
    }
  }
}

/**
 * Makes the XmlText root `rootName` of `target` equal to that of `source`:
 * deletes the current content and attributes, then inserts a copy. Runs in one
 * transaction with `origin`, so observers see a single change.
 */
export function replaceRootContent(target: Y.Doc, source: Y.Doc, rootName: string, origin: unknown): void {
  const from = source.get(rootName, Y.XmlText);
  const to = target.get(rootName, Y.XmlText);
  target.transact(() => {
    if (to.length > 0) to.delete(0, to.length);
    for (const key of Object.keys(to.getAttributes())) to.removeAttribute(key);
    fillXmlText(to, from);
  }, origin);
}

/**
 * Inserts copies of the blocks of the XmlText root `rootName` of `source` into that of `target` at block `index`
 * (a Lexical root holds only blocks, one embed each), leaving the rest as it is: new sections of the minutes.
 */
export function insertRootBlocks(target: Y.Doc, source: Y.Doc, rootName: string, index: number): void {
  const from = source.get(rootName, Y.XmlText);
  const to = target.get(rootName, Y.XmlText);
  let at = Math.min(index, to.length);
  for (const op of from.toDelta() as Array<{ insert: unknown; attributes?: Attributes }>) {
    embedCopy(to, at, op.insert, op.attributes);
    at += 1;
  }
}
