// Open documents for the unit tests of the collaboration pieces: a Y.Doc with the given
// log bookkeeping, no database behind it, and policy facts that never load.
import * as Y from "yjs";
import { AccessFacts } from "./access-facts";
import { openDocument, type OpenDocument } from "./open-document";

export function testDocument(
  stored: { logCount?: number; baseBytes?: number; snapshotIds?: string[]; rowIds?: number[] } = {},
): OpenDocument {
  return openDocument(
    { id: "doc-1", partnershipId: "p1", ownerType: "partnership-document", ownerId: "handbook" },
    {
      state: Y.encodeStateAsUpdate(new Y.Doc()),
      logCount: stored.logCount ?? 0,
      baseBytes: stored.baseBytes ?? 0,
      snapshotIds: stored.snapshotIds ?? [],
      rowIds: stored.rowIds ?? [],
    },
    () =>
      new AccessFacts(
        () => undefined,
        () => {},
        () => {},
      ),
  );
}

/** A Yjs update that inserts text into the document's root (as an editor's change would). */
export function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.get("root", Y.XmlText).insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}
