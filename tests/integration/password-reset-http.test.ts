// Password reset links through the real production server over HTTP: only the
// coordinator makes one (403 for other roles and for their own account, 404 across
// partnerships), cross-site posts are refused, the reset page answers field by field,
// and using the link signs the member out everywhere, live sockets included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "~/lib/tokens.server";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser, type DemoUserKey } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase, type SeededDatabase } from "../support/databases";
import { HttpClient, signedInClient, type HttpResult } from "../support/http-client";
import { connectSocket, disconnected, nextEvent } from "../support/socket-client";

const FOREIGN_ORIGIN = "https://evil.example";
const NEW_PASSWORD = "a quiet staffroom at four";

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
const signIn = (key: DemoUserKey) => signedInClient(app.origin, demoUser(key).email, DEMO_PASSWORD);
const userId = async (key: DemoUserKey) =>
  (await store.user.findUniqueOrThrow({ where: { email: demoUser(key).email } })).id;
const createLink = (coordinator: HttpClient, memberId: string, origin?: string | null) =>
  coordinator.post(`/people/${memberId}`, { intent: "create-password-reset" }, origin === undefined ? {} : { origin });

/** The coordinator, signed in and past "Confirm it's you" (a reset link needs a recent password confirmation). */
async function confirmedCoordinator(): Promise<HttpClient> {
  const coordinator = await signIn("coordinator");
  expect((await coordinator.post("/confirm", { password: DEMO_PASSWORD })).status).toBe(302);
  return coordinator;
}

/** The coordinator makes a link on the member's page; returns its path. */
async function resetLink(memberKey: DemoUserKey): Promise<string> {
  const res = await createLink(await confirmedCoordinator(), await userId(memberKey));
  expect(res.status).toBe(200);
  const match = /\/reset\/([A-Za-z0-9_-]{43})\b/.exec(res.body);
  expect(match, "the page shows the link").not.toBeNull();
  return `/reset/${match![1]}`;
}

/** The error message the page ties to a field through its aria-describedby, or null. */
function fieldError(body: string, name: string): string | null {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(body)?.[0] ?? "";
  if (!input.includes('aria-invalid="true"')) return null;
  for (const id of /aria-describedby="([^"]*)"/.exec(input)?.[1]?.split(" ") ?? []) {
    const message = new RegExp(`id="${id}"><span class="visually-hidden">Error: </span>([^<]*)<`).exec(body)?.[1];
    if (message) return message;
  }
  return null;
}

function expectRedirectToLogin(res: HttpResult) {
  expect([302, 303]).toContain(res.status);
  expect(res.location).toMatch(/^\/login/);
}

describe("making a password reset link", () => {
  it("is for the coordinator only: every other role gets 403 and no link is made", async () => {
    const id = await userId("teacherDance");
    for (const key of ["leader", "teacher", "lsa"] as const) {
      expect((await createLink(await signIn(key), id)).status, key).toBe(403);
    }
    expect(await store.passwordReset.count({ where: { userId: id } })).toBe(0);
  });

  it("answers 404 for a member of another partnership, and 403 for the coordinator's own account", async () => {
    const coordinator = await signIn("coordinator");
    const foreignId = other.userIds.get("teacher")!;
    expect((await createLink(coordinator, foreignId)).status).toBe(404);
    expect((await createLink(coordinator, await userId("coordinator"))).status).toBe(403);
    expect(await store.passwordReset.count()).toBe(0);
  });

  it("refuses a cross-site post, or one without an Origin, even with the coordinator's cookie", async () => {
    const coordinator = await signIn("coordinator");
    const id = await userId("teacherDance");
    expect((await createLink(coordinator, id, FOREIGN_ORIGIN)).status).toBe(403);
    expect((await createLink(coordinator, id, null)).status).toBe(403);
    expect(await store.passwordReset.count({ where: { userId: id } })).toBe(0);
  });

  it("shows the link once, with how long it works; only its hash is stored", async () => {
    const coordinator = await confirmedCoordinator();
    const id = await userId("leaderFe");
    const res = await createLink(coordinator, id);
    expect(res.status).toBe(200);
    expect(res.body).toContain("Password reset link");
    expect(res.body.replaceAll("<!-- -->", "")).toContain("It works once, for 24 hours");
    const token = /\/reset\/([A-Za-z0-9_-]{43})\b/.exec(res.body)![1]!;
    expect((await store.passwordReset.findFirstOrThrow({ where: { userId: id } })).tokenHash).toBe(hashToken(token));
    const later = await coordinator.get(`/people/${id}`);
    expect(later.status).toBe(200);
    expect(later.body).not.toContain(token);
    expect(later.body).toContain("has not been used yet");
  });
});

describe("using a password reset link", () => {
  it("shows whose account it is, and answers a mismatch or a weak password beside the field", async () => {
    const link = await resetLink("teacherDeaf");
    const member = client();
    const page = await member.get(link);
    expect(page.status).toBe(200);
    expect(page.body).toContain(demoUser("teacherDeaf").name);
    expect(page.headers.get("cache-control")).toContain("no-store");

    const mismatch = await member.post(link, { password: NEW_PASSWORD, confirmPassword: "a quiet staffroom at five" });
    expect(mismatch.status).toBe(400);
    expect(fieldError(mismatch.body, "confirmPassword")).toBe("The two passwords do not match.");
    expect(fieldError(mismatch.body, "password")).toBeNull();
    const common = await member.post(link, { password: "password", confirmPassword: "password" });
    expect(common.status).toBe(400);
    expect(fieldError(common.body, "password")).toContain("commonly used");
    const short = await member.post(link, { password: "chalk", confirmPassword: "chalk" });
    expect(short.status).toBe(400);
    expect(fieldError(short.body, "password")).toBe("Use at least 8 characters (15 or more is better).");
    expect(short.body).not.toContain('value="chalk"');

    expect(
      (await store.passwordReset.findFirstOrThrow({ where: { userId: await userId("teacherDeaf") } })).usedAt,
    ).toBeNull();
    await signIn("teacherDeaf"); // the old password still works
  });

  it("sets the password, signs the member out everywhere, closes their sockets and sends them to sign in", async () => {
    const { email } = demoUser("teacherSpecial");
    const laptop = await signIn("teacherSpecial");
    const phone = await signIn("teacherSpecial");
    const socket = await connectSocket(app.origin, { cookie: laptop.cookieHeader() });
    const ended = nextEvent(socket, "session:ended");
    const closed = disconnected(socket);
    const link = await resetLink("teacherSpecial");

    const res = await client().post(link, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect([302, 303]).toContain(res.status);
    expect(res.location).toBe("/login?password=changed");
    expect(await ended).toEqual({ reason: "signed-out" });
    expect(await closed).toBe("io server disconnect");
    expectRedirectToLogin(await laptop.get("/home"));
    expectRedirectToLogin(await phone.get("/home"));

    expect((await client().get("/login?password=changed")).body).toContain("Your password has been changed");
    expect((await client().signIn(email, DEMO_PASSWORD)).status).toBe(400);
    await signedInClient(app.origin, email, NEW_PASSWORD);

    // The link is used up: it says so (410), and posting to it again changes nothing.
    const again = await client().get(link);
    expect(again.status).toBe(410);
    expect(again.body).toContain("This password reset link no longer works");
    expect(again.body).not.toContain(demoUser("teacherSpecial").name);
    expect(
      (await client().post(link, { password: "someone else's phrase", confirmPassword: "someone else's phrase" }))
        .status,
    ).toBe(410);
    await signedInClient(app.origin, email, NEW_PASSWORD);
  });

  it("answers 404 for an unknown link and 410 for an expired one, with the same page", async () => {
    const unknown = await client().get(`/reset/${"A".repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain("This password reset link no longer works");

    const link = await resetLink("lsa");
    await store.passwordReset.updateMany({
      where: { userId: await userId("lsa") },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await client().get(link);
    expect(expired.status).toBe(410);
    expect(expired.body).toContain("This password reset link no longer works");
    expect((await client().post(link, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).status).toBe(410);
    await signIn("lsa");
  });

  it("refuses a cross-site post to the reset page; the link still works afterwards", async () => {
    const link = await resetLink("teacherFe");
    const res = await client().post(
      link,
      { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { origin: FOREIGN_ORIGIN },
    );
    expect(res.status).toBe(403);
    await signIn("teacherFe");
    expect((await client().get(link)).status).toBe(200);
  });
});
