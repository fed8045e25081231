// Two server processes on one PostgreSQL database and one Redis, as when scaled
// out behind a load balancer: an action handled by process B reaches sockets
// connected to process A, through the Socket.io Redis adapter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { redisUrl, seededDatabase } from "../support/databases";
import { signedInClient } from "../support/http-client";
import { connectSocket, disconnected, nextEvent, ping, type TestSocket } from "../support/socket-client";

let a: AppProcess;
let b: AppProcess;
let store: Db;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  // The demo partnership and a second one ("other-valley", ".other" addresses), seeded once per run.
  const { url: databaseUrl } = await seededDatabase("postgresql");
  store = createDb(databaseUrl);
  // Both on the same database and Redis; Redis carries room broadcasts between them.
  [a, b] = await Promise.all([
    startApp({ databaseUrl, redisUrl: redisUrl(), seedDemo: false }),
    startApp({ databaseUrl, redisUrl: redisUrl(), seedDemo: false }),
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
