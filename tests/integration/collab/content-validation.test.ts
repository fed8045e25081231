// Co-edited content is checked on the server (issue 14, decision 013): a teacher's editor that writes what Staffroom's
// editor never writes (an inline style drawing over the page, a node type nobody knows, a root of its own) is refused
// through the real socket. The live document, the other people in it and the update log stay as they were, and the
// sender is told with a code its provider answers by starting again from the saved document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { countLogEntries, loadDocumentState } from "~/models/collab-log.server";
import { createDocument } from "~/models/collab-documents.server";
import { yjsStateToPlainText } from "~/lib/document-schema/headless";
import type { CollabErrorCode } from "~/lib/collab-events";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import type { Actor } from "~/policies/actor";
import { actorOf, idOf, useModelDatabase } from "../../support/model-database";
import { ping } from "../../support/socket-client";
import { openSocket, sessionCookie, settled, startCollabServer, TestClient, waitFor, type TestServer } from "./harness";

const database = useModelDatabase("sqlite");
let server: TestServer;
let teacher: Actor;
let coordinator: Actor;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startCollabServer({ unloadAfterMs: 60_000, compactIdleMs: 60_000 });
  teacher = await actorOf(idOf(database.demo.userIds, "teacher"));
  coordinator = await actorOf(idOf(database.demo.userIds, "coordinator"));
});

afterAll(async () => {
  for (const c of clients) c.stop();
  await server?.close();
});

async function client(actor: Actor, documentId: string): Promise<TestClient> {
  const c = new TestClient(openSocket(server.origin, await sessionCookie(actor.id)), documentId, actor.id);
  clients.push(c);
  return c.start();
}

async function agenda() {
  const document = await createDocument(teacher, {
    ownerType: PARTNERSHIP_DOCUMENT,
    ownerId: `agenda-${Math.random()}`,
    title: "Agenda",
    initialContent: () => $getRoot().append($createParagraphNode().append($createTextNode("Phonics catch-up"))),
  });
  const sarah = await client(teacher, document.id);
  const helen = await client(coordinator, document.id);
  await waitFor(() => sarah.provider.isSynced && helen.provider.isSynced, 10_000, "both synced");
  return { document, sarah, helen };
}

/** The document's first paragraph in a client's copy. */
function firstParagraph(c: TestClient): Y.XmlText {
  return c.root.toDelta()[0].insert as Y.XmlText;
}

/** A text node carrying an inline style, as a hostile client writes it straight into its Y.Doc. */
function styledText(): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  const properties = { __type: "text", __format: 0, __mode: 0, __detail: 0 };
  for (const [key, value] of Object.entries(properties)) map.set(key, value);
  map.set("__style", "position:fixed;inset:0;z-index:9;background:url(https://tracker.example/pixel.gif)");
  return map;
}

function frame(update: Uint8Array): Uint8Array {
  const length: number[] = [];
  for (let n = update.length; ; n >>>= 7) {
    if (n <= 0x7f) {
      length.push(n);
      break;
    }
    length.push((n & 0x7f) | 0x80);
  }
  return new Uint8Array([2, ...length, ...update]);
}

describe("content the editor never writes", () => {
  it("is refused with a code, and nothing changes: not the live document, the others' copies or the log", async () => {
    const { document, sarah, helen } = await agenda();
    const rowsBefore = await countLogEntries(document.id);

    /** A change written straight into a copy of Sarah's document (a client of its own each time). */
    const forge = (change: (root: Y.XmlText) => void) => {
      const forged = new Y.Doc();
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(sarah.doc));
      const before = Y.encodeStateVector(forged);
      change(forged.get("root", Y.XmlText));
      return frame(Y.encodeStateAsUpdate(forged, before));
    };
    const overlay = forge((root) => {
      const paragraph = root.toDelta()[0].insert as Y.XmlText;
      paragraph.insertEmbed(0, styledText());
      paragraph.insert(1, "Click here to sign in again");
    });
    expect(await sarah.socket.emitWithAck("collab:sync", document.id, overlay)).toMatchObject({
      ok: false,
      code: "invalid-content",
    });

    const unknownNode = forge((root) => {
      const node = new Y.XmlText();
      node.setAttribute("__type", "iframe");
      root.insertEmbed(0, node);
    });
    expect(await sarah.socket.emitWithAck("collab:sync", document.id, unknownNode)).toMatchObject({
      ok: false,
      code: "invalid-content",
    });

    const ownRoot = new Y.Doc();
    ownRoot.getMap("tracking").set("pixel", "https://tracker.example/pixel.gif");
    expect(
      await sarah.socket.emitWithAck("collab:sync", document.id, frame(Y.encodeStateAsUpdate(ownRoot))),
    ).toMatchObject({ ok: false, code: "invalid-content" });

    // An honest change after them still goes through, and reaches Helen: she got none of the refused ones.
    firstParagraph(sarah).insert(firstParagraph(sarah).length, " (Year 3)");
    await waitFor(() => settled(sarah) && helen.text().includes("(Year 3)"), 5_000, "the honest change everywhere");
    expect(JSON.stringify(helen.root.toJSON())).not.toContain("Click here");
    expect(helen.doc.share.has("tracking")).toBe(false);
    const live = new Y.Doc();
    Y.applyUpdate(live, server.collaboration.manager.inMemoryState(document.id)!);
    expect(live.share.has("tracking")).toBe(false);
    expect(JSON.stringify(live.get("root", Y.XmlText).toJSON())).not.toContain("Click here");
    // One row: the honest change. None for the refused ones.
    expect(await countLogEntries(document.id)).toBe(rowsBefore + 1);
    const stored = (await loadDocumentState(document.id)).state;
    expect(await yjsStateToPlainText(stored)).toBe("Phonics catch-up (Year 3)");
  });

  it("written through the real provider: the editor is told to start again from the saved document", async () => {
    const { document, sarah, helen } = await agenda();
    const refusals: Array<{ message: string; code: CollabErrorCode }> = [];
    sarah.provider.on("refused", (message, code) => refusals.push({ message, code }));
    const rowsBefore = await countLogEntries(document.id);
    const helenBefore = Y.encodeStateVector(helen.doc);

    firstParagraph(sarah).insertEmbed(0, styledText());
    await waitFor(() => refusals.length > 0, 5_000, "the refusal");
    expect(refusals).toEqual([
      {
        code: "invalid-content",
        message: expect.stringMatching(/could not be saved.*This is the saved version\.$/),
      },
    ]);
    // The provider no longer offers the refused change again (nothing unsaved to resend, nothing sent meanwhile).
    expect(sarah.lastState.unsaved).toBe(0);
    // A round trip on each socket brings whatever the server sent either of them before it: a second refusal to
    // Sarah, the refused change to Helen.
    await Promise.all([ping(sarah.socket), ping(helen.socket)]);
    expect(refusals).toHaveLength(1);
    expect(Y.encodeStateVector(helen.doc)).toEqual(helenBefore);
    expect(await countLogEntries(document.id)).toBe(rowsBefore);

    // A fresh copy (what the page makes) opens the saved document and edits it as before.
    const again = await client(teacher, document.id);
    await waitFor(() => again.provider.isSynced, 5_000, "the fresh copy synced");
    expect(JSON.stringify(again.root.toJSON())).not.toContain("position:fixed");
    firstParagraph(again).insert(0, "Today: ");
    await waitFor(() => settled(again) && helen.text().includes("Today: "), 5_000, "the fresh copy's change");
  });
});
