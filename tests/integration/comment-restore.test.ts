// Comments through a restore of an older version (decision 030): the restore writes new copies of the version's words,
// so without care every thread would show "on deleted text". A thread whose words come back is anchored to them again,
// whether they were still there before the restore or had been deleted since the version; a thread on words the
// version never had stays "on deleted text"; a thread on words that appear twice goes to the copy nearest where it was.
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findQuote, resolveAnchor } from "~/lib/comment-anchors";
import {
  applyDocumentChange,
  createDocument,
  createNamedVersion,
  restoreVersion,
} from "~/models/collab-documents.server";
import { docFromUpdates, loadDocumentState } from "~/models/collab-log.server";
import { requireCommentSubject, startThread } from "~/models/comments.server";
import { db } from "~/models/db.server";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

const FIRST = "The quick brown fox jumps over the lazy dog.";
const SECOND = "Warm up for ten minutes, then the brown fox drill.";

describe("comments through a restore", () => {
  const database = useModelDatabase("sqlite");

  const stateOf = async (documentId: string) => docFromUpdates([(await loadDocumentState(documentId)).state]);
  /** The n-th paragraph of the root, as Lexical's binding stores it. */
  const paragraph = (doc: Y.Doc, n: number) =>
    (doc.get("root", Y.XmlText).toDelta() as Array<{ insert: unknown }>)[n]!.insert as Y.XmlText;
  /** Deletes `words` from the n-th paragraph (its characters follow the text node's attributes at index 0). */
  const deleteWords = (n: number, words: string, text: string) => (doc: Y.Doc) =>
    paragraph(doc, n).delete(1 + text.indexOf(words), words.length);

  it("keeps a thread on its words when the restore brings them back, and on deleted text when it does not", async () => {
    const teacher = await actorOf(idOf(database.demo.userIds, "teacher"));
    const document = await createDocument(teacher, {
      ownerType: PARTNERSHIP_DOCUMENT,
      ownerId: `restore-${Date.now()}`,
      initialContent: () => {
        $getRoot().append(
          $createParagraphNode().append($createTextNode(FIRST)),
          $createParagraphNode().append($createTextNode(SECOND)),
        );
      },
    });
    const access = await requireCommentSubject(teacher, "document", document.id);
    const comment = async (quote: string, near: number | null) => {
      const anchor = findQuote(await stateOf(document.id), "root", quote, near);
      expect(anchor, quote).not.toBeNull();
      const input = { body: `About ${quote}`, mentionIds: [], part: "root", quote, ...anchor! };
      return startThread({ actor: teacher, ipAddress: "" }, access, input);
    };
    // "brown fox" twice: in the first paragraph and, later, in the second (its offset there is past the first's).
    const [fox, secondFox, minutes] = [
      await comment("brown fox", null),
      await comment("brown fox", FIRST.length + SECOND.indexOf("brown fox")),
      await comment("ten minutes", null),
    ];
    const version = await createNamedVersion(teacher, document.id, "Before the rewrite");

    // Since the version: the first fox is deleted, new words are typed and commented on.
    await applyDocumentChange(document.id, deleteWords(0, "brown fox ", FIRST), teacher.id);
    await applyDocumentChange(document.id, (doc) => paragraph(doc, 1).insert(1, "Stretch first. "), teacher.id);
    const stretch = await comment("Stretch first.", null);
    const words = async (threadId: string) => {
      const thread = await db().commentThread.findUniqueOrThrow({ where: { id: threadId } });
      const resolved = resolveAnchor(await stateOf(document.id), thread);
      return resolved.state === "live" ? resolved.text : "on deleted text";
    };
    expect(await words(fox)).toBe("on deleted text");
    expect(await words(stretch)).toBe("Stretch first.");

    await restoreVersion(teacher, document.id, version.id);

    expect(await words(fox)).toBe("brown fox");
    expect(await words(secondFox)).toBe("brown fox");
    expect(await words(minutes)).toBe("ten minutes");
    expect(await words(stretch)).toBe("on deleted text");
    // Each fox thread is on its own copy of the words: the first paragraph's and the second's.
    const doc = await stateOf(document.id);
    const [first, second] = await Promise.all(
      [fox, secondFox].map(async (id) => {
        const resolved = resolveAnchor(doc, await db().commentThread.findUniqueOrThrow({ where: { id } }));
        return resolved.state === "live" ? resolved.start.type : null;
      }),
    );
    expect(first).toBe(paragraph(doc, 0));
    expect(second).toBe(paragraph(doc, 1));
  });
});
