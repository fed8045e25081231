// The one way a change goes: applied, passed to the other sockets here, stored, relayed,
// then counted for compaction and automatic versions; and what happens when it does not apply.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { LogEntry } from "~/models/collab-log.server";
import { Projections } from "./projections";
import { AutoVersions } from "./auto-versions";
import { Compaction } from "./compaction";
import { DocumentChanges } from "./document-changes";
import { ApplyError, type OpenDocument } from "./open-document";
import type { CollabRelay } from "./relay";
import { testDocument, textUpdate } from "./test-documents";
import { UpdateWriter } from "./update-writer";

const compactions: Compaction[] = [];
afterEach(() => compactions.splice(0).forEach((c) => c.stop()));

function pipeline(entry: OpenDocument) {
  const stored: LogEntry[] = [];
  const writer = new UpdateWriter(async (entries) => {
    stored.push(...entries);
    return entries.map((_, i) => stored.length - entries.length + i + 1);
  });
  const relay = { publish: vi.fn(), onMessage() {}, onResync() {}, async close() {} } satisfies CollabRelay;
  const fanout = vi.fn();
  const discard = vi.fn();
  const compaction = new Compaction(
    { compactEvery: 1_000, compactBaseRatio: 1, compactBytes: 1 << 20, compactIdleMs: 60_000 },
    () => [entry],
    async () => ({ compacted: 0, stateBytes: null, snapshotId: null }),
  );
  compactions.push(compaction);
  const autoVersions = new AutoVersions(60_000, async () => ({}) as never);
  const changes = new DocumentChanges({
    writer,
    relay,
    fanout,
    compaction,
    autoVersions,
    projections: new Projections(60_000, new Map()),
    accessRecheckMs: 5_000,
    discard,
  });
  changes.observe(entry);
  return { changes, stored, relay, fanout, discard };
}

const sarah = { socketId: "socket-sarah", userId: "user-sarah" };

describe("DocumentChanges", () => {
  it("passes a client's change to the others here, stores it, relays it, and counts it", async () => {
    const entry = testDocument();
    const { changes, stored, relay, fanout } = pipeline(entry);
    const update = textUpdate("Prompt before clue.");
    await changes.applyClientUpdate(entry, update, sarah);
    expect(entry.doc.get("root", Y.XmlText).toString()).toBe("Prompt before clue.");
    expect(fanout).toHaveBeenCalledWith("doc-1", expect.any(Uint8Array), "socket-sarah");
    expect(stored).toEqual([{ documentId: "doc-1", data: update, userId: "user-sarah" }]);
    expect(relay.publish).toHaveBeenCalledWith({ kind: "update", documentId: "doc-1", payload: update });
    expect([...entry.storedRows]).toEqual([1]);
    expect(entry.logCount).toBe(1);
    expect(entry.editorsSinceVersion.get("user-sarah")).toBe(1);
  });

  it("stores nothing for a change the document already holds", async () => {
    const entry = testDocument();
    const { changes, stored, relay } = pipeline(entry);
    const update = textUpdate("once");
    await changes.applyClientUpdate(entry, update, sarah);
    await changes.applyClientUpdate(entry, update, sarah);
    expect(stored).toHaveLength(1);
    expect(relay.publish).toHaveBeenCalledTimes(1);
  });

  it("closes the document and refuses a change that fails to apply, storing nothing", async () => {
    const entry = testDocument();
    const { changes, stored, discard } = pipeline(entry);
    const broken = textUpdate("x").slice(0, 5);
    await expect(changes.applyClientUpdate(entry, broken, sarah)).rejects.toBeInstanceOf(ApplyError);
    expect(discard).toHaveBeenCalledWith(entry);
    expect(stored).toEqual([]);
  });

  it("stores a server change (a restore) as one update, sent to every socket here", async () => {
    const entry = testDocument();
    const { changes, stored, fanout } = pipeline(entry);
    await changes.applyServerChange(
      entry,
      (doc) => {
        doc.get("root", Y.XmlText).insert(0, "restored ");
        doc.get("root", Y.XmlText).insert(9, "text");
      },
      "user-sarah",
    );
    expect(stored).toHaveLength(1);
    expect(fanout).toHaveBeenCalledWith("doc-1", expect.any(Uint8Array), null);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored[0]!.data);
    expect(copy.get("root", Y.XmlText).toString()).toBe("restored text");
  });
});
