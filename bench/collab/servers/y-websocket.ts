// The y-websocket reference server (@y/websocket-server 0.1.1's setupWSConnection,
// unchanged) on a plain HTTP + ws server, with a persistence binding that stores
// each document's state in SQLite 2 s after its last change (at most 10 s
// apart while edits continue: the package's own callback debounce), and on
// close. Run as `y-websocket.ts serve` for the server process; imported, it is
// the launcher.
import path from "node:path";
import http from "node:http";
import type * as Y from "yjs";
import { PeerStore, servePeerWhenMain, storedFingerprints } from "./peer-store";
import type { BenchServer, RunningServer, StartOptions } from "./types";
import { freePort, portOpen, spawnPinned, waitUntil } from "./process";

const DEBOUNCE_MS = 2_000;
const MAX_WAIT_MS = 10_000;

export const yWebsocketServer: BenchServer = {
  kind: "y-websocket",
  version: "@y/websocket-server 0.1.1",
  async start({ workDir, rooms, initialState }: StartOptions): Promise<RunningServer> {
    const port = await freePort();
    const store = path.join(workDir, "y-websocket.db");
    const initial = path.join(workDir, "initial-state.bin");
    const fs = await import("node:fs");
    fs.writeFileSync(initial, initialState);
    const proc = spawnPinned(0, "bench/collab/servers/y-websocket.ts", ["serve"], {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      BENCH_STORE: store,
      BENCH_INITIAL_STATE: initial,
    });
    await waitUntil(() => portOpen(port), proc, "the y-websocket server");
    return {
      kind: "y-websocket",
      pid: proc.pid,
      port,
      rooms: Array.from({ length: rooms }, (_, i) => `bench-room-${i}`),
      cookies: [],
      persistence: "whole state to SQLite, debounced 2 s (max wait 10 s), and when the last client leaves",
      output: proc.output,
      stop: () => proc.stop(),
      storedFingerprints: async () => storedFingerprints(store),
    };
  },
};

async function serve() {
  const { WebSocketServer } = await import("ws");
  const { docs, setPersistence, setupWSConnection } = await import("@y/websocket-server/utils");
  const store = new PeerStore(process.env.BENCH_STORE!, process.env.BENCH_INITIAL_STATE);
  const timers = new Map<string, { timer: NodeJS.Timeout; firstAt: number }>();

  const storeNow = (name: string, doc: Y.Doc) => {
    const pending = timers.get(name);
    if (pending) clearTimeout(pending.timer);
    timers.delete(name);
    store.store(name, doc);
  };
  const storeSoon = (name: string, doc: Y.Doc) => {
    const pending = timers.get(name);
    const firstAt = pending?.firstAt ?? Date.now();
    if (pending) clearTimeout(pending.timer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstAt + MAX_WAIT_MS - Date.now()));
    timers.set(name, { timer: setTimeout(() => storeNow(name, doc), wait), firstAt });
  };

  setPersistence({
    provider: store,
    bindState: (name: string, doc: Y.Doc) => {
      store.loadInto(name, doc);
      doc.on("update", () => storeSoon(name, doc));
    },
    writeState: async (name: string, doc: Y.Doc) => storeNow(name, doc),
  });

  const wss = new WebSocketServer({ noServer: true });
  wss.on("connection", setupWSConnection);
  const server = http.createServer((_req, res) => res.writeHead(200).end("okay"));
  server.on("upgrade", (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
  });
  server.listen(Number(process.env.PORT), "127.0.0.1");

  return { store, documents: () => docs };
}

servePeerWhenMain(import.meta.url, serve);
