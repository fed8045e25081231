// Issue 14's account safeguards through the real production server: "Confirm it's you" before sensitive changes
// (refused on the server, not just hidden), notices to the member about changes to their account, and sockets
// closed when their session expires.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "~/lib/tokens.server";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser, type DemoUserKey } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { SESSION_COOKIE, signedInClient, type HttpClient } from "../support/http-client";
import { connectSocket, disconnected, nextEvent } from "../support/socket-client";

let app: AppProcess;
let store: Db;

beforeAll(async () => {
  const seeded = await seededDatabase("sqlite");
  app = await startApp({ databaseUrl: seeded.url, seedDemo: false });
  store = createDb(seeded.url);
});

afterAll(async () => {
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

const signIn = (key: DemoUserKey) => signedInClient(app.origin, demoUser(key).email, DEMO_PASSWORD);
const member = (key: DemoUserKey) => store.user.findUniqueOrThrow({ where: { email: demoUser(key).email } });
const sessionId = (browser: HttpClient) => hashToken(browser.cookie(SESSION_COOKIE)!);
const text = (body: string) => body.replaceAll("<!-- -->", "").replaceAll("&#x27;", "'");

async function confirm(browser: HttpClient, password = DEMO_PASSWORD, redirectTo = "/account") {
  return browser.post("/confirm", { password, redirectTo });
}

describe("Confirm it's you", () => {
  it("a role change without a recent confirmation is refused on the server and sent to confirm, then allowed", async () => {
    const coordinator = await signIn("coordinator");
    const lsa = await member("lsaDeaf");
    const change = { intent: "update", role: "teacher", institutionId: lsa.institutionId, jobTitle: lsa.jobTitle };

    const refused = await coordinator.post(`/people/${lsa.id}`, change);
    expect([302, 303]).toContain(refused.status);
    const confirmUrl = new URL(refused.location!, app.origin);
    expect(confirmUrl.pathname).toBe("/confirm");
    expect(confirmUrl.searchParams.get("redirectTo")).toBe(`/people/${lsa.id}`);
    expect((await member("lsaDeaf")).role).toBe("lsa");

    const page = await coordinator.get(refused.location!);
    expect(page.status).toBe(200);
    expect(text(page.body)).toContain("Confirm it's you");
    expect(text(page.body)).toContain("Your change has not been made yet");

    const wrong = await confirm(coordinator, "not my password", `/people/${lsa.id}`);
    expect(wrong.status).toBe(400);
    expect(text(wrong.body)).toContain("That is not your password.");
    expect((await coordinator.post(`/people/${lsa.id}`, change)).status).toBe(302);

    const confirmed = await confirm(coordinator, DEMO_PASSWORD, `/people/${lsa.id}`);
    expect(confirmed.location).toBe(`/people/${lsa.id}`);
    expect((await coordinator.post(`/people/${lsa.id}`, change)).status).toBe(200);
    expect((await member("lsaDeaf")).role).toBe("teacher");
    const actions = await store.auditEvent.findMany({ where: { actorId: (await member("coordinator")).id } });
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["password.check-failed", "reauthenticated"]));
  });

  it("a job title alone needs no confirmation", async () => {
    const coordinator = await signIn("coordinator");
    const lsa = await member("lsa");
    const res = await coordinator.post(`/people/${lsa.id}`, {
      intent: "update",
      role: lsa.role,
      institutionId: lsa.institutionId,
      jobTitle: "Senior LSA",
    });
    expect(res.status).toBe(200);
  });

  it("a password reset link needs a confirmation within the last 10 minutes", async () => {
    const coordinator = await signIn("coordinator");
    const teacher = await member("teacherDance");
    const refused = await coordinator.post(`/people/${teacher.id}`, { intent: "create-password-reset" });
    expect(refused.location).toMatch(/^\/confirm\?/);
    expect(await store.passwordReset.count({ where: { userId: teacher.id } })).toBe(0);

    await confirm(coordinator);
    const made = await coordinator.post(`/people/${teacher.id}`, { intent: "create-password-reset" });
    expect(made.status).toBe(200);
    expect(made.body).toMatch(/\/reset\/[A-Za-z0-9_-]{43}/);

    // Eleven minutes later (the session's clock moved back), the confirmation no longer counts.
    await store.session.update({
      where: { id: sessionId(coordinator) },
      data: { reauthenticatedAt: new Date(Date.now() - 11 * 60_000) },
    });
    expect((await coordinator.post(`/people/${teacher.id}`, { intent: "create-password-reset" })).status).toBe(302);
    expect(await store.passwordReset.count({ where: { userId: teacher.id } })).toBe(1);
  });

  it("is throttled with the account page's password check, and sends only to this site afterwards", async () => {
    const teacher = await signIn("teacherSpecial");
    const away = await confirm(teacher, DEMO_PASSWORD, "//evil.example/");
    expect(away.location).toBe("/account");
    let last = await confirm(teacher, "wrong");
    for (let i = 0; i < 12 && last.status !== 429; i++) last = await confirm(teacher, "wrong");
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    // The right password waits too: a stolen session cannot keep guessing.
    expect((await confirm(teacher)).status).toBe(429);
  });
});

describe("notices of changes to an account", () => {
  it("tells the member about a role change on their next page, until they dismiss it; the account page lists it", async () => {
    const coordinator = await signIn("coordinator");
    await confirm(coordinator);
    const leader = await member("leaderFe");
    const res = await coordinator.post(`/people/${leader.id}`, {
      intent: "update",
      role: "teacher",
      institutionId: leader.institutionId,
      jobTitle: leader.jobTitle,
    });
    expect(res.status).toBe(200);

    const them = await signIn("leaderFe");
    const home = await them.get("/home");
    expect(text(home.body)).toContain("A change to your account");
    expect(text(home.body)).toContain("changed your role from Leader to Teacher.");
    const notice = await store.accountNotice.findFirstOrThrow({ where: { userId: leader.id, kind: "role-changed" } });

    // Nobody else can dismiss it.
    const stranger = await signIn("teacher");
    await stranger.post(`/account-notices/${notice.id}`, { redirectTo: "/home" });
    expect((await store.accountNotice.findUniqueOrThrow({ where: { id: notice.id } })).dismissedAt).toBeNull();

    const dismissed = await them.post(`/account-notices/${notice.id}`, { redirectTo: "/home" });
    expect(dismissed.location).toBe("/home");
    expect(text((await them.get("/home")).body)).not.toContain("changed your role from Leader to Teacher.");
    const account = text((await them.get("/account")).body);
    expect(account).toContain("Changes to your account");
    expect(account).toContain("changed your role from Leader to Teacher.");
  });

  it("tells the member about a reset link, a password change, deactivation and reactivation", async () => {
    const coordinator = await signIn("coordinator");
    await confirm(coordinator);
    const teacher = await member("teacherDeaf");
    expect((await coordinator.post(`/people/${teacher.id}`, { intent: "create-password-reset" })).status).toBe(200);
    expect((await coordinator.post(`/people/${teacher.id}`, { intent: "deactivate" })).status).toBe(200);
    expect((await coordinator.post(`/people/${teacher.id}`, { intent: "reactivate" })).status).toBe(200);
    const them = await signIn("teacherDeaf");
    const newPassword = "the long corridor to the music rooms";
    const changed = await them.post("/account", {
      intent: "change-password",
      currentPassword: DEMO_PASSWORD,
      newPassword,
      confirmPassword: newPassword,
    });
    expect(changed.status).toBe(200);
    const notices = await store.accountNotice.findMany({
      where: { userId: teacher.id },
      orderBy: { createdAt: "asc" },
    });
    expect(notices.map((n) => n.kind)).toEqual([
      "password-reset-link",
      "deactivated",
      "reactivated",
      "password-changed",
    ]);
    const home = text((await them.get("/home")).body);
    expect(home).toContain("made a password reset link for your account");
    expect(home).toContain("Your password was changed.");
    await store.user.update({
      where: { id: teacher.id },
      data: { passwordHash: (await member("teacher")).passwordHash },
    });
  });
});

describe("sockets outliving their session", () => {
  it("closes a socket when its session's inactivity expiry passes, telling it why", async () => {
    const teacher = await signIn("teacherFe");
    await store.session.update({
      where: { id: sessionId(teacher) },
      data: { expiresAt: new Date(Date.now() + 1_500) },
    });
    const socket = await connectSocket(app.origin, { cookie: teacher.cookieHeader() });
    const ended = nextEvent(socket, "session:ended", 10_000);
    const closed = disconnected(socket, 10_000);
    expect(await ended).toEqual({ reason: "expired" });
    expect(await closed).toBe("io server disconnect");
  });

  it("closes a socket at its session's absolute expiry", async () => {
    const lsa = await signIn("lsa");
    const absolute = new Date(Date.now() + 1_500);
    await store.session.update({ where: { id: sessionId(lsa) }, data: { absoluteExpiresAt: absolute } });
    const socket = await connectSocket(app.origin, { cookie: lsa.cookieHeader() });
    expect(await nextEvent(socket, "session:ended", 10_000)).toEqual({ reason: "expired" });
    expect(Date.now()).toBeGreaterThanOrEqual(absolute.getTime());
  });

  it("follows a session kept alive by page views instead of closing the socket at the first expiry", async () => {
    const teacher = await signIn("teacherDance");
    const id = sessionId(teacher);
    await store.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() + 1_500) } });
    const socket = await connectSocket(app.origin, { cookie: teacher.cookieHeader() });
    const ended = nextEvent(socket, "session:ended", 10_000);
    // A page view slides the session before the socket's timer fires.
    expect((await teacher.get("/home")).status).toBe(200);
    const slid = await store.session.findUniqueOrThrow({ where: { id } });
    expect(slid.expiresAt.getTime()).toBeGreaterThan(Date.now() + 20 * 60_000);
    const absolute = new Date(Date.now() + 2_500);
    await store.session.update({ where: { id }, data: { absoluteExpiresAt: absolute } });
    // The socket was first due at the old expiry; it outlives it and closes at the absolute expiry.
    expect(await ended).toEqual({ reason: "expired" });
    expect(Date.now()).toBeGreaterThanOrEqual(absolute.getTime());
  });
});
