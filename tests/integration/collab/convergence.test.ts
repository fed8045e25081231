// Seeded random convergence through the real engine and socket protocol: five
// people edit one document at random, drop off and come back at random, with
// random latency on every message in both directions. At the end every client,
// the server's in-memory copy and the database hold exactly the same document.
// Reproduce a failure with COLLAB_SEED=<printed seed>.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createDocument } from "~/models/collab-documents.server";
import { loadDocumentState } from "~/models/collab-log.server";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { actorOf, idOf, useModelDatabase } from "../../support/model-database";
import {
  openSocket,
  prng,
  sessionCookie,
  settled,
  startCollabServer,
  TestClient,
  textOfState,
  waitFor,
  type TestServer,
} from "./harness";

const ITERATIONS = Number(process.env.COLLAB_ITERATIONS ?? 300);
const CLIENTS = 5;
const database = useModelDatabase("sqlite");
let server: TestServer;

beforeAll(async () => {
  // A small compaction interval so compaction runs many times while people edit.
  server = await startCollabServer({ compactEvery: 40, unloadAfterMs: 0 });
});
afterAll(async () => {
  await server?.close();
});

describe("random concurrent editing", () => {
  it(`converges after ${ITERATIONS} random steps with disconnects and delayed delivery`, async () => {
    const seed = Number(process.env.COLLAB_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`[convergence] seed ${seed} (reproduce with COLLAB_SEED=${seed})`);
    const rng = prng(seed);
    const writers = ["teacher", "coordinator", "teacherFe", "teacherDance", "teacherDeaf"] as const;
    const actors = await Promise.all(writers.map((key) => actorOf(idOf(database.demo.userIds, key))));
    const document = await createDocument(actors[0]!, {
      ownerType: PARTNERSHIP_DOCUMENT,
      ownerId: `convergence-${seed}`,
    });
    const clients: TestClient[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const cookie = await sessionCookie(actors[i]!.id);
      clients.push(
        new TestClient(openSocket(server.origin, cookie), document.id, `writer ${i}`, () => rng.int(15)).start(),
      );
    }
    const online = clients.map(() => true);
    let edits = 0;
    try {
      await waitFor(() => clients.every((c) => c.provider.isSynced), 10_000, "initial sync");
      for (let step = 0; step < ITERATIONS; step++) {
        const i = rng.int(CLIENTS);
        const c = clients[i]!;
        const roll = rng.next();
        if (roll < 0.6) {
          if (c.root.length > 0 && rng.next() < 0.3) c.delete(rng.int(c.root.length), 1 + rng.int(4));
          else
            c.insert(rng.int(c.root.length + 1), `${i}${String.fromCharCode(97 + rng.int(26)).repeat(1 + rng.int(4))}`);
          edits += 1;
        } else if (roll < 0.7 && online[i]) {
          c.goOffline();
          online[i] = false;
        } else if (roll < 0.8 && !online[i]) {
          c.goOnline();
          online[i] = true;
        } else {
          await new Promise((r) => setTimeout(r, rng.int(20)));
        }
      }
      clients.forEach((c, i) => online[i] || c.goOnline());

      const texts = () => clients.map((c) => c.text());
      await waitFor(
        () =>
          clients.every(settled) &&
          new Set(texts()).size === 1 &&
          server.collaboration.manager.inMemoryState(document.id) !== null,
        30_000,
        "every client saved and equal",
      );
      const reference = clients[0]!;
      const serverState = server.collaboration.manager.inMemoryState(document.id)!;
      await server.collaboration.writer.drain();
      const stored = (await loadDocumentState(document.id)).state;
      for (const c of clients) {
        expect(c.text()).toBe(reference.text());
        expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(reference.doc));
      }
      expect(textOfState(serverState)).toBe(reference.text());
      expect(textOfState(stored)).toBe(reference.text());
      expect(edits).toBeGreaterThan(ITERATIONS / 3);
    } finally {
      for (const c of clients) c.stop();
    }
  }, 120_000);
});
