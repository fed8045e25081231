// Rewrites a partnership's co-edited documents so a name is nowhere in them: the live text (as a server change, the
// path a version restore takes, so every open editor receives it and no connected client brings the old text back),
// the update log (folded into one fresh state in which the deleted text is garbage-collected, then dropped), and each
// version (read through the headless editor, the text replaced, written afresh).
import type { SerializedEditorState, SerializedLexicalNode } from "lexical";
import { $createParagraphNode, $getRoot, $parseSerializedNode } from "lexical";
import * as Y from "yjs";
import { rootsToYjsState, yjsStateToEditorStates, yjsStateToRawLines } from "~/lib/document-schema/headless";
import type { StudentNameMatcher } from "~/lib/student-name-redaction";
import { replaceRootContent } from "~/lib/yjs-copy";
import { applyDocumentChange } from "./collab-documents.server";
import { compactDocument, docFromUpdates, loadDocumentState, type Fold } from "./collab-log.server";
import { db } from "./db.server";
import { storedDocumentStates } from "./stored-document-states.server";

type SerializedNode = SerializedLexicalNode & { text?: unknown; children?: SerializedNode[] };

/** The node with every text in it redacted, and whether anything changed. */
function redactNode(node: SerializedNode, matcher: StudentNameMatcher): { node: SerializedNode; changed: boolean } {
  let changed = false;
  const copy: SerializedNode = { ...node };
  if (typeof node.text === "string" && matcher.test(node.text)) {
    copy.text = matcher.redact(node.text);
    changed = true;
  }
  if (Array.isArray(node.children)) {
    copy.children = node.children.map((child) => {
      const redacted = redactNode(child, matcher);
      changed ||= redacted.changed;
      return redacted.node;
    });
  }
  return { node: copy, changed };
}

/** Each root as the editor reads it, or null when the editor cannot read the document (unknown nodes, raw text). */
async function readableEditorStates(
  state: Uint8Array,
  rootNames: string[],
): Promise<Record<string, SerializedEditorState> | null> {
  try {
    return await yjsStateToEditorStates(state, rootNames);
  } catch {
    return null;
  }
}

/** The root names a stored state holds (a plan: its notes and each text part). */
function rootNamesOf(state: Uint8Array): string[] {
  const doc = docFromUpdates([state]);
  const names = [...doc.share.keys()];
  doc.destroy();
  return names;
}

/**
 * A fresh state (new items, no history) of the stored one with the name replaced in every root, or null when the
 * name is not in its text.
 */
async function redactedState(state: Uint8Array, matcher: StudentNameMatcher): Promise<Uint8Array | null> {
  const rootNames = rootNamesOf(state);
  const editorStates = await readableEditorStates(state, rootNames);
  if (editorStates === null) {
    // A document the editor's schema cannot read (stored before validation): nothing to do unless it names them.
    if (!Object.values(yjsStateToRawLines(state, rootNames)).some((text) => matcher.test(text))) return null;
    throw new Error(
      "A co-edited document that names the student cannot be read, so the name cannot be erased from it.",
    );
  }
  let changed = false;
  const roots: Record<string, () => void> = {};
  for (const name of rootNames) {
    const redacted = redactNode(editorStates[name]!.root as SerializedNode, matcher);
    changed ||= redacted.changed;
    roots[name] = () => {
      const root = $getRoot();
      root.append(...(redacted.node.children ?? []).map((child) => $parseSerializedNode(child)));
      if (root.getChildrenSize() === 0) root.append($createParagraphNode());
    };
  }
  return changed ? rootsToYjsState(roots) : null;
}

/** The state with deleted content garbage-collected: what was typed and removed leaves no text behind. */
function collected(updates: readonly Uint8Array[]): Uint8Array {
  const doc = docFromUpdates(updates);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

const foldCollected: Fold = (snapshots, rows) =>
  collected([...snapshots.map((s) => s.state), ...rows.map((r) => r.data)]);

/**
 * Whether a stored state (a merge of log rows, or a version) still holds content that was deleted: text typed and
 * removed, which a fold collects. Read from the update's own structure: an item not yet emptied (its content is not
 * `ContentDeleted`) that its delete set covers, in part or whole.
 */
function keepsDeletedContent(state: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(state);
  return structs.some((struct) => {
    if (!(struct instanceof Y.Item) || struct.content instanceof Y.ContentDeleted) return false;
    const start = struct.id.clock;
    const end = start + struct.length;
    return (ds.clients.get(struct.id.client) ?? []).some(
      (range) => range.clock < end && range.clock + range.len > start,
    );
  });
}

/**
 * Whether the live text of a stored state may name the student: each root's text read straight from Yjs, runs of
 * formatting joined, so this finds at least what the editor's text nodes would. Only then is the state read through the
 * headless editor, which is what an erasure spends its time on when it goes through every document.
 */
function mayName(state: Uint8Array, matcher: StudentNameMatcher): boolean {
  return Object.values(yjsStateToRawLines(state)).some((text) => matcher.test(text));
}

/** Rewrites one document; true when its live text named the student. */
async function redactDocument(documentId: string, matcher: StudentNameMatcher): Promise<boolean> {
  const stored = (await loadDocumentState(documentId)).state;
  const fresh = mayName(stored, matcher) ? await redactedState(stored, matcher) : null;
  if (fresh) {
    const source = docFromUpdates([fresh]);
    try {
      await applyDocumentChange(
        documentId,
        (doc) => {
          for (const rootName of source.share.keys()) replaceRootContent(doc, source, rootName, "erasure");
        },
        null,
      );
    } finally {
      source.destroy();
    }
  }
  // Text typed and deleted since the last compaction is still in the log, whatever the live text says: folded into a
  // state without it. A document whose log holds no deleted content and never named the student is left as it is.
  if (fresh || keepsDeletedContent(stored)) await compactDocument(documentId, foldCollected);
  const versions = await db().collabSnapshot.findMany({
    where: { documentId, kind: { in: ["auto", "named"] } },
    select: { id: true, state: true },
  });
  for (const version of versions) {
    // A version is a merge of log rows, deleted text included: collect it even where the visible text is clean.
    if (!mayName(version.state, matcher) && !keepsDeletedContent(version.state)) continue;
    const state = (await redactedState(version.state, matcher)) ?? collected([version.state]);
    await db().collabSnapshot.update({ where: { id: version.id }, data: { state: new Uint8Array(state) } });
  }
  return fresh !== null;
}

const DOCUMENTS_READ_AT_ONCE = 100;

interface StoredParts {
  /** The live state: the log's snapshot and rows merged (deleted content kept), or null for an empty log. */
  state: Uint8Array | null;
  versions: Uint8Array[];
}

/** What is stored of each document of a batch: two statements for its live state, one for its versions. */
async function storedParts(documentIds: string[]): Promise<Map<string, StoredParts>> {
  const [states, versionRows] = await Promise.all([
    storedDocumentStates(db(), documentIds),
    db().collabSnapshot.findMany({
      where: { documentId: { in: documentIds }, kind: { in: ["auto", "named"] } },
      select: { documentId: true, state: true },
    }),
  ]);
  const parts = new Map<string, StoredParts>(
    documentIds.map((id) => [id, { state: states.get(id) ?? null, versions: [] }]),
  );
  for (const { documentId, state } of versionRows) parts.get(documentId)!.versions.push(state);
  return parts;
}

/**
 * The documents of a batch that an erasure must rewrite: those whose live text may name the student, or whose log or
 * versions hold deleted content. Most documents need nothing, and are not read through the editor.
 */
async function documentsToRedact(documentIds: string[], matcher: StudentNameMatcher): Promise<string[]> {
  const needs = (state: Uint8Array) => keepsDeletedContent(state) || mayName(state, matcher);
  const parts = await storedParts(documentIds);
  return documentIds.filter((id) => {
    const { state, versions } = parts.get(id)!;
    return (state !== null && needs(state)) || versions.some(needs);
  });
}

/** Rewrites every document of the partnership that needs it; returns how many named the student in their live text. */
export async function redactDocuments(partnershipId: string, matcher: StudentNameMatcher): Promise<number> {
  const documents = await db().collabDocument.findMany({ where: { partnershipId }, select: { id: true, title: true } });
  for (const document of documents) {
    if (matcher.test(document.title)) {
      await db().collabDocument.update({ where: { id: document.id }, data: { title: matcher.redact(document.title) } });
    }
  }
  let named = 0;
  for (let i = 0; i < documents.length; i += DOCUMENTS_READ_AT_ONCE) {
    const batch = documents.slice(i, i + DOCUMENTS_READ_AT_ONCE).map((d) => d.id);
    for (const documentId of await documentsToRedact(batch, matcher)) {
      if (await redactDocument(documentId, matcher)) named++;
    }
  }
  return named;
}

/** Where the student is named in the live text of the partnership's documents (the subject-access export). */
export async function findDocumentMentions(partnershipId: string, matcher: StudentNameMatcher) {
  const documents = await db().collabDocument.findMany({
    where: { partnershipId },
    select: { id: true, title: true, ownerType: true },
  });
  const mentions: Array<{ document: string; ownerType: string; text: string }> = [];
  for (let i = 0; i < documents.length; i += DOCUMENTS_READ_AT_ONCE) {
    const batch = documents.slice(i, i + DOCUMENTS_READ_AT_ONCE);
    const parts = await storedParts(batch.map((d) => d.id));
    for (const document of batch) {
      const { state } = parts.get(document.id)!;
      // Read through the editor only where the text may name them (most documents do not).
      if (state === null || !mayName(state, matcher)) continue;
      const rootNames = rootNamesOf(state);
      const editorStates = await readableEditorStates(state, rootNames);
      const texts = editorStates
        ? Object.values(editorStates).flatMap((editorState) => textsOf(editorState.root as SerializedNode))
        : Object.values(yjsStateToRawLines(state, rootNames)).flatMap((lines) => lines.split("\n"));
      for (const text of texts) {
        if (matcher.test(text)) mentions.push({ document: document.title, ownerType: document.ownerType, text });
      }
    }
  }
  return mentions;
}

/** Each block's text (a paragraph, a heading, a list item), for quoting a mention in its context. */
function textsOf(node: SerializedNode): string[] {
  const children = node.children ?? [];
  if (children.some((child) => typeof child.text === "string")) {
    return [children.map((child) => (typeof child.text === "string" ? child.text : "")).join("")];
  }
  return children.flatMap(textsOf);
}
