// Collaborative documents as a domain: create one for an owner record (with its
// initial content written on the server, so no browser ever bootstraps it),
// find it for a member, list, name, view and restore versions, delete it with
// its whole history. The live engine (server/realtime/collab) registers itself
// as the CollabLiveChannel so a restore or delete reaches open editors at once.
import type * as Y from "yjs";
import { $getRoot, $createParagraphNode, $parseSerializedNode, type SerializedEditorState } from "lexical";
import { rootsToYjsState, yjsStateToEditorStates } from "~/lib/document-schema/headless";
import { YJS_ROOT_NAME } from "~/lib/document-schema/nodes";
import { replaceRootContent } from "~/lib/yjs-copy";
import type { Actor } from "~/policies/actor";
import {
  canDeleteDocument,
  canReadDocument,
  canWriteDocument,
  isKnownDocumentOwnerType,
  loadDocumentFacts,
  type DocumentAccessTarget,
  type DocumentFacts,
} from "~/policies/document";
import type { Prisma } from "~/generated/sqlite/client";
import { db } from "./db.server";
import { deleteCommentsAbout } from "./comment-deletion.server";
import { keepCommentAnchors } from "./comment-restore.server";
import { DOCUMENT_OWNERS } from "./document-owners.server";
import { appendUpdates, createVersionSnapshot, docFromUpdates, loadDocumentState } from "./collab-log.server";

export type InitialContent = SerializedEditorState | (() => void);

/** What the live engine offers the models; absent in processes without Socket.io (scripts, tests of models). */
export interface CollabLiveChannel {
  /** Runs `change` on the live document (loading it if needed), broadcasts, persists; resolves once durable. */
  applyServerChange(documentId: string, change: (doc: Y.Doc) => void, userId: string | null): Promise<void>;
  /** Closes the document for everyone who has it open, in every process. */
  documentDeleted(documentId: string): Promise<void>;
  /** Re-decides, in every process, the access of everyone who has the document open (its rules' facts changed). */
  accessChanged(documentId: string): Promise<void>;
}

const live = globalThis as unknown as { __staffroomCollabLive?: CollabLiveChannel };

export function registerCollabLiveChannel(channel: CollabLiveChannel | undefined): void {
  live.__staffroomCollabLive = channel;
}

export class DocumentError extends Error {
  constructor(
    readonly code: "not-found" | "forbidden" | "unknown-owner-type",
    message: string,
  ) {
    super(message);
  }
}

/** Writes one root's first content (a serialized state, or a builder run inside editor.update). */
function rootContent(content: InitialContent | undefined) {
  return () => {
    const root = $getRoot();
    if (typeof content === "function") content();
    else if (content) root.append(...content.root.children.map((child) => $parseSerializedNode(child)));
    // An editor needs at least one block to place the caret in.
    if (root.getChildrenSize() === 0) root.append($createParagraphNode());
  };
}

function initialState(content: InitialContent | undefined, otherRoots: Record<string, InitialContent> = {}) {
  return rootsToYjsState({
    [YJS_ROOT_NAME]: rootContent(content),
    ...Object.fromEntries(Object.entries(otherRoots).map(([name, root]) => [name, rootContent(root)])),
  });
}

interface NewDocument {
  ownerType: string;
  ownerId: string;
  title?: string;
  initialContent?: InitialContent;
  /** Content of further roots, by name (a lesson plan's text parts). */
  otherRoots?: Record<string, InitialContent>;
}

/**
 * A new document's first state, from its content. Building it runs headless Lexical: a caller storing the document in
 * its own transaction builds it first, so that the work does not hold the transaction open.
 */
export function firstDocumentState(input: Pick<NewDocument, "initialContent" | "otherRoots">): Uint8Array {
  return initialState(input.initialContent, input.otherRoots);
}

type DocumentRow = Pick<NewDocument, "ownerType" | "ownerId" | "title">;

/** The document row and its first state, once the actor is found able to write it (from its owner's facts). */
function newDocument(actor: Actor, input: DocumentRow, facts: DocumentFacts | undefined, state: Uint8Array) {
  if (!isKnownDocumentOwnerType(DOCUMENT_OWNERS, input.ownerType)) {
    throw new DocumentError("unknown-owner-type", `No document rules are registered for "${input.ownerType}".`);
  }
  const target = { partnershipId: actor.partnershipId, ownerType: input.ownerType, ownerId: input.ownerId };
  if (!canWriteDocument(DOCUMENT_OWNERS, actor, target, facts))
    throw new DocumentError("forbidden", "You cannot create this document.");
  return { data: { ...target, title: input.title ?? "" }, state };
}

async function insertDocument(tx: Prisma.TransactionClient, actor: Actor, row: ReturnType<typeof newDocument>) {
  const document = await tx.collabDocument.create({ data: row.data });
  await tx.collabSnapshot.create({
    data: { documentId: document.id, kind: "compaction", state: new Uint8Array(row.state), createdById: actor.id },
  });
  return document;
}

/**
 * Creates the document of an owner record, with its initial content stored as
 * the first compaction snapshot. The caller has already checked that the actor
 * may create the owner record itself; here we check they could write the document.
 */
export async function createDocument(actor: Actor, input: NewDocument) {
  const owner = { partnershipId: actor.partnershipId, ownerType: input.ownerType, ownerId: input.ownerId };
  const row = newDocument(actor, input, await loadDocumentFacts(DOCUMENT_OWNERS, owner), firstDocumentState(input));
  return db().$transaction((tx) => insertDocument(tx, actor, row));
}

/**
 * The same, in the transaction that creates the owner record, so that neither is stored without the other. The
 * owner is not visible outside that transaction yet: the caller reads its facts through `tx` and passes them, with
 * the first state it built before the transaction began (firstDocumentState).
 */
export async function createDocumentInTransaction(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: DocumentRow & { state: Uint8Array },
  ownerFacts: unknown,
) {
  const facts = { ownerType: input.ownerType, ownerId: input.ownerId, value: ownerFacts };
  return insertDocument(tx, actor, newDocument(actor, input, facts, input.state));
}

/** The fields access decisions need, for the socket engine (which has no page to 404). */
export async function loadDocumentRecord(documentId: string) {
  return db().collabDocument.findUnique({
    where: { id: documentId },
    select: { id: true, partnershipId: true, ownerType: true, ownerId: true },
  });
}

/** The document with the actor's rights on it, or null when missing or out of their reach (show 404). */
export async function getDocumentForActor(actor: Actor, documentId: string) {
  const document = await db().collabDocument.findUnique({ where: { id: documentId } });
  if (!document || document.partnershipId !== actor.partnershipId) return null;
  return documentRights(actor, document, await loadDocumentFacts(DOCUMENT_OWNERS, document));
}

/**
 * The actor's rights on a document (null when it is out of their reach), decided from its owner's facts. For a page
 * that found the document with its owner's own row and has just loaded the owner's facts for its policy check.
 */
export function documentRights<D extends DocumentAccessTarget>(
  actor: Actor,
  document: D,
  facts: DocumentFacts | undefined,
) {
  if (document.partnershipId !== actor.partnershipId) return null;
  if (!canReadDocument(DOCUMENT_OWNERS, actor, document, facts)) return null;
  return {
    document,
    canWrite: canWriteDocument(DOCUMENT_OWNERS, actor, document, facts),
    canDelete: canDeleteDocument(DOCUMENT_OWNERS, actor, document, facts),
  };
}

/**
 * The owner's document with the actor's rights on it, or null (show 404). A page that has just loaded the owner's
 * facts for its own policy check passes them, so they are not read again (the rules still decide from them).
 */
export async function getDocumentByOwnerForActor(
  actor: Actor,
  ownerType: string,
  ownerId: string,
  facts?: DocumentFacts,
) {
  const document = await db().collabDocument.findUnique({ where: { ownerType_ownerId: { ownerType, ownerId } } });
  if (!document) return null;
  if (!facts) return getDocumentForActor(actor, document.id);
  return documentRights(actor, document, facts);
}

async function requireDocument(actor: Actor, documentId: string, need: "read" | "write" | "delete") {
  const found = await getDocumentForActor(actor, documentId);
  if (!found) throw new DocumentError("not-found", "We could not find that document.");
  if (need === "write" && !found.canWrite)
    throw new DocumentError("forbidden", "You can read this document but not change it.");
  if (need === "delete" && !found.canDelete) throw new DocumentError("forbidden", "You cannot delete this document.");
  return found.document;
}

export interface VersionSummary {
  id: string;
  kind: "auto" | "named";
  name: string;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
}

/** Versions newest first: automatic ones taken while people edit, and named ones. */
export async function listVersions(actor: Actor, documentId: string): Promise<VersionSummary[]> {
  await requireDocument(actor, documentId, "read");
  const rows = await db().collabSnapshot.findMany({
    where: { documentId, kind: { in: ["auto", "named"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, name: true, createdAt: true, createdById: true },
  });
  const authorIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => id !== null))];
  const authors = await db().user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } });
  const byId = new Map(authors.map((a) => [a.id, a]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind === "named" ? "named" : "auto",
    name: r.name,
    createdAt: r.createdAt,
    createdBy: r.createdById ? (byId.get(r.createdById) ?? null) : null,
  }));
}

export async function createNamedVersion(actor: Actor, documentId: string, name: string) {
  await requireDocument(actor, documentId, "write");
  const trimmed = name.trim().slice(0, 120);
  return createVersionSnapshot(documentId, "named", { name: trimmed || "Untitled version", createdById: actor.id });
}

async function findVersion(documentId: string, versionId: string) {
  const version = await db().collabSnapshot.findFirst({
    where: { id: versionId, documentId, kind: { in: ["auto", "named"] } },
  });
  if (!version) throw new DocumentError("not-found", "We could not find that version.");
  return version;
}

/** A root of a document other than its main text, with how it is called (a lesson plan's text parts). */
export interface NamedRoot {
  name: string;
  label: string;
}

/**
 * A version's content as Lexical editor state, for a read-only view beside the live document: its main text, and
 * each of `otherRoots` it holds.
 */
export async function getVersionContent(
  actor: Actor,
  documentId: string,
  versionId: string,
  otherRoots: readonly NamedRoot[] = [],
) {
  await requireDocument(actor, documentId, "read");
  const version = await findVersion(documentId, versionId);
  const states = await yjsStateToEditorStates(version.state, [YJS_ROOT_NAME, ...otherRoots.map((r) => r.name)]);
  return {
    id: version.id,
    name: version.name,
    createdAt: version.createdAt,
    editorState: states[YJS_ROOT_NAME]!,
    parts: otherRoots.map((root) => ({ ...root, editorState: states[root.name]! })),
  };
}

/**
 * Makes the document's content equal to a version's, as a new change that every
 * open editor receives (history is kept; the restore itself can be undone by
 * restoring the automatic version taken just before it).
 */
export async function restoreVersion(actor: Actor, documentId: string, versionId: string): Promise<void> {
  await requireDocument(actor, documentId, "write");
  const version = await findVersion(documentId, versionId);
  await createVersionSnapshot(documentId, "auto", {
    name: `Before restoring ${version.name || "a version"}`,
    createdById: actor.id,
  });
  const source = docFromUpdates([version.state]);
  const anchors = await keepCommentAnchors(documentId);
  try {
    await applyDocumentChange(
      documentId,
      (doc) =>
        anchors.around(doc, () => {
          // Every root the version holds (a plan's notes and each of its text parts), not only the notes.
          for (const rootName of source.share.keys()) replaceRootContent(doc, source, rootName, "restore");
        }),
      actor.id,
    );
    await anchors.save();
  } finally {
    source.destroy();
  }
}

/**
 * Makes a change to a document as the server, for everyone: on the live document when this process runs the engine
 * (broadcast, stored, relayed), otherwise computed against the stored state and appended to the log.
 * The caller has checked the actor's rights.
 */
export async function applyDocumentChange(
  documentId: string,
  change: (doc: Y.Doc) => void,
  userId: string | null,
): Promise<void> {
  const channel = live.__staffroomCollabLive;
  if (channel) {
    await channel.applyServerChange(documentId, change, userId);
    return;
  }
  const current = docFromUpdates([(await loadDocumentState(documentId)).state]);
  const updates: Uint8Array[] = [];
  current.on("update", (update: Uint8Array) => updates.push(update));
  current.transact(() => change(current));
  current.destroy();
  if (updates.length > 0) await appendUpdates(updates.map((data) => ({ documentId, data, userId })));
}

/**
 * After a change to what a document's rules decide from (minutes approved): open editors are re-decided at once,
 * so a write a moment later is refused, rather than at the engine's periodic recheck. Nothing to do without it.
 */
export async function documentAccessChanged(documentId: string): Promise<void> {
  await live.__staffroomCollabLive?.accessChanged(documentId);
}

/** Deletes the document, its update log and every snapshot, and closes it in open editors. */
export async function deleteDocument(actor: Actor, documentId: string): Promise<void> {
  await requireDocument(actor, documentId, "delete");
  await removeDocument(documentId);
}

/** For owner types deleting their record (they have already authorised it). */
export async function deleteDocumentsOfOwner(ownerType: string, ownerId: string): Promise<void> {
  const document = await db().collabDocument.findUnique({ where: { ownerType_ownerId: { ownerType, ownerId } } });
  if (document) await removeDocument(document.id);
}

async function removeDocument(documentId: string): Promise<void> {
  // Explicit deletes rather than relying on ON DELETE CASCADE, which SQLite only honours with foreign_keys on.
  await db().$transaction([
    db().collabUpdate.deleteMany({ where: { documentId } }),
    db().collabSnapshot.deleteMany({ where: { documentId } }),
    db().collabDocument.deleteMany({ where: { id: documentId } }),
  ]);
  await deleteCommentsAbout("document", [documentId]);
  await live.__staffroomCollabLive?.documentDeleted(documentId);
}
