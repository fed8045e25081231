// Comment anchors survive concurrent editing, through the real engine and socket protocol: a teacher comments on
// "brown fox"; then two people type and delete around those words at random, at the same time, with random latency,
// and now and then one deletes the words themselves. At every checkpoint, each client and the document stored on the
// server resolve the stored anchor to exactly "brown fox", or, once the words are gone, to "on deleted text".
// Reproduce a failure with COLLAB_SEED=<printed seed>.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { encodeAnchor, resolveAnchor, type EncodedAnchor } from "~/lib/comment-anchors";
import { createDocument } from "~/models/collab-documents.server";
import { loadDocumentState } from "~/models/collab-log.server";
import { requireCommentSubject, startThread } from "~/models/comments.server";
import { db } from "~/models/db.server";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { actorOf, idOf, useModelDatabase } from "../../support/model-database";
import {
  openSocket,
  prng,
  sessionCookie,
  settled,
  startCollabServer,
  TestClient,
  waitFor,
  type TestServer,
} from "./harness";

const ITERATIONS = Number(process.env.COLLAB_ITERATIONS ?? 100);
const WORDS = "brown fox";
const database = useModelDatabase("sqlite");
let server: TestServer;

beforeAll(async () => {
  server = await startCollabServer({ compactEvery: 50, unloadAfterMs: 0 });
});
afterAll(async () => {
  await server?.close();
});

/** The paragraph the comment is in: the first element of the root. */
function paragraphOf(doc: Y.Doc): Y.XmlText {
  const first = (doc.get("root", Y.XmlText).toDelta() as Array<{ insert: unknown }>)[0]?.insert;
  if (!(first instanceof Y.XmlText)) throw new Error("the document has no paragraph");
  return first;
}

function resolvedWords(doc: Y.Doc, anchor: EncodedAnchor): string {
  const resolved = resolveAnchor(doc, anchor);
  return resolved.state === "live" ? resolved.text : "on deleted text";
}

describe("comment anchors under concurrent edits", () => {
  it(`stay on the same words, or say they were deleted, over ${ITERATIONS} random rounds`, async () => {
    const seed = Number(process.env.COLLAB_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`[comment anchors] seed ${seed} (reproduce with COLLAB_SEED=${seed})`);
    const rng = prng(seed);
    const teacher = await actorOf(idOf(database.demo.userIds, "teacher"));
    const coordinator = await actorOf(idOf(database.demo.userIds, "coordinator"));
    const document = await createDocument(teacher, {
      ownerType: PARTNERSHIP_DOCUMENT,
      ownerId: `anchors-${seed}`,
      initialContent: () => {
        $getRoot().append(
          $createParagraphNode().append($createTextNode("The quick brown fox jumps over the lazy dog.")),
        );
      },
    });
    const clients = [
      new TestClient(openSocket(server.origin, await sessionCookie(teacher.id)), document.id, "teacher", () =>
        rng.int(12),
      ),
      new TestClient(openSocket(server.origin, await sessionCookie(coordinator.id)), document.id, "coordinator"),
    ].map((c) => c.start());
    try {
      await waitFor(() => clients.every((c) => c.provider.isSynced && c.doc.share.has("root")), 10_000, "sync");
      await waitFor(() => paragraphOf(clients[0]!.doc).toString().includes(WORDS), 10_000, "initial text");

      // The teacher selects "brown fox" and comments: the anchor is stored with the thread, in the database.
      const paragraph = paragraphOf(clients[0]!.doc);
      // Index 0 holds the text node's attributes (Lexical's binding), its characters follow.
      const from = 1 + "The quick ".length;
      const access = await requireCommentSubject(teacher, "document", document.id);
      const threadId = await startThread({ actor: teacher, ipAddress: "" }, access, {
        body: "Can the LSA take this part?",
        mentionIds: [],
        part: "root",
        quote: WORDS,
        ...encodeAnchor({ type: paragraph, index: from }, { type: paragraph, index: from + WORDS.length }),
      });
      const anchor = await db().commentThread.findUniqueOrThrow({ where: { id: threadId } });

      // Late in the run, someone deletes the commented words themselves.
      const deleteAt = Math.floor(ITERATIONS * (0.6 + 0.3 * rng.next()));
      let wordsDeleted = false;
      let deletions = 0;
      let insertions = 0;
      for (let round = 0; round < ITERATIONS; round++) {
        // Both people edit in the same round, each from what their own copy shows (so edits cross in flight).
        for (const client of clients) {
          for (let n = 1 + rng.int(3); n > 0; n--) {
            const resolved = resolveAnchor(client.doc, anchor);
            const text = paragraphOf(client.doc);
            // Edits stay after index 0 (the text node's attributes), around the words, never inside them.
            const start = resolved.state === "live" ? resolved.start.index : 1;
            const end = resolved.state === "live" ? resolved.end.index : 1;
            const before = rng.next() < 0.5;
            if (round === deleteAt && !wordsDeleted && resolved.state === "live") {
              text.delete(start, end - start);
              wordsDeleted = true;
            } else if (rng.next() < 0.35) {
              const [low, high] = before ? [1, start] : [end, text.length];
              if (high - low < 1) continue;
              const where = low + rng.int(high - low);
              text.delete(where, Math.min(1 + rng.int(3), high - where));
              deletions += 1;
            } else {
              const where = before ? 1 + rng.int(start) : end + rng.int(text.length - end + 1);
              text.insert(
                Math.min(where, text.length),
                ` ${String.fromCharCode(97 + rng.int(26)).repeat(1 + rng.int(3))}`,
              );
              insertions += 1;
            }
          }
        }
        if (round % 10 === 9 || round === ITERATIONS - 1) {
          await waitFor(
            () => clients.every(settled) && clients[0]!.text() === clients[1]!.text(),
            30_000,
            "both clients saved and equal",
          );
          await server.collaboration.writer.drain();
          const stored = new Y.Doc();
          Y.applyUpdate(stored, (await loadDocumentState(document.id)).state);
          const expected = wordsDeleted ? "on deleted text" : WORDS;
          for (const client of clients) expect(resolvedWords(client.doc, anchor)).toBe(expected);
          expect(resolvedWords(stored, anchor)).toBe(expected);
          stored.destroy();
        }
      }
      expect(insertions).toBeGreaterThan(ITERATIONS / 2);
      expect(deletions).toBeGreaterThan(ITERATIONS / 10);
    } finally {
      for (const c of clients) c.stop();
    }
  }, 300_000);
});
