// The sign-in security promises, checked against the real production server
// over HTTP: cookie attributes, hashed tokens at rest, a new session at every
// sign-in, server-side sign-out and deactivation, inactivity and absolute expiry,
// the Origin check, throttling, passwords and single-use invitations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "~/lib/tokens.server";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase, type SeededDatabase } from "../support/databases";
import { HttpClient, SESSION_COOKIE, signedInClient, type HttpResult } from "../support/http-client";
import { connectSocket, disconnected, nextEvent } from "../support/socket-client";

const FOREIGN_ORIGIN = "https://evil.example";

let app: AppProcess;
let store: Db;
let other: SeededDatabase["other"];

beforeAll(async () => {
  // The demo partnership and a second one ("other-valley", ".other" addresses), seeded once per run.
  const seeded = await seededDatabase("sqlite");
  app = await startApp({ databaseUrl: seeded.url, seedDemo: false });
  store = createDb(seeded.url);
  other = seeded.other;
});

afterAll(async () => {
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

const client = () => new HttpClient(app.origin);

const SHORT_PASSWORD = "Use at least 8 characters (15 or more is better).";
/** The text of a field's error message as the page shows it (Conform's `<form id>-<field>-error`). */
const fieldErrorText = (body: string, field: string) =>
  new RegExp(`id="${field}-error"><span class="visually-hidden">Error: </span>([^<]*)<`).exec(body)?.[1] ?? null;
const signIn = (key: Parameters<typeof demoUser>[0]) => signedInClient(app.origin, demoUser(key).email, DEMO_PASSWORD);
const userId = async (key: Parameters<typeof demoUser>[0]) =>
  (await store.user.findUniqueOrThrow({ where: { email: demoUser(key).email } })).id;

function expectRedirectToLogin(res: HttpResult) {
  expect([302, 303]).toContain(res.status);
  expect(res.location).toMatch(/^\/login/);
}

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Path=/, has an expiry, and is not Secure when COOKIE_SECURE=false", async () => {
    const browser = client();
    const res = await browser.signIn(demoUser("teacher").email, DEMO_PASSWORD);
    expect([302, 303]).toContain(res.status);
    expect(res.location).toBe("/home");
    const cookie = res.setCookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie, "a session cookie is set").toBeDefined();
    expect(cookie!.attributes).toHaveProperty("httponly");
    expect(cookie!.attributes.samesite?.toLowerCase()).toBe("lax");
    expect(cookie!.attributes.path).toBe("/");
    expect(new Date(cookie!.attributes.expires ?? 0).getTime()).toBeGreaterThan(Date.now() + 3600_000);
    expect(cookie!.attributes).not.toHaveProperty("secure");
  });

  it("carries a token whose SHA-256 is the session id; the token itself is not stored", async () => {
    const browser = await signIn("teacher");
    const token = browser.cookie(SESSION_COOKIE)!;
    const row = await store.session.findUnique({ where: { id: hashToken(token) } });
    expect(row?.userId).toBe(await userId("teacher"));
    expect(await store.session.findUnique({ where: { id: token } })).toBeNull();
    const everything = JSON.stringify(await store.session.findMany());
    expect(everything).not.toContain(token);
  });

  it("is replaced at every sign-in, whatever cookie the browser brought (no session fixation)", async () => {
    const browser = client();
    browser.setCookie(SESSION_COOKIE, "attacker-chosen-value");
    await browser.signIn(demoUser("teacher").email, DEMO_PASSWORD);
    const first = browser.cookie(SESSION_COOKIE);
    expect(first).toBeTruthy();
    expect(first).not.toBe("attacker-chosen-value");
    await browser.signIn(demoUser("teacher").email, DEMO_PASSWORD);
    const second = browser.cookie(SESSION_COOKIE);
    expect(second).not.toBe(first);
    expect(await store.session.findUnique({ where: { id: hashToken(second!) } })).not.toBeNull();
  });

  it("is needed for member pages: without it the browser goes to sign in", async () => {
    expectRedirectToLogin(await client().get("/people"));
    const res = await client().get("/people");
    expect(res.location).toBe("/login?redirectTo=%2Fpeople");
    const browser = await signIn("teacher");
    expect((await browser.get("/people")).status).toBe(200);
  });
});

describe("ending sessions on the server", () => {
  it("sign-out ends the session: a replayed copy of the old cookie no longer works", async () => {
    const browser = await signIn("leader");
    const stolen = browser.clone();
    const token = browser.cookie(SESSION_COOKIE)!;
    const res = await browser.signOut();
    expectRedirectToLogin(res);
    expect(res.setCookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe("");
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await store.session.findUnique({ where: { id: hashToken(token) } })).toBeNull();
    expectRedirectToLogin(await stolen.get("/people"));
  });

  it("deactivation ends every session of the member and stops them signing in; reactivation lets them back", async () => {
    const coordinator = await signIn("coordinator");
    const victim = await signIn("teacherSpecial");
    const victimOtherBrowser = await signIn("teacherSpecial");
    const id = await userId("teacherSpecial");

    const res = await coordinator.post(`/people/${id}`, { intent: "deactivate" });
    expect(res.status).toBe(200);
    expect((await store.user.findUniqueOrThrow({ where: { id } })).deactivatedAt).not.toBeNull();
    expectRedirectToLogin(await victim.get("/people"));
    expectRedirectToLogin(await victimOtherBrowser.get("/home"));
    expect(await store.session.count({ where: { userId: id } })).toBe(0);
    expect((await client().signIn(demoUser("teacherSpecial").email, DEMO_PASSWORD)).status).toBe(400);

    expect((await coordinator.post(`/people/${id}`, { intent: "reactivate" })).status).toBe(200);
    await signIn("teacherSpecial");
  });

  it("a session unused for the inactivity period no longer works", async () => {
    const browser = await signIn("teacherFe");
    const id = hashToken(browser.cookie(SESSION_COOKIE)!);
    expect((await browser.get("/people")).status).toBe(200);
    await store.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await browser.get("/people");
    expectRedirectToLogin(res);
    expect(res.setCookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe("");
  });

  it("a session past its absolute expiry no longer works, however recently used", async () => {
    const browser = await signIn("teacherDance");
    const id = hashToken(browser.cookie(SESSION_COOKIE)!);
    await store.session.update({ where: { id }, data: { absoluteExpiresAt: new Date(Date.now() - 1000) } });
    expectRedirectToLogin(await browser.get("/people"));
    expect(await store.session.findUnique({ where: { id } })).toBeNull();
  });

  it("a member signs out another of their browsers from the account page", async () => {
    const laptop = await signIn("teacherDeaf");
    const phone = await signIn("teacherDeaf");
    const phoneSessionId = hashToken(phone.cookie(SESSION_COOKIE)!);
    expect((await laptop.post("/account", { intent: "revoke-session", sessionId: phoneSessionId })).status).toBe(200);
    expectRedirectToLogin(await phone.get("/home"));
    expect((await laptop.get("/home")).status).toBe(200);
    // Someone else's session cannot be revoked.
    const stranger = await signIn("teacherSpecial");
    const strangerId = hashToken(stranger.cookie(SESSION_COOKIE)!);
    expect((await laptop.post("/account", { intent: "revoke-session", sessionId: strangerId })).status).toBe(404);
    expect((await stranger.get("/home")).status).toBe(200);
  });

  it("changing the password on the account page signs the other browsers out, live connections included", async () => {
    const laptop = await signIn("lsa");
    const phone = await signIn("lsa");
    const laptopSocket = await connectSocket(app.origin, { cookie: laptop.cookieHeader() });
    const phoneSocket = await connectSocket(app.origin, { cookie: phone.cookieHeader() });
    const ended = nextEvent(phoneSocket, "session:ended");
    const closed = disconnected(phoneSocket);
    // A refused password is explained once, next to the field (not by both the form's and the server's rules).
    const short = await laptop.post("/account", {
      intent: "change-password",
      currentPassword: DEMO_PASSWORD,
      newPassword: "chalk",
      confirmPassword: "chalk",
    });
    expect(short.status).toBe(400);
    expect(fieldErrorText(short.body, "change-password-newPassword")).toBe(SHORT_PASSWORD);
    expect(phoneSocket.connected).toBe(true);

    const newPassword = "a long walk to the sports hall";
    const res = await laptop.post("/account", {
      intent: "change-password",
      currentPassword: DEMO_PASSWORD,
      newPassword,
      confirmPassword: newPassword,
    });
    expect(res.status).toBe(200);
    expect(res.body).toContain("1 other browser has been signed out");
    expect(await ended).toEqual({ reason: "signed-out" });
    expect(await closed).toBe("io server disconnect");
    expectRedirectToLogin(await phone.get("/home"));
    // This browser stays signed in, and its own connection stays open.
    expect((await laptop.get("/home")).status).toBe(200);
    expect(laptopSocket.connected).toBe(true);
    laptopSocket.disconnect();
  });
});

describe("the Origin check on state-changing requests", () => {
  it("refuses a sign-in posted from another site, or with no Origin at all", async () => {
    for (const origin of [FOREIGN_ORIGIN, null, "null", `${app.origin}.evil.example`]) {
      const browser = client();
      const res = await browser.signIn(demoUser("teacher").email, DEMO_PASSWORD, undefined, { origin });
      expect(res.status, `Origin ${origin}`).toBe(403);
      expect(res.setCookies).toHaveLength(0);
    }
  });

  it("refuses cross-site sign-out and member changes, even with a valid session cookie", async () => {
    const coordinator = await signIn("coordinator");
    const id = await userId("lsa");
    expect((await coordinator.post("/logout", {}, { origin: FOREIGN_ORIGIN })).status).toBe(403);
    expect((await coordinator.post(`/people/${id}`, { intent: "deactivate" }, { origin: FOREIGN_ORIGIN })).status).toBe(
      403,
    );
    expect((await coordinator.post(`/people/${id}`, { intent: "deactivate" }, { origin: null })).status).toBe(403);
    expect((await store.user.findUniqueOrThrow({ where: { id } })).deactivatedAt).toBeNull();
    expect((await coordinator.get("/people")).status).toBe(200);
  });
});

describe("sign-in throttling", () => {
  it("answers a wrong password with 400 and a plain message", async () => {
    const res = await client().signIn(demoUser("leaderFe").email, "not my password");
    expect(res.status).toBe(400);
    expect(res.body).toContain("do not match");
    expect(res.setCookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  it("locks the account after repeated failures, but not the owner's trusted browser", async () => {
    const { email } = demoUser("teacherFe");
    const owner = await signedInClient(app.origin, email, DEMO_PASSWORD);
    expect(owner.cookie("staffroom_device")).toBeTruthy();
    await owner.signOut();

    const attacker = client();
    for (let i = 0; i < 10; i++) expect((await attacker.signIn(email, `guess ${i}`)).status).toBe(400);
    const locked = await attacker.signIn(email, DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toContain("Too many unsuccessful attempts");
    expect(locked.setCookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    // A new browser without the device cookie is locked out too.
    expect((await client().signIn(email, DEMO_PASSWORD)).status).toBe(429);

    const res = await owner.signIn(email, DEMO_PASSWORD);
    expect([302, 303]).toContain(res.status);
    expect((await owner.get("/home")).status).toBe(200);
  });

  it("tells a throttled browser when to try again (Retry-After)", async () => {
    const { email } = demoUser("lsaDeaf");
    const attacker = client();
    for (let i = 0; i < 10; i++) await attacker.signIn(email, `guess ${i}`);
    const locked = await attacker.signIn(email, DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter, "Retry-After in seconds").toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it("blocks a network address that fails too often, across accounts", async () => {
    // One real failure reveals the address key; fill it to one short of the limit (50).
    await client().signIn("nobody@nowhere.example", "guess");
    const bucket = await store.throttleBucket.findFirstOrThrow({ where: { key: { startsWith: "sign-in:address:" } } });
    try {
      await store.throttleBucket.update({ where: { key: bucket.key }, data: { failures: 49 } });
      expect((await client().signIn("nobody@nowhere.example", "guess")).status).toBe(400);
      expect((await client().signIn(demoUser("leader").email, DEMO_PASSWORD)).status).toBe(429);
    } finally {
      await store.throttleBucket.deleteMany({ where: { key: bucket.key } });
    }
    expect([302, 303]).toContain((await client().signIn(demoUser("leader").email, DEMO_PASSWORD)).status);
  });
});

describe("invitations over HTTP", () => {
  async function inviteLink(email: string): Promise<string> {
    const coordinator = await signIn("coordinator");
    const institution = await store.institution.findFirstOrThrow({
      where: { name: "Brookfield School", partnership: { slug: "ashbury-valley" } },
    });
    const res = await coordinator.post("/people/invite", {
      email,
      name: "Nia Campbell",
      role: "lsa",
      institutionId: institution.id,
    });
    expect(res.status).toBe(200);
    const match = /\/invite\/([A-Za-z0-9_-]{20,})/.exec(res.body);
    expect(match, "the page shows the invitation link").not.toBeNull();
    return `/invite/${match![1]}`;
  }

  it("is only for coordinators", async () => {
    const teacher = await signIn("teacher");
    expect((await teacher.get("/people/invite")).status).toBe(403);
    const institution = await store.institution.findFirstOrThrow();
    const res = await teacher.post("/people/invite", {
      email: "x@y.example",
      name: "X",
      role: "lsa",
      institutionId: institution.id,
    });
    expect(res.status).toBe(403);
    expect(await store.invite.count({ where: { email: "x@y.example" } })).toBe(0);
  });

  it("refuses a common password, then creates the account once; the link does not work twice", async () => {
    const email = `nia.campbell.${Date.now()}@brookfield.example`;
    const link = await inviteLink(email);
    const token = link.split("/").pop()!;
    expect((await store.invite.findFirstOrThrow({ where: { email } })).tokenHash).toBe(hashToken(token));

    const invitee = client();
    const page = await invitee.get(link);
    expect(page.status).toBe(200);
    expect(page.body).toContain(email);

    const common = await invitee.post(link, {
      name: "Nia Campbell",
      password: "password",
      confirmPassword: "password",
    });
    expect(common.status).toBe(400);
    expect(common.body).toContain("commonly used");
    const short = await invitee.post(link, { name: "Nia Campbell", password: "chalk", confirmPassword: "chalk" });
    expect(short.status).toBe(400);
    expect(fieldErrorText(short.body, "accept-invite-password")).toBe(SHORT_PASSWORD);
    expect(await store.user.count({ where: { email } })).toBe(0);

    const accepted = await invitee.post(link, {
      name: "Nia Campbell",
      password: "chalk dust and coffee",
      confirmPassword: "chalk dust and coffee",
    });
    expect([302, 303]).toContain(accepted.status);
    expect(invitee.cookie(SESSION_COOKIE)).toBeTruthy();
    expect((await invitee.get("/home")).status).toBe(200);
    const user = await store.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: "lsa", name: "Nia Campbell" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    // The link is used up: it says so (410), and posting to it again changes nothing.
    const again = await client().post(link, {
      name: "Someone Else",
      password: "another fine phrase",
      confirmPassword: "another fine phrase",
    });
    expect(again.status).toBe(410);
    expect(again.setCookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    expect((await store.user.findUniqueOrThrow({ where: { email } })).name).toBe("Nia Campbell");
    const used = await client().get(link);
    expect(used.status).toBe(410);
    expect(used.body).toContain("This invitation has been used");
    expect(used.body).not.toContain("chalk");
  });

  it("refuses an expired link (410), with the page that says so", async () => {
    const email = `late.comer.${Date.now()}@brookfield.example`;
    const link = await inviteLink(email);
    await store.invite.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const page = await client().get(link);
    expect(page.status).toBe(410);
    expect(page.body).toContain("Invitation links expire after a few days");
    const res = await client().post(link, {
      name: "Late Comer",
      password: "chalk dust and coffee",
      confirmPassword: "chalk dust and coffee",
    });
    expect(res.status).toBe(410);
    expect(res.body).toContain("This invitation link no longer works");
    expect(await store.user.count({ where: { email } })).toBe(0);
  });

  it("answers 410 for a revoked or replaced link and 404 for one that never existed, with the same friendly page", async () => {
    const email = `twice.invited.${Date.now()}@brookfield.example`;
    const replaced = await inviteLink(email);
    const current = await inviteLink(email);
    expect((await client().get(current)).status).toBe(200);
    const page = await client().get(replaced);
    expect(page.status).toBe(410);
    expect(page.body).toContain("replaced by a newer invitation");
    expect(
      (
        await client().post(replaced, {
          name: "Twice",
          password: "chalk dust and coffee",
          confirmPassword: "chalk dust and coffee",
        })
      ).status,
    ).toBe(410);
    expect(await store.user.count({ where: { email } })).toBe(0);

    const unknown = await client().get("/invite/no-such-invitation-link-0123456789");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain("This invitation link no longer works");
    expect(unknown.body).toContain("Go to sign in");
    expect(
      (
        await client().post("/invite/no-such-invitation-link-0123456789", {
          name: "Nobody",
          password: "chalk dust and coffee",
          confirmPassword: "chalk dust and coffee",
        })
      ).status,
    ).toBe(404);
  });
});

describe("the partnership boundary over HTTP", () => {
  it("answers 404 for a member of another partnership, and 403 for a colleague the actor may not manage", async () => {
    const coordinator = await signIn("coordinator");
    const foreignId = other.userIds.get("teacher")!;
    expect((await coordinator.get(`/people/${foreignId}`)).status).toBe(404);
    expect((await coordinator.post(`/people/${foreignId}`, { intent: "deactivate" })).status).toBe(404);
    expect((await store.user.findUniqueOrThrow({ where: { id: foreignId } })).deactivatedAt).toBeNull();

    const teacher = await signIn("teacher");
    const colleagueId = await userId("lsa");
    expect((await teacher.post(`/people/${colleagueId}`, { intent: "deactivate" })).status).toBe(403);
    expect((await store.user.findUniqueOrThrow({ where: { id: colleagueId } })).deactivatedAt).toBeNull();
    expect((await teacher.get("/audit")).status).toBe(403);
  });
});
