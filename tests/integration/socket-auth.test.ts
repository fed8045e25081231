// The realtime socket's door: the handshake needs a live session and this site's
// Origin, and a socket closes when its session or its member's account ends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "~/lib/tokens.server";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { SESSION_COOKIE, signedInClient } from "../support/http-client";
import { connectSocket, disconnected, nextEvent, ping, type TestSocket } from "../support/socket-client";

let app: AppProcess;
let store: Db;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  const { url: databaseUrl } = await seededDatabase("sqlite");
  app = await startApp({ databaseUrl, seedDemo: false });
  store = createDb(databaseUrl);
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

const signIn = (key: Parameters<typeof demoUser>[0]) => signedInClient(app.origin, demoUser(key).email, DEMO_PASSWORD);

async function open(cookie: string | undefined, origin?: string): Promise<TestSocket> {
  const socket = await connectSocket(app.origin, { cookie, origin });
  sockets.push(socket);
  return socket;
}

describe("a single process without Redis", () => {
  it("reports SQLite and the in-process realtime adapter in /healthz, counting live sockets", async () => {
    const browser = await signIn("teacher");
    const socket = await open(browser.cookieHeader());
    const health = (await (await fetch(app.url("/healthz"))).json()) as { realtime: { connectedSockets: number } };
    expect(health).toMatchObject({
      status: "ok",
      database: { ok: true, provider: "sqlite" },
      realtime: { ok: true, adapter: "in-process" },
    });
    expect(health.realtime.connectedSockets).toBeGreaterThanOrEqual(1);
    socket.close();
  });
});

describe("the socket handshake", () => {
  it("accepts a signed-in member from this site", async () => {
    const browser = await signIn("teacher");
    const socket = await open(browser.cookieHeader());
    expect(socket.connected).toBe(true);
    expect(await ping(socket)).toBeGreaterThan(0);
  });

  it("refuses a handshake without a session cookie", async () => {
    await expect(open(undefined)).rejects.toThrow(/unauthorised/);
  });

  it("refuses a handshake with an unknown or ended session", async () => {
    await expect(open(`${SESSION_COOKIE}=made-up-token`)).rejects.toThrow(/unauthorised/);
    const browser = await signIn("teacher");
    const cookie = browser.cookieHeader();
    await browser.signOut();
    await expect(open(cookie)).rejects.toThrow(/unauthorised/);
  });

  it("refuses a handshake from another site, even with a valid session cookie", async () => {
    const browser = await signIn("teacher");
    await expect(open(browser.cookieHeader(), "https://evil.example")).rejects.toThrow();
    // The same refusal, seen on the HTTP long-polling handshake: 403 before any session is made.
    const res = await fetch(`${app.origin}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: "https://evil.example", cookie: browser.cookieHeader() },
    });
    expect(res.status).toBe(403);
    const own = await fetch(`${app.origin}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: app.origin, cookie: browser.cookieHeader() },
    });
    expect(own.status).toBe(200);
  });

  it("refuses a handshake with an expired session", async () => {
    const browser = await signIn("teacherFe");
    await store.session.update({
      where: { id: hashToken(browser.cookie(SESSION_COOKIE)!) },
      data: { absoluteExpiresAt: new Date(Date.now() - 1000) },
    });
    await expect(open(browser.cookieHeader())).rejects.toThrow(/unauthorised/);
  });
});

describe("closing live sockets", () => {
  it("deactivating a member closes every one of their sockets at once, and tells them why", async () => {
    const coordinator = await signIn("coordinator");
    const laptop = await signIn("teacherSpecial");
    const phone = await signIn("teacherSpecial");
    const bystander = await signIn("teacher");
    const laptopSocket = await open(laptop.cookieHeader());
    const phoneSocket = await open(phone.cookieHeader());
    const bystanderSocket = await open(bystander.cookieHeader());
    const id = (await store.user.findUniqueOrThrow({ where: { email: demoUser("teacherSpecial").email } })).id;

    const ended = nextEvent(laptopSocket, "session:ended");
    const changed = nextEvent(bystanderSocket, "partnership:changed");
    const closedLaptop = disconnected(laptopSocket);
    const closedPhone = disconnected(phoneSocket);
    expect((await coordinator.post(`/people/${id}`, { intent: "deactivate" })).status).toBe(200);

    expect(await ended).toEqual({ reason: "deactivated" });
    expect(await closedLaptop).toBe("io server disconnect");
    expect(await closedPhone).toBe("io server disconnect");
    expect(await changed).toMatchObject({ entity: "member", id, action: "updated" });
    // The bystander stays connected.
    expect(await ping(bystanderSocket)).toBeGreaterThan(0);
    // And the deactivated member cannot come back in.
    await expect(open(laptop.cookieHeader())).rejects.toThrow(/unauthorised/);

    expect((await coordinator.post(`/people/${id}`, { intent: "reactivate" })).status).toBe(200);
  });

  it("signing out closes the sockets of that session only", async () => {
    const first = await signIn("leader");
    const second = await signIn("leader");
    const firstSocket = await open(first.cookieHeader());
    const secondSocket = await open(second.cookieHeader());
    const closed = disconnected(firstSocket);
    await first.signOut();
    expect(await closed).toBe("io server disconnect");
    expect(await ping(secondSocket)).toBeGreaterThan(0);
  });
});
