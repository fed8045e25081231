// Comments through a restore of an older version: the restore replaces the text with new copies of the version's
// words, so every anchor would point at deleted text. Where a thread's words are in the restored text, it is anchored
// to them again (the occurrence nearest where it was), so its comments stay on their words; otherwise it stays "on
// deleted text", as for any deletion.
import type * as Y from "yjs";
import { anchorOffset, findQuote, type EncodedAnchor } from "~/lib/comment-anchors";
import { db } from "./db.server";

interface Moved extends EncodedAnchor {
  id: string;
}

interface AnchorKeeper {
  /** Runs the restore's change on the document, noting where each thread was and finding its words after. */
  around(doc: Y.Doc, replace: () => void): void;
  /** Stores the new anchors (after the change is applied). */
  save(): Promise<void>;
}

export async function keepCommentAnchors(documentId: string): Promise<AnchorKeeper> {
  const threads = await db().commentThread.findMany({
    where: { subjectType: "document", subjectId: documentId, NOT: { anchorStart: "" } },
    select: { id: true, part: true, anchorStart: true, anchorEnd: true, quote: true },
  });
  const moved: Moved[] = [];
  return {
    around(doc, replace) {
      const before = threads.map((t) => anchorOffset(doc, t.part, t));
      replace();
      threads.forEach((thread, i) => {
        // A thread whose words the change left alone (a root the version does not hold) keeps its anchor.
        if (anchorOffset(doc, thread.part, thread) !== null) return;
        const anchor = findQuote(doc, thread.part, thread.quote, before[i] ?? null);
        if (anchor) moved.push({ id: thread.id, ...anchor });
      });
    },
    async save() {
      if (moved.length === 0) return;
      await db().$transaction(
        moved.map(({ id, anchorStart, anchorEnd }) =>
          db().commentThread.updateMany({ where: { id }, data: { anchorStart, anchorEnd } }),
        ),
      );
    },
  };
}
