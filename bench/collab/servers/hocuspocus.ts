// Hocuspocus (@hocuspocus/server 3.4.4, the last line that runs on Node 20)
// with its own store hook: onLoadDocument reads the state from SQLite,
// onStoreDocument writes it, debounced by Hocuspocus itself (debounce 2000 ms,
// maxDebounce 10000 ms, its defaults), plus a final store on shutdown. Run as
// `hocuspocus.ts serve` for the server process; imported, it is the launcher.
import fs from "node:fs";
import path from "node:path";
import { PeerStore, servePeerWhenMain, storedFingerprints } from "./peer-store";
import type { BenchServer, RunningServer, StartOptions } from "./types";
import { freePort, portOpen, spawnPinned, waitUntil } from "./process";

export const hocuspocusServer: BenchServer = {
  kind: "hocuspocus",
  version: "@hocuspocus/server 3.4.4",
  async start({ workDir, rooms, initialState }: StartOptions): Promise<RunningServer> {
    const port = await freePort();
    const store = path.join(workDir, "hocuspocus.db");
    const initial = path.join(workDir, "initial-state.bin");
    fs.writeFileSync(initial, initialState);
    const proc = spawnPinned(0, "bench/collab/servers/hocuspocus.ts", ["serve"], {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      BENCH_STORE: store,
      BENCH_INITIAL_STATE: initial,
    });
    await waitUntil(() => portOpen(port), proc, "the Hocuspocus server");
    return {
      kind: "hocuspocus",
      pid: proc.pid,
      port,
      rooms: Array.from({ length: rooms }, (_, i) => `bench-room-${i}`),
      cookies: [],
      persistence: "whole state to SQLite in onStoreDocument, debounced 2 s (max 10 s) by Hocuspocus, and on shutdown",
      output: proc.output,
      stop: () => proc.stop(),
      storedFingerprints: async () => storedFingerprints(store),
    };
  },
};

async function serve() {
  const { Server } = await import("@hocuspocus/server");
  const store = new PeerStore(process.env.BENCH_STORE!, process.env.BENCH_INITIAL_STATE);
  const server = new Server({
    port: Number(process.env.PORT),
    address: "127.0.0.1",
    quiet: true,
    debounce: 2_000,
    maxDebounce: 10_000,
    async onLoadDocument({ documentName, document }) {
      store.loadInto(documentName, document);
      return document;
    },
    async onStoreDocument({ documentName, document }) {
      store.store(documentName, document);
    },
  });
  await server.listen();

  return { store, documents: () => server.hocuspocus.documents };
}

servePeerWhenMain(import.meta.url, serve);
