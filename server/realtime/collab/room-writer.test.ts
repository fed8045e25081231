// The room writer sends one pre-encoded event to every member of a room but the
// sender, on WebSocket (the pre-encoded frame) and on long-polling (engine.io
// encodes it), and to nobody outside the room; straight to an idle WebSocket,
// through engine.io behind anything it has queued, in order either way; what one
// batch window sends a member goes in one write.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { socketParser } from "~/lib/socket-parser";
import type { StaffroomServer } from "../socket";
import { createRoomWriter } from "./room-writer";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp() {
  const httpServer = http.createServer();
  const io = new Server(httpServer, { parser: socketParser }) as unknown as StaffroomServer;
  io.on("connection", (socket) => {
    const room = socket.handshake.query.room;
    if (typeof room === "string") void socket.join(room);
    socket.on("ping", (ack) => ack({ at: Date.now() }));
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => io.close(() => resolve())));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;

  const join = async (room: string, transport: "websocket" | "polling") => {
    const client = connect(url, { parser: socketParser, transports: [transport], query: { room }, forceNew: true });
    cleanups.push(() => void client.disconnect());
    const received: Array<[string, Uint8Array]> = [];
    client.on("collab:sync", (documentId: string, message: Uint8Array) =>
      received.push([documentId, new Uint8Array(message)]),
    );
    client.on("collab:error", (error: { documentId: string }) =>
      received.push([`error:${error.documentId}`, new Uint8Array()]),
    );
    await new Promise<void>((resolve, reject) => {
      client.once("connect", resolve);
      client.once("connect_error", reject);
    });
    return { client, received };
  };
  return { io, join };
}

const idOf = (client: ClientSocket) => {
  if (!client.id) throw new Error("not connected");
  return client.id;
};

/** Counts the room writer's frames that go through engine.io's queue (not the direct path) to one member. */
function countEngineWrites(io: StaffroomServer, client: ClientSocket) {
  const conn = io.of("/").sockets.get(idOf(client))!.conn as unknown as {
    write: (data: unknown, options?: object) => unknown;
  };
  const counter = { writes: 0 };
  const original = conn.write.bind(conn);
  conn.write = (data, options) => {
    if (options && "wsPreEncodedFrame" in options) counter.writes += 1;
    return original(data, options);
  };
  return counter;
}

describe("createRoomWriter", () => {
  it("delivers one event to each member but the sender, over WebSocket and polling alike", async () => {
    const { io, join } = await setUp();
    const sender = await join("collab:d1", "websocket");
    const overWebSocket = await join("collab:d1", "websocket");
    const overPolling = await join("collab:d1", "polling");
    const elsewhere = await join("collab:d2", "websocket");
    const write = createRoomWriter(io, 0);

    const message = new Uint8Array([2, 3, 7, 8, 9]);
    write("collab:d1", idOf(sender.client), "collab:sync", "d1", message);
    write("collab:d1", idOf(sender.client), "collab:sync", "d1", new Uint8Array([2, 1, 0]));
    await expect.poll(() => overPolling.received.length, { timeout: 3000 }).toBe(2);
    await expect.poll(() => overWebSocket.received.length).toBe(2);

    expect(overWebSocket.received).toEqual([
      ["d1", message],
      ["d1", new Uint8Array([2, 1, 0])],
    ]);
    expect(overPolling.received).toEqual(overWebSocket.received);
    // A round trip on each of the others: anything sent to them would have arrived before its reply.
    for (const { client } of [sender, elsewhere]) await client.timeout(2000).emitWithAck("ping");
    expect(sender.received).toEqual([]);
    expect(elsewhere.received).toEqual([]);
  });

  it("sends to everyone in the room when there is no sender to leave out, and does nothing for an empty room", async () => {
    const { io, join } = await setUp();
    const a = await join("collab:d1", "websocket");
    const b = await join("collab:d1", "websocket");
    const write = createRoomWriter(io, 0);
    write("collab:nobody", null, "collab:sync", "x", new Uint8Array([1]));
    write("collab:d1", null, "collab:sync", "d1", new Uint8Array([4]));
    await expect.poll(() => a.received.length + b.received.length).toBe(2);
    expect(a.received).toEqual([["d1", new Uint8Array([4])]]);
    expect(b.received).toEqual([["d1", new Uint8Array([4])]]);
  });

  it("writes straight to an idle WebSocket, and behind what engine.io has queued otherwise, keeping the order", async () => {
    const { io, join } = await setUp();
    const member = await join("collab:d1", "websocket");
    const write = createRoomWriter(io, 0);
    const engine = countEngineWrites(io, member.client);

    write("collab:d1", null, "collab:sync", "d1", new Uint8Array([1]));
    await expect.poll(() => member.received.length).toBe(1);
    expect(engine.writes).toBe(0);

    // Three emits in one turn: the first is being written, the others wait in engine.io's queue.
    const socket = io.of("/").sockets.get(idOf(member.client))!;
    for (const n of [1, 2, 3])
      socket.emit("collab:error", { documentId: `e${n}`, code: "not-joined", message: "test" });
    write("collab:d1", null, "collab:sync", "d1", new Uint8Array([2]));
    await expect.poll(() => member.received.length).toBe(5);
    expect(member.received.map(([what]) => what)).toEqual(["d1", "error:e1", "error:e2", "error:e3", "d1"]);
    expect(member.received[4]![1]).toEqual(new Uint8Array([2]));
    expect(engine.writes).toBe(1);
  });

  it("sends what a batch window holds for a member in one write, after anything engine.io sent before it", async () => {
    const { io, join } = await setUp();
    const member = await join("collab:d1", "websocket");
    const write = createRoomWriter(io, 20);
    const socket = io.of("/").sockets.get(idOf(member.client))!;
    const sender = (socket.conn as unknown as { transport: { socket: { _sender: { sendFrame(f: Buffer[]): void } } } })
      .transport.socket._sender;
    const writes: number[] = [];
    const original = sender.sendFrame.bind(sender);
    sender.sendFrame = (frames) => {
      writes.push(frames.length);
      original(frames);
    };

    write("collab:d1", null, "collab:sync", "d1", new Uint8Array([1]));
    write("collab:d1", null, "collab:sync", "d1", new Uint8Array([2]));
    write("collab:d1", null, "collab:sync", "d1", new Uint8Array([3]));
    expect(writes).toEqual([]);
    await expect.poll(() => member.received.length).toBe(3);
    expect(writes).toEqual([1]);
    expect(member.received.map(([, bytes]) => bytes[0])).toEqual([1, 2, 3]);

    // Something engine.io sends (an emit, an ack, a ping) first sends what waits for that member: the order holds.
    write("collab:d1", null, "collab:sync", "d1", new Uint8Array([4]));
    socket.emit("collab:error", { documentId: "e1", code: "not-joined", message: "test" });
    write("collab:d1", null, "collab:sync", "d1", new Uint8Array([5]));
    await expect.poll(() => member.received.length).toBe(6);
    expect(member.received.slice(3).map(([what, bytes]) => `${what}${bytes[0] ?? ""}`)).toEqual([
      "d14",
      "error:e1",
      "d15",
    ]);
  });
});
