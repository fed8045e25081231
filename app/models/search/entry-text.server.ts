// What every search entry builder shares: the row it writes, the plain text of a stored co-edited document (read from
// its snapshot and log when the index is refreshed, never when someone searches), and the facet encoding.
import { yjsStateToLines, yjsStateToRawLines } from "~/lib/document-schema/headless";
import { YJS_ROOT_NAME } from "~/lib/document-schema/nodes";
// The client type itself, not db.server: that module builds its clients with withSearchIndexing.
import type { PrismaClient as Db } from "~/generated/sqlite/client";
import { storedDocumentStates } from "../stored-document-states.server";

/** One SearchEntry as the builders produce it (the id and indexedAt are the database's). */
export interface SearchEntryData {
  partnershipId: string;
  kind: string;
  recordId: string;
  title: string;
  body: string;
  href: string;
  institutionId: string | null;
  courseId: string | null;
  keyStage: string;
  needs: string;
  tags: string;
  status: string;
  occurredAt: Date;
  lessonPlanId: string | null;
  groupId: string | null;
  meetingId: string | null;
}

export const NO_FACETS = {
  institutionId: null,
  courseId: null,
  keyStage: "",
  needs: "",
  tags: "",
  status: "",
  lessonPlanId: null,
  groupId: null,
  meetingId: null,
} as const satisfies Partial<SearchEntryData>;

/** A multi-valued facet as stored: "|a|b|" (empty when there are none), so LIKE '%|a|%' finds one value. */
export function facetValues(values: Iterable<string>): string {
  const distinct = [...new Set([...values].filter((v) => v !== ""))].sort();
  return distinct.length === 0 ? "" : `|${distinct.join("|")}|`;
}

/** The characters that mark highlights in snippets (HIGHLIGHT_START/END) are never part of indexed text. */
export function indexableText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p && p.trim() !== "")
    .join("\n")
    .replace(/[\uE000\uE001]/g, "");
}

/**
 * The text of the named roots of stored documents, by document id: the compaction snapshots and log merged, as the
 * collaboration engine loads them. Reads through the given client, so a seed's own client indexes its own database.
 */
export async function storedDocumentTexts(
  store: Db,
  documentIds: readonly string[],
  rootNames: readonly string[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const [documentId, state] of await storedDocumentStates(store, documentIds)) {
    // A document the editor cannot read is still indexed, from its raw text: one such document must not stop a
    // rebuild of the whole index (`npm run search:rebuild`).
    const lines = await yjsStateToLines(state, rootNames).catch(() => yjsStateToRawLines(state, rootNames));
    texts.set(documentId, indexableText(...rootNames.map((name) => lines[name])));
  }
  return texts;
}

/** The co-edited text of each owner's document (its root), by owner id; an owner without a document is left out. */
export type OwnerTexts = (store: Db, ownerType: string, ownerIds: readonly string[]) => Promise<Map<string, string>>;

/** OwnerTexts from the stored documents: what the index refreshes read (the bench's generator reads its own way). */
export const ownedDocumentTexts: OwnerTexts = async (store, ownerType, ownerIds) => {
  const documents = await store.collabDocument.findMany({
    where: { ownerType, ownerId: { in: [...ownerIds] } },
    select: { id: true, ownerId: true },
  });
  const texts = await storedDocumentTexts(
    store,
    documents.map((d) => d.id),
    [YJS_ROOT_NAME],
  );
  return new Map(documents.map((d) => [d.ownerId, texts.get(d.id) ?? ""]));
};
