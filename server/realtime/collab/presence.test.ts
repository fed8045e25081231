// Presence of an open document: who announced which client, where changes go, and
// what another process or a newcomer is told.
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import type { CollabRelay } from "./relay";
import { applySocketPresence, observePresence, ownPresence, presenceSnapshot, removeSocketPresence } from "./presence";
import { testDocument } from "./test-documents";

function browser(name: string) {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({ name });
  return { clientId: awareness.clientID, update: encodeAwarenessUpdate(awareness, [awareness.clientID]) };
}

function namesIn(update: Uint8Array | null): unknown[] {
  const receiver = new Awareness(new Y.Doc());
  receiver.setLocalState(null);
  if (update) applyAwarenessUpdate(receiver, update, "test");
  return [...receiver.getStates().values()].map((s) => s.name);
}

function observed() {
  const entry = testDocument();
  const fanout = vi.fn();
  const relay = { publish: vi.fn(), onMessage() {}, onResync() {}, async close() {} } satisfies CollabRelay;
  observePresence(entry, fanout, relay);
  return { entry, fanout, relay };
}

describe("presence", () => {
  it("records a socket's clients, passes its change to the others here and to the other processes", () => {
    const { entry, fanout, relay } = observed();
    entry.sockets.set("socket-a", new Set());
    const sarah = browser("whatever the browser says");
    applySocketPresence(entry, sarah.update, "socket-a", { id: "user-sarah", name: "Sarah Whitfield" });
    expect([...entry.sockets.get("socket-a")!]).toEqual([sarah.clientId]);
    expect(fanout).toHaveBeenCalledWith("doc-1", expect.any(Uint8Array), "socket-a");
    expect(namesIn(fanout.mock.calls[0]![1] as Uint8Array)).toEqual(["Sarah Whitfield"]);
    expect(relay.publish).toHaveBeenCalledWith(expect.objectContaining({ kind: "awareness", documentId: "doc-1" }));
  });

  it("does not send relayed presence back to the relay, and answers a query with its own clients only", () => {
    const { entry, relay } = observed();
    entry.sockets.set("socket-a", new Set());
    applySocketPresence(entry, browser("a").update, "socket-a", { id: "user-a", name: "Amira" });
    relay.publish.mockClear();
    applyAwarenessUpdate(entry.awareness, browser("b").update, "relay");
    expect(relay.publish).not.toHaveBeenCalled();
    expect(namesIn(presenceSnapshot(entry)).sort()).toEqual(["Amira", "b"]);
    expect(namesIn(ownPresence(entry))).toEqual(["Amira"]);
  });

  it("keeps a socket from speaking for a client another socket holds, and removes a leaver's presence", () => {
    const { entry } = observed();
    entry.sockets.set("socket-a", new Set());
    entry.sockets.set("socket-b", new Set());
    const amira = browser("a");
    applySocketPresence(entry, amira.update, "socket-a", { id: "user-a", name: "Amira" });
    applySocketPresence(entry, amira.update, "socket-b", { id: "user-b", name: "Impostor" });
    expect(namesIn(presenceSnapshot(entry))).toEqual(["Amira"]);
    removeSocketPresence(entry, entry.sockets.get("socket-a")!);
    expect(presenceSnapshot(entry)).toBeNull();
    expect(ownPresence(entry)).toBeNull();
  });
});
