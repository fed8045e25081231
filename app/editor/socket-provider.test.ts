// The provider's back-off after refused changes, against a scripted socket: a burst of changes refused together waits
// for one retry (not one doubling per refusal), and once the server takes changes again the next wait starts short.
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { messageYjsSyncStep1 } from "y-protocols/sync";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CollabAck } from "~/lib/collab-events";
import { SocketIoYjsProvider, type CollabSocket } from "./socket-provider";

type Handler = (...args: unknown[]) => void;

/** A connected socket whose server refuses changes while `refusing` and answers a resync with its state vector. */
class ScriptedSocket {
  connected = true;
  refusing = false;
  readonly server = new Y.Doc();
  readonly resyncsAt: number[] = [];
  private readonly handlers = new Map<string, Handler>();

  on(event: string, handler: Handler) {
    this.handlers.set(event, handler);
  }
  off(event: string) {
    this.handlers.delete(event);
  }
  connect() {}

  emit(event: string, documentId: string, payload?: unknown, ack?: (reply: unknown) => void) {
    if (event === "collab:join") {
      (payload as (reply: unknown) => void)({ ok: true, readOnly: false });
      return;
    }
    if (event !== "collab:sync") return;
    const decoder = decoding.createDecoder(payload as Uint8Array);
    const type = decoding.readVarUint(decoder);
    const body = decoding.readVarUint8Array(decoder);
    if (type === messageYjsSyncStep1) {
      this.resyncsAt.push(Date.now());
      const step2 = encoding.createEncoder();
      encoding.writeVarUint(step2, 1);
      encoding.writeVarUint8Array(step2, Y.encodeStateAsUpdate(this.server, body));
      this.handlers.get("collab:sync")?.(documentId, encoding.toUint8Array(step2));
      const step1 = encoding.createEncoder();
      encoding.writeVarUint(step1, messageYjsSyncStep1);
      encoding.writeVarUint8Array(step1, Y.encodeStateVector(this.server));
      this.handlers.get("collab:sync")?.(documentId, encoding.toUint8Array(step1));
      return;
    }
    const reply: CollabAck = this.refusing
      ? { ok: false, code: "rate-limited", message: "Too many changes at once." }
      : { ok: true };
    if (reply.ok) Y.applyUpdate(this.server, body);
    ack?.(reply);
  }
}

describe("the collaboration provider's back-off", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function joined() {
    const socket = new ScriptedSocket();
    const doc = new Y.Doc();
    const provider = new SocketIoYjsProvider(socket as unknown as CollabSocket, "doc-1", doc);
    provider.connect();
    const type = (text: string) => doc.getText("t").insert(doc.getText("t").length, text);
    return { socket, doc, provider, type };
  }

  it("retries a burst of refused changes once, after the first wait, and saves them all", async () => {
    const { socket, doc, provider, type } = joined();
    socket.refusing = true;
    const start = Date.now();
    for (const word of ["one ", "two ", "three ", "four ", "five ", "six "]) type(word);
    expect(provider.syncState.unsaved).toBe(6);
    socket.refusing = false;
    socket.resyncsAt.length = 0;
    await vi.advanceTimersByTimeAsync(600);
    expect(socket.resyncsAt.map((at) => at - start)).toEqual([500]);
    expect(provider.syncState).toMatchObject({ phase: "saved", unsaved: 0 });
    expect(socket.server.getText("t").toString()).toBe(doc.getText("t").toString());
    provider.destroy();
  });

  it("starts the wait short again once the server has taken a change", async () => {
    const { socket, provider, type } = joined();
    // Three refusals in a row, each after the last retry: 500, then 1,000, then 2,000 ms.
    socket.refusing = true;
    type("a");
    await vi.advanceTimersByTimeAsync(500);
    type("b");
    await vi.advanceTimersByTimeAsync(1_000);
    type("c");
    socket.refusing = false;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(provider.syncState.unsaved).toBe(0);
    // Taken: the next refusal waits 500 ms, not 4,000.
    socket.refusing = true;
    type("d");
    socket.refusing = false;
    socket.resyncsAt.length = 0;
    const refusedAt = Date.now();
    await vi.advanceTimersByTimeAsync(600);
    expect(socket.resyncsAt.map((at) => at - refusedAt)).toEqual([500]);
    expect(provider.syncState.unsaved).toBe(0);
    provider.destroy();
  });
});
