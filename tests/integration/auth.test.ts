// Signing in and passwords at the model level, on SQLite and PostgreSQL.
import { parseOptions } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { hashToken } from "~/lib/tokens.server";
import { db } from "~/models/db.server";
import { changePassword } from "~/models/members.server";
import { hashPassword, isCommonPassword, passwordProblem, verifyPassword } from "~/models/passwords.server";
import { startSession, validateSessionToken } from "~/models/sessions.server";
import { signIn } from "~/models/sign-in.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { PROVIDERS } from "../support/databases";
import { idOf, useModelDatabase } from "../support/model-database";

const meta = { userAgent: "vitest", ipAddress: "10.0.0.1" };
const ARGON2ID = 2;

function expectOwaspArgon2id(passwordHash: string) {
  expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  const options = parseOptions(passwordHash);
  expect(options).toMatchObject({ algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

describe("password rules", () => {
  it("hashes with Argon2id at m=19456, t=2, p=1 and a fresh salt each time", async () => {
    const a = await hashPassword("a perfectly good phrase");
    const b = await hashPassword("a perfectly good phrase");
    expectOwaspArgon2id(a);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "a perfectly good phrase")).toBe(true);
    expect(await verifyPassword(a, "a perfectly good phrasE")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });

  it.each(["password", "Password1", "123456789", "qwertyuiop", "iloveyou", "football"])(
    "refuses the common password %s",
    (pw) => {
      expect(isCommonPassword(pw)).toBe(true);
      expect(passwordProblem(pw)).toMatch(/commonly used/);
    },
  );

  it("refuses passwords shorter than 8 or longer than 128 characters, and the email address", () => {
    expect(passwordProblem("short7!")).toMatch(/at least 8/);
    expect(passwordProblem("x".repeat(129))).toMatch(/at most 128/);
    expect(passwordProblem("helen.okafor@hollinspark.example", { email: "helen.okafor@hollinspark.example" })).toMatch(
      /email/,
    );
    expect(passwordProblem("helen.okafor", { email: "helen.okafor@hollinspark.example" })).toMatch(/email/);
  });

  it("accepts an uncommon phrase with no composition rules", () => {
    expect(passwordProblem("marmalade on the bus at dawn")).toBeNull();
    expect(passwordProblem("x".repeat(128))).toBeNull();
  });
});

describe.each(PROVIDERS)("signing in on %s", (provider) => {
  const database = useModelDatabase(provider);

  it("stores the seeded passwords as Argon2id with OWASP's parameters", async () => {
    const users = await db().user.findMany({ select: { passwordHash: true } });
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) expectOwaspArgon2id(user.passwordHash ?? "");
  });

  it("signs in with the right password and starts a new session each time", async () => {
    const { email } = demoUser("teacher");
    const first = await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta });
    const second = await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta });
    if (!first.ok || !second.ok) throw new Error("sign-in failed");
    expect(first.userId).toBe(idOf(database.demo.userIds, "teacher"));
    expect(second.sessionCookie.value).not.toBe(first.sessionCookie.value);
    for (const result of [first, second]) {
      const row = await db().session.findUnique({ where: { id: hashToken(result.sessionCookie.value) } });
      expect(row?.userId).toBe(first.userId);
      expect(row?.ipAddress).toBe(meta.ipAddress);
    }
    expect((await validateSessionToken(first.sessionCookie.value)).user?.email).toBe(email);
  });

  it("normalises the email address", async () => {
    const result = await signIn({
      email: `  ${demoUser("lsa").email.toUpperCase()} `,
      password: DEMO_PASSWORD,
      deviceToken: null,
      meta,
    });
    expect(result.ok).toBe(true);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const wrong = await signIn({
      email: demoUser("leader").email,
      password: "not the password",
      deviceToken: null,
      meta,
    });
    const unknown = await signIn({ email: "nobody@nowhere.example", password: DEMO_PASSWORD, deviceToken: null, meta });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("audits sign-ins and failed attempts", async () => {
    const userId = idOf(database.demo.userIds, "leaderFe");
    const { email } = demoUser("leaderFe");
    await signIn({ email, password: "wrong password here", deviceToken: null, meta });
    await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta });
    const actions = (
      await db().auditEvent.findMany({ where: { subjectId: userId }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["sign-in.failed", "sign-in"]));
  });

  it("refuses a deactivated member even with the right password", async () => {
    const userId = idOf(database.demo.userIds, "teacherSpecial");
    await db().user.update({ where: { id: userId }, data: { deactivatedAt: new Date() } });
    try {
      const result = await signIn({
        email: demoUser("teacherSpecial").email,
        password: DEMO_PASSWORD,
        deviceToken: null,
        meta,
      });
      expect(result).toEqual({ ok: false, reason: "invalid" });
    } finally {
      await db().user.update({ where: { id: userId }, data: { deactivatedAt: null } });
    }
  });

  it("keeps the other partnership's member separate", async () => {
    const result = await signIn({
      email: `${demoUser("teacher").email}.other`,
      password: DEMO_PASSWORD,
      deviceToken: null,
      meta,
    });
    if (!result.ok) throw new Error("sign-in failed");
    expect(result.userId).toBe(idOf(database.other.userIds, "teacher"));
    expect(result.userId).not.toBe(idOf(database.demo.userIds, "teacher"));
  });

  it("changes a password only with the current one, and ends the member's other sessions", async () => {
    const userId = idOf(database.demo.userIds, "teacherDeaf");
    const current = await startSession(userId, meta);
    const other = await startSession(userId, meta);

    const refused = await changePassword(
      userId,
      current.session.id,
      {
        currentPassword: "wrong one",
        newPassword: "a new long phrase",
      },
      "",
    );
    expect(refused).toMatchObject({ ok: false, field: "currentPassword" });

    const changed = await changePassword(
      userId,
      current.session.id,
      {
        currentPassword: DEMO_PASSWORD,
        newPassword: "a new long phrase",
      },
      "",
    );
    expect(changed).toEqual({ ok: true, endedSessions: 1, endedSessionIds: [other.session.id] });
    expect((await validateSessionToken(current.cookie.value)).user?.id).toBe(userId);
    expect((await validateSessionToken(other.cookie.value)).user).toBeNull();
    const stored = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expectOwaspArgon2id(stored.passwordHash ?? "");

    const email = demoUser("teacherDeaf").email;
    expect((await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta })).ok).toBe(false);
    expect((await signIn({ email, password: "a new long phrase", deviceToken: null, meta })).ok).toBe(true);
  });
});
