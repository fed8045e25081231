// Two-step sign-in through the production server over HTTP, on SQLite and PostgreSQL. A right password alone starts
// no session for a member who uses (or must set up) two-step sign-in: the pending sign-in reaches no page and no
// socket. Code guesses are throttled and audited, a recovery code works once, a remembered browser skips the step
// for 30 days and not after (nor after a new password), the coordinator's reset is audited, and the demo is exempt.
import { generateTOTP } from "@oslojs/otp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { hashPassword } from "~/models/passwords.server";
import { DEMO_PASSWORD, demoUser, type DemoUserKey } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { PROVIDERS, seededDatabase, type SeededDatabase } from "../support/databases";
import { HttpClient, SESSION_COOKIE, signedInClient, type HttpResult } from "../support/http-client";
import { connectSocket } from "../support/socket-client";
import { secretFrom } from "../support/two-step";

const PENDING_COOKIE = "staffroom_two_step";
const REMEMBERED_COOKIE = "staffroom_remembered";
const TWO_STEP_KEY = "8f1c3a5e7b9d0f2a4c6e8a0b2d4f6a8c1e3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e";

describe.each(PROVIDERS)("two-step sign-in over HTTP on %s", (provider) => {
  let app: AppProcess;
  let store: Db;
  let real: SeededDatabase["other"];

  beforeAll(async () => {
    const seeded = await seededDatabase(provider);
    store = createDb(seeded.url);
    real = seeded.other;
    // The second seeded partnership stands for a real one: not the demo, so two-step sign-in is required there.
    await store.partnership.update({ where: { id: real.partnershipId }, data: { isDemo: false } });
    app = await startApp({ databaseUrl: seeded.url, seedDemo: false, env: { TWO_STEP_KEY } });
  });

  afterAll(async () => {
    await store?.$disconnect();
    await app?.stop();
  });

  showServerOutputOnFailure(() => app);

  const emailOf = (key: DemoUserKey) => `${demoUser(key).email}.other`;
  const idOf = (key: DemoUserKey) => real.userIds.get(key)!;

  async function passwordStep(key: DemoUserKey, client = new HttpClient(app.origin), redirectTo?: string) {
    const res = await client.signIn(emailOf(key), DEMO_PASSWORD, redirectTo);
    return { client, res };
  }

  const recoveryCodesFrom = (body: string) =>
    [...body.matchAll(/<code>([a-z2-7]{5}-[a-z2-7]{5})<\/code>/g)].map((m) => m[1]!);

  /** A code from the app, as at a later time step than any code used before (each step's code works once). */
  async function codeFor(key: DemoUserKey, secret: Uint8Array): Promise<string> {
    await store.twoStepEnrolment.update({ where: { userId: idOf(key) }, data: { lastCounter: null } });
    return generateTOTP(secret, 30, 6);
  }

  /** Signs in with the password and sets up an app, as a member who must; returns the signed-in client. */
  async function setUp(key: DemoUserKey) {
    const { client, res } = await passwordStep(key);
    expect(res.location).toBe("/login/set-up");
    const page = await client.get("/login/set-up");
    expect(page.status).toBe(200);
    const secret = secretFrom(page.body);
    const done = await client.post("/login/set-up", { code: generateTOTP(secret, 30, 6) });
    expect(done.status).toBe(200);
    expect(client.cookie(SESSION_COOKIE)).toBeTruthy();
    return { client, secret, recoveryCodes: recoveryCodesFrom(done.body) };
  }

  function expectToLogin(res: HttpResult) {
    expect([302, 303]).toContain(res.status);
    expect(res.location).toMatch(/^\/login/);
  }

  async function auditCount(action: string, key: DemoUserKey) {
    return store.auditEvent.count({ where: { action, subjectId: idOf(key) } });
  }

  it("sends a required member to set up after the password; until then no page, action or socket is reachable", async () => {
    const { client, res } = await passwordStep("teacher");
    expect(res.location).toBe("/login/set-up");
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();
    const pending = res.setCookies.find((c) => c.name === PENDING_COOKIE)!;
    expect(pending.attributes).toMatchObject({ httponly: "", samesite: "Lax", path: "/login" });

    // The client sends the pending cookie everywhere (a browser would not): it still opens nothing.
    for (const path of ["/home", "/students", "/account", "/account/two-step", "/people"]) {
      expectToLogin(await client.get(path));
    }
    expectToLogin(await client.post("/account", { intent: "revoke-session", sessionId: "x" }));
    await expect(connectSocket(app.origin, { cookie: client.cookieHeader() })).rejects.toThrow(/unauthorised/);
    expect((await client.get("/login/two-step")).location, "the code page sends them to set up").toBe("/login/set-up");

    const page = await client.get("/login/set-up");
    expect(page.body).toMatch(/<img[^>]+src="data:image\/svg\+xml;base64,[^"]+"[^>]*alt="QR code/);
    const secret = secretFrom(page.body);
    const wrong = await client.post("/login/set-up", { code: "000000" });
    expect(wrong.status).toBe(400);
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();

    const done = await client.post("/login/set-up", { code: generateTOTP(secret, 30, 6) });
    expect(done.status).toBe(200);
    expect(recoveryCodesFrom(done.body)).toHaveLength(10);
    expect((await client.get("/home")).status).toBe(200);
    const socket = await connectSocket(app.origin, { cookie: client.cookieHeader() });
    socket.close();
    expect(await auditCount("two-step.enrolled", "teacher")).toBe(1);
  });

  it("lets the demo partnership sign in with the password alone, and an LSA whose institution has no students", async () => {
    const demoCoordinator = await signedInClient(app.origin, demoUser("coordinator").email, DEMO_PASSWORD);
    expect((await demoCoordinator.get("/home")).status).toBe(200);

    const lsa = await store.user.findUniqueOrThrow({ where: { id: idOf("lsa") } });
    const homeToStudents = await store.student.count({ where: { homeInstitutionId: lsa.institutionId } });
    const { client, res } = await passwordStep("lsa");
    if (homeToStudents > 0) {
      expect(res.location, "an LSA who sees her institution's students in full must").toBe("/login/set-up");
      const empty = await store.institution.create({
        data: { partnershipId: real.partnershipId, name: "No students here", kind: "fe_college" },
      });
      await store.user.update({ where: { id: lsa.id }, data: { institutionId: empty.id } });
    }
    const again = homeToStudents > 0 ? (await passwordStep("lsa")).client : client;
    expect(again.cookie(SESSION_COOKIE), "an LSA elsewhere signs in with her password").toBeTruthy();
  });

  it("asks an enrolled member for a code, refuses a wrong one (audited), and keeps where they were going", async () => {
    const { secret } = await setUp("leader");
    const { client, res } = await passwordStep("leader", new HttpClient(app.origin), "/people");
    expect(res.location).toBe("/login/two-step");
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();
    expectToLogin(await client.get("/home"));
    expect((await client.get("/login/two-step")).status).toBe(200);

    const wrong = await client.post("/login/two-step", { code: "123456" });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain("That code does not match");
    expect(await auditCount("sign-in.second-step-failed", "leader")).toBe(1);

    const right = await client.post("/login/two-step", { code: await codeFor("leader", secret) });
    expect(right.location).toBe("/people");
    expect(client.cookie(SESSION_COOKIE)).toBeTruthy();
    expect(client.cookie(PENDING_COOKIE)).toBeUndefined();
    const signIn = await store.auditEvent.findFirstOrThrow({
      where: { action: "sign-in", subjectId: idOf("leader") },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(signIn.detail)).toMatchObject({ secondStep: "code" });
  });

  it("throttles code guesses like password guesses: after ten, even the right code waits", async () => {
    const { secret } = await setUp("teacherDeaf");
    const { client } = await passwordStep("teacherDeaf");
    for (let i = 0; i < 10; i++) expect((await client.post("/login/two-step", { code: "000000" })).status).toBe(400);
    const blocked = await client.post("/login/two-step", { code: await codeFor("teacherDeaf", secret) });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await auditCount("sign-in.second-step-failed", "teacherDeaf")).toBe(10);
  });

  it("accepts a recovery code in place of a code, once", async () => {
    const { recoveryCodes } = await setUp("leaderFe");
    const first = await passwordStep("leaderFe");
    const used = await first.client.post("/login/two-step", { code: recoveryCodes[0]! });
    expect([302, 303]).toContain(used.status);
    expect(first.client.cookie(SESSION_COOKIE)).toBeTruthy();
    expect(await auditCount("two-step.recovery-code-used", "leaderFe")).toBe(1);

    const second = await passwordStep("leaderFe");
    const again = await second.client.post("/login/two-step", { code: recoveryCodes[0]! });
    expect(again.status).toBe(400);
    expect(second.client.cookie(SESSION_COOKIE)).toBeUndefined();
  });

  it("remembers a browser for 30 days when asked, and forgets it after them or after a new password", async () => {
    const { secret } = await setUp("teacherDance");
    const { client } = await passwordStep("teacherDance");
    const res = await client.post("/login/two-step", { code: await codeFor("teacherDance", secret), remember: "on" });
    const remembered = res.setCookies.find((c) => c.name === REMEMBERED_COOKIE)!;
    expect(remembered.attributes).toMatchObject({
      httponly: "",
      samesite: "Lax",
      path: "/login",
      "max-age": "2592000",
    });

    const browser = () => {
      const next = new HttpClient(app.origin);
      next.setCookie(REMEMBERED_COOKIE, client.cookie(REMEMBERED_COOKIE)!);
      return next;
    };
    const within = await passwordStep("teacherDance", browser());
    expect(within.res.location, "within 30 days the code is skipped").toBe("/home");
    expect(within.client.cookie(SESSION_COOKIE)).toBeTruthy();
    expect((await passwordStep("teacherDance")).res.location, "another browser is still asked").toBe("/login/two-step");

    const device = await store.rememberedDevice.findFirstOrThrow({ where: { userId: idOf("teacherDance") } });
    expect(device.expiresAt.getTime() - device.createdAt.getTime()).toBeLessThanOrEqual(30 * 86_400_000 + 5_000);
    await store.rememberedDevice.update({ where: { id: device.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await passwordStep("teacherDance", browser())).res.location, "after 30 days").toBe("/login/two-step");

    await store.rememberedDevice.update({
      where: { id: device.id },
      data: { expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect((await passwordStep("teacherDance", browser())).res.location).toBe("/home");
    const newPassword = "a new password for the term";
    await store.user.update({
      where: { id: idOf("teacherDance") },
      data: { passwordHash: await hashPassword(newPassword) },
    });
    const after = await browser().signIn(emailOf("teacherDance"), newPassword);
    expect(after.location, "a new password forgets remembered browsers").toBe("/login/two-step");
  });

  it("is reset by the coordinator from the member's page (audited): the member is signed out and sets up again", async () => {
    const coordinator = (await setUp("coordinator")).client;
    const member = (await setUp("teacherFe")).client;
    const teacher = (await setUp("teacherSpecial")).client;
    const memberPage = `/people/${idOf("teacherFe")}`;
    expect((await coordinator.get(memberPage)).body).toContain("Reset two-step sign-in");

    expect((await teacher.post(memberPage, { intent: "reset-two-step" })).status, "only the coordinator").toBe(403);
    // A sensitive change: the coordinator confirms it's them first.
    const unconfirmed = await coordinator.post(memberPage, { intent: "reset-two-step" });
    expect(unconfirmed.location).toMatch(/^\/confirm\?/);
    expect(await store.auditEvent.count({ where: { action: "two-step.reset" } })).toBe(0);
    expect((await coordinator.post("/confirm", { password: DEMO_PASSWORD, redirectTo: memberPage })).status).toBe(302);
    const reset = await coordinator.post(memberPage, { intent: "reset-two-step" });
    expect(reset.status).toBe(200);
    expect(reset.body).toContain("two-step sign-in has been reset");
    const audit = await store.auditEvent.findFirstOrThrow({
      where: { action: "two-step.reset", subjectId: idOf("teacherFe") },
    });
    expect(audit.actorId).toBe(idOf("coordinator"));

    expectToLogin(await member.get("/home"));
    expect((await passwordStep("teacherFe")).res.location).toBe("/login/set-up");
  });
});
