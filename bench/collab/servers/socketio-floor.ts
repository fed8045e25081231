// An experiment, not a contender: the least a Socket.io server can do for the
// load Staffroom serves. It speaks Staffroom's wire exactly (MessagePack parser,
// collab:join / collab:sync / collab:awareness, an ack per update) and applies
// and fans out like Staffroom (Yjs in memory, createRoomWriter), but has no
// sign-in, no policy, no guards and no update log: each update is acknowledged
// at once and the states are stored only on shutdown. Comparing it with
// y-websocket in `npm run bench:collab:paired -- --variants "base;socketio-floor;y-websocket"`
// shows how much of Staffroom's cost is Socket.io itself. Run as
// `socketio-floor.ts serve` for the server process; imported, it is the launcher.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { PeerStore, servePeerWhenMain, storedFingerprints } from "./peer-store";
import type { BenchServer, RunningServer, StartOptions } from "./types";
import { freePort, portOpen, productionNodeFlags, spawnPinned, waitUntil } from "./process";

export const socketIoFloorServer: BenchServer = {
  kind: "staffroom",
  version: "Socket.io floor (experiment)",
  async start({ workDir, rooms, initialState }: StartOptions): Promise<RunningServer> {
    const port = await freePort();
    const store = path.join(workDir, "socketio-floor.db");
    const initial = path.join(workDir, "initial-state.bin");
    fs.writeFileSync(initial, initialState);
    const proc = spawnPinned(
      0,
      "bench/collab/servers/socketio-floor.ts",
      ["serve"],
      { ...process.env, NODE_ENV: "production", PORT: String(port), BENCH_STORE: store, BENCH_INITIAL_STATE: initial },
      productionNodeFlags(),
    );
    await waitUntil(() => portOpen(port), proc, "the Socket.io floor server");
    return {
      kind: "staffroom",
      pid: proc.pid,
      port,
      rooms: Array.from({ length: rooms }, (_, i) => `bench-room-${i}`),
      cookies: [""],
      persistence: "none while running (experiment); whole state on shutdown",
      output: proc.output,
      stop: () => proc.stop(),
      storedFingerprints: async () => storedFingerprints(store),
    };
  },
};

async function serve() {
  const Y = await import("yjs");
  const { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } = await import("y-protocols/awareness");
  const { Server } = await import("socket.io");
  const { socketParser } = await import("~/lib/socket-parser");
  const { createRoomWriter } = await import("../../../server/realtime/collab/room-writer");
  const { decodeSyncMessage, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } =
    await import("../../../server/realtime/collab/protocol");
  const store = new PeerStore(process.env.BENCH_STORE!, process.env.BENCH_INITIAL_STATE);
  const httpServer = http.createServer((_req, res) => res.writeHead(200).end("okay"));
  const io = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    parser: socketParser,
    perMessageDeflate: false,
  });
  // The batch window of Staffroom's default (collaboration.ts).
  const writeRoom = createRoomWriter(io as never, 5);
  const docs = new Map<string, { doc: InstanceType<typeof Y.Doc>; awareness: InstanceType<typeof Awareness> }>();

  const open = (name: string) => {
    let entry = docs.get(name);
    if (entry) return entry;
    const doc = new Y.Doc();
    store.loadInto(name, doc);
    const awareness = new Awareness(doc);
    awareness.setLocalState(null);
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      writeRoom(
        `collab:${name}`,
        typeof origin === "string" ? origin : null,
        "collab:sync",
        name,
        encodeSyncUpdate(update),
      );
    });
    awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      const update = encodeAwarenessUpdate(awareness, [...added!, ...updated!, ...removed!]);
      writeRoom(`collab:${name}`, typeof origin === "string" ? origin : null, "collab:awareness", name, update);
    });
    entry = { doc, awareness };
    docs.set(name, entry);
    return entry;
  };

  io.on("connection", (socket) => {
    socket.on("collab:join", (name: string, ack: (reply: unknown) => void) => {
      open(name);
      void socket.join(`collab:${name}`);
      ack({ ok: true, readOnly: false });
    });
    socket.on("collab:sync", (name: string, message: Uint8Array, ack?: (reply: unknown) => void) => {
      const { doc } = open(name);
      const decoded = decodeSyncMessage(message);
      if (decoded.type === "step1") {
        socket.emit("collab:sync", name, encodeSyncStep2(Y.encodeStateAsUpdate(doc, decoded.stateVector)));
        socket.emit("collab:sync", name, encodeSyncStep1(Y.encodeStateVector(doc)));
      } else {
        Y.applyUpdate(doc, decoded.update, socket.id);
      }
      ack?.({ ok: true });
    });
    socket.on("collab:awareness", (name: string, update: Uint8Array) => {
      applyAwarenessUpdate(open(name).awareness, update, socket.id);
    });
  });
  httpServer.listen(Number(process.env.PORT), "127.0.0.1");

  return {
    store,
    documents: () => [...docs].map(([name, { doc }]) => [name, doc] as [string, InstanceType<typeof Y.Doc>]),
  };
}

servePeerWhenMain(import.meta.url, serve);
