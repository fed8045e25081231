// Crash safety with the real server process: 20 people type while the server
// is killed with SIGKILL. Everything the server acknowledged is in the database
// right after the crash; a new server process starts; every client reconnects
// and resyncs by itself, and in the end everyone has everything typed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useDatabase } from "~/models/db.server";
import { createDocument } from "~/models/collab-documents.server";
import { loadDocumentState } from "~/models/collab-log.server";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { seedDemoPartnership } from "../../../prisma/seed-data";
import { startApp, type AppProcess } from "../../support/app-process";
import { freshDatabase } from "../../support/databases";
import { actorOf, idOf } from "../../support/model-database";
import {
  insertedText,
  openSocket,
  sessionCookie,
  settled,
  startTcpProxy,
  TestClient,
  textOfState,
  waitFor,
} from "./harness";

const WRITERS = ["teacher", "coordinator", "teacherFe", "teacherDance", "teacherDeaf", "teacherSpecial"] as const;
let databaseUrl: string;
let seed: Awaited<ReturnType<typeof seedDemoPartnership>>;
const apps: AppProcess[] = [];

beforeAll(async () => {
  databaseUrl = await freshDatabase("sqlite");
  await useDatabase(databaseUrl);
  seed = await seedDemoPartnership(db());
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.kill()));
});

describe("crash safety", () => {
  it("keeps every acknowledged update through kill -9 and resyncs clients on their own", async () => {
    const proxy = await startTcpProxy();
    const origin = `http://127.0.0.1:${proxy.port}`;
    const first = await startApp({ databaseUrl, seedDemo: false, startTimeoutMs: 90_000 });
    apps.push(first);
    proxy.setTarget(first.port);

    const owner = await actorOf(idOf(seed.userIds, "teacher"));
    const document = await createDocument(owner, { ownerType: PARTNERSHIP_DOCUMENT, ownerId: "crash" });
    const clients: TestClient[] = [];
    // Tokens inside updates the server acknowledged as stored.
    const acked = new Set<string>();
    const onStored = (update: Uint8Array) => {
      for (const token of insertedText(update).match(/<\d+:\d+>/g) ?? []) acked.add(token);
    };
    for (let i = 0; i < 20; i++) {
      const userId = idOf(seed.userIds, WRITERS[i % WRITERS.length]!);
      clients.push(
        new TestClient(
          openSocket(origin, await sessionCookie(userId)),
          document.id,
          `typist ${i}`,
          undefined,
          onStored,
        ).start(),
      );
    }
    const typed = clients.map(() => 0);
    await waitFor(() => clients.every((c) => c.provider.isSynced), 15_000, "all synced");

    let typing = true;
    const typists = clients.map(async (c, i) => {
      while (typing) {
        c.insert(c.root.length, `<${i}:${typed[i]}>`);
        typed[i]! += 1;
        await new Promise((r) => setTimeout(r, 15 + (i % 7) * 3));
      }
    });
    // Kill mid-typing, once plenty has been acknowledged (how long that takes depends on the machine's load).
    await waitFor(() => acked.size > 100, 30_000, "a hundred acknowledged changes");
    await first.kill();
    proxy.setTarget(null);
    const ackedAtCrash = [...acked];
    const typedAtCrash = typed.reduce((a, b) => a + b, 0);
    expect(ackedAtCrash.length).toBeGreaterThan(100);

    // Straight after the crash: the database holds every acknowledged token.
    const afterCrash = textOfState((await loadDocumentState(document.id)).state);
    const missing = ackedAtCrash.filter((token) => !afterCrash.includes(token));
    expect(missing).toEqual([]);
    console.log(
      `[crash] ${ackedAtCrash.length} of ${typedAtCrash} typed changes acknowledged before the kill; all stored`,
    );

    // People keep typing while the server is down (each has noticed, and typed since), then it comes back.
    const typedAtCrashBy = [...typed];
    await waitFor(
      () => clients.every((c, i) => !c.provider.isSynced && typed[i]! > typedAtCrashBy[i]!),
      10_000,
      "everyone typing offline",
    );
    const second = await startApp({ databaseUrl, seedDemo: false, startTimeoutMs: 90_000 });
    apps.push(second);
    proxy.setTarget(second.port);
    // ...and still type while every client reconnects and resyncs by itself.
    await waitFor(() => clients.every((c) => c.provider.isSynced), 30_000, "everyone reconnected while typing");
    typing = false;
    await Promise.all(typists);

    await waitFor(
      () => clients.every(settled) && new Set(clients.map((c) => c.text())).size === 1,
      60_000,
      "everyone resynced",
    );
    const finalText = clients[0]!.text();
    typed.forEach((count, i) => {
      for (let n = 0; n < count; n++) expect(finalText.split(`<${i}:${n}>`).length - 1).toBe(1);
    });
    await second.stop(); // graceful: flushes and compacts
    expect(textOfState((await loadDocumentState(document.id)).state)).toBe(finalText);
    for (const c of clients) c.stop();
    await proxy.close();
  }, 180_000);
});
