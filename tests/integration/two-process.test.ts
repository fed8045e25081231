// Two server processes on one PostgreSQL database and one Redis, as when scaled
// out behind a load balancer: an action handled by process B reaches sockets
// connected to process A, through the Socket.io Redis adapter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ukToday } from "~/lib/lesson-dates";
import { addDays } from "~/lib/uk-calendar";
import { createDb, type Db } from "~/models/db.server";
import { MEETING_MINUTES_DOCUMENT } from "~/policies/meeting";
import { STEERING_GROUP } from "../../prisma/seed/meetings";
import { encodeSyncUpdate } from "../../server/realtime/collab/protocol";
import { waitFor } from "./collab/harness";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { redisUrl, seededDatabase } from "../support/databases";
import { signedInClient } from "../support/http-client";
import { connectSocket, disconnected, nextEvent, ping, type TestSocket } from "../support/socket-client";

let a: AppProcess;
let b: AppProcess;
let store: Db;
let partnershipId: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  // The demo partnership and a second one ("other-valley", ".other" addresses), seeded once per run.
  const { url: databaseUrl, demo } = await seededDatabase("postgresql");
  partnershipId = demo.partnershipId;
  store = createDb(databaseUrl);
  // Both on the same database and Redis; Redis carries room broadcasts between them. The periodic access recheck
  // is far beyond the tests: a lock must reach the other process by being pushed.
  const env = { COLLAB_ACCESS_RECHECK_MS: "600000" };
  [a, b] = await Promise.all([
    startApp({ databaseUrl, redisUrl: redisUrl(), seedDemo: false, env }),
    startApp({ databaseUrl, redisUrl: redisUrl(), seedDemo: false, env }),
  ]);
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await store?.$disconnect();
  await Promise.all([a?.stop(), b?.stop()]);
});

showServerOutputOnFailure(() => a, "process A");
showServerOutputOnFailure(() => b, "process B");

async function socketOn(app: AppProcess, email: string): Promise<TestSocket> {
  const browser = await signedInClient(app.origin, email, DEMO_PASSWORD);
  const socket = await connectSocket(app.origin, { cookie: browser.cookieHeader() });
  sockets.push(socket);
  return socket;
}

describe("two processes behind one Redis", () => {
  it("both report PostgreSQL and the Redis adapter in /healthz", async () => {
    for (const app of [a, b]) {
      const health = (await (await fetch(app.url("/healthz"))).json()) as { realtime: { connectedSockets: number } };
      expect(health).toMatchObject({
        status: "ok",
        database: { ok: true, provider: "postgresql" },
        realtime: { ok: true, adapter: "redis" },
      });
    }
    const pids = await Promise.all(
      [a, b].map(async (app) => ((await (await fetch(app.url("/healthz"))).json()) as { pid: number }).pid),
    );
    expect(pids[0]).not.toBe(pids[1]);
  });

  it("a change made through process B reaches the partnership's sockets on process A, and only them", async () => {
    const colleagueOnA = await socketOn(a, demoUser("teacher").email);
    const strangerOnA = await socketOn(a, `${demoUser("teacher").email}.other`);
    const coordinatorOnB = await signedInClient(b.origin, demoUser("coordinator").email, DEMO_PASSWORD);
    const member = await store.user.findUniqueOrThrow({ where: { email: demoUser("lsa").email } });

    const received = nextEvent(colleagueOnA, "partnership:changed");
    const strangerHeard: unknown[] = [];
    strangerOnA.on("partnership:changed", (change) => strangerHeard.push(change));
    const res = await coordinatorOnB.post(`/people/${member.id}`, {
      intent: "update",
      role: member.role,
      institutionId: member.institutionId,
      jobTitle: "Senior learning support assistant",
    });
    expect(res.status).toBe(200);
    expect(await received).toMatchObject({ entity: "member", id: member.id, action: "updated" });
    // Process A sends the change to all its sockets in the room at once, and a socket's messages keep their order: a
    // round trip on the stranger's after the colleague has it brings the change too, had it been sent to her.
    await ping(strangerOnA);
    expect(strangerHeard).toEqual([]);
  });

  it("deactivating a member on process B closes their socket on process A", async () => {
    const victimOnA = await socketOn(a, demoUser("teacherSpecial").email);
    const bystanderOnA = await socketOn(a, demoUser("teacherDance").email);
    const coordinatorOnB = await signedInClient(b.origin, demoUser("coordinator").email, DEMO_PASSWORD);
    const member = await store.user.findUniqueOrThrow({ where: { email: demoUser("teacherSpecial").email } });

    const ended = nextEvent(victimOnA, "session:ended");
    const closed = disconnected(victimOnA);
    expect((await coordinatorOnB.post(`/people/${member.id}`, { intent: "deactivate" })).status).toBe(200);
    expect(await ended).toEqual({ reason: "deactivated" });
    expect(await closed).toBe("io server disconnect");
    expect(await ping(bystanderOnA)).toBeGreaterThan(0);
  });

  it("a session started on one process is valid on the other, and sign-out on one ends it on both", async () => {
    const browser = await signedInClient(a.origin, demoUser("leader").email, DEMO_PASSWORD);
    const onB = browser.clone(b.origin);
    expect((await onB.get("/home")).status).toBe(200);
    expect((await browser.signOut()).status).toBeGreaterThanOrEqual(300);
    const res = await onB.get("/home");
    expect(res.location).toMatch(/^\/login/);
  });

  it("minutes approved through process B are locked at once for an editor on process A", async () => {
    const group = await store.meetingGroup.findFirstOrThrow({ where: { partnershipId, name: STEERING_GROUP } });
    const chairOnB = await signedInClient(b.origin, demoUser("coordinator").email, DEMO_PASSWORD);
    const scheduled = await chairOnB.post(`/meeting-groups/${group.id}`, {
      intent: "schedule",
      date: addDays(ukToday(), 45),
      startTime: "16:00",
      endTime: "17:00",
      siteId: "",
      onlineLink: "https://meet.example/two-processes",
    });
    const meetingId = scheduled.location!.split("/").pop()!;
    const minutes = await store.collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: MEETING_MINUTES_DOCUMENT, ownerId: meetingId } },
    });
    const minuteTakerOnA = await signedInClient(a.origin, demoUser("teacherFe").email, DEMO_PASSWORD);
    const editorOnA = await connectSocket(a.origin, { cookie: minuteTakerOnA.cookieHeader() });
    sockets.push(editorOnA);
    expect(await editorOnA.timeout(5_000).emitWithAck("collab:join", minutes.id)).toMatchObject({ readOnly: false });
    const edit = (text: string) => {
      const doc = new Y.Doc();
      doc.get("root", Y.XmlText).insert(0, text);
      const update = encodeSyncUpdate(Y.encodeStateAsUpdate(doc));
      return editorOnA.timeout(5_000).emitWithAck("collab:sync", minutes.id, update);
    };
    expect(await edit("Two sites agreed. ")).toEqual({ ok: true });
    expect((await minuteTakerOnA.post(`/meetings/${meetingId}`, { intent: "submit" })).status).toBe(200);
    expect((await chairOnB.post(`/meetings/${meetingId}`, { intent: "approve" })).status).toBe(200);
    // Redis carries the change of access to process A: the next write there is refused, without a recheck.
    await waitFor(async () => (await edit("")).ok === false, 3_000, "the lock to reach process A");
    expect(await edit("Changed after approval. ")).toMatchObject({ ok: false, code: "forbidden" });
  });

  // Last: process B is gone afterwards. As in a rolling deploy.
  it("stopping one process leaves the other's sockets connected, and its own clients reconnect on their own", async () => {
    const onA = await socketOn(a, demoUser("teacherFe").email);
    const onB = await socketOn(b, demoUser("teacherDance").email);
    let aDropped = false;
    onA.on("disconnect", () => (aDropped = true));
    const bClosed = disconnected(onB, 15_000);
    await b.stop();
    // A lost connection (not a server-side disconnect, after which a client would stay away): it retries.
    expect(await bClosed).toBe("transport close");
    expect(onB.active).toBe(true);
    expect(await ping(onA)).toBeGreaterThan(0);
    expect(aDropped).toBe(false);
  });
});
