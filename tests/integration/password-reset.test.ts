// Password reset links at the model level, on SQLite and PostgreSQL: only a coordinator
// of the member's partnership makes one (never for themselves), the token is stored
// hashed, a link works once and only until it expires, a new link revokes the old, and
// using it sets the password, ends every session, forgets failed sign-ins and is audited.
import type { ActionContext, Actor } from "~/policies/actor";
import { DomainError } from "~/lib/errors";
import { describe, expect, it } from "vitest";
import { hashToken } from "~/lib/tokens.server";
import { db } from "~/models/db.server";
import { deactivateMember, reactivateMember } from "~/models/members.server";
import {
  createPasswordReset,
  findPasswordResetByToken,
  getPendingPasswordReset,
  resetPassword,
} from "~/models/password-resets.server";
import { verifyPassword } from "~/models/passwords.server";
import { startSession, validateSessionToken } from "~/models/sessions.server";
import { SIGN_IN_RULES, signIn } from "~/models/sign-in.server";
import { DEMO_PASSWORD, demoUser, type DemoUserKey } from "../../prisma/seed-data";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

/** A model call's action context for a member of the test's world (no client address unless the test gives one). */
const acting = (actor: Actor, ipAddress = ""): ActionContext => ({ actor, ipAddress });

const meta = { userAgent: "vitest", ipAddress: "127.0.0.1" };
const NEW_PASSWORD = "a quiet staffroom at four";

describe.each(PROVIDERS)("password reset links on %s", (provider) => {
  const database = useModelDatabase(provider);
  const memberId = (key: DemoUserKey) => idOf(database.demo.userIds, key);
  const coordinator = () => actorOf(memberId("coordinator"));
  const passwordHashOf = async (userId: string) =>
    (await db().user.findUniqueOrThrow({ where: { id: userId } })).passwordHash!;

  it("is made only by a coordinator of the member's partnership, and never for themselves", async () => {
    const target = memberId("teacherDance");
    for (const key of ["leader", "teacher", "lsa"] as const) {
      await expect(createPasswordReset(acting(await actorOf(memberId(key))), target), key).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    const me = await coordinator();
    await expect(createPasswordReset(acting(me), me.id)).rejects.toMatchObject({ code: "forbidden" });
    const foreignCoordinator = await actorOf(idOf(database.other.userIds, "coordinator"));
    await expect(createPasswordReset(acting(foreignCoordinator), target)).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(createPasswordReset(acting(me), idOf(database.other.userIds, "teacherDance"))).rejects.toBeInstanceOf(
      DomainError,
    );
    expect(await db().passwordReset.count()).toBe(0);

    const { reset } = await createPasswordReset(acting(me), target);
    expect(reset).toMatchObject({
      userId: target,
      partnershipId: database.demo.partnershipId,
      createdById: me.id,
      usedAt: null,
      revokedAt: null,
    });
  });

  it("stores only the SHA-256 of the link's 256-bit token", async () => {
    const { reset, token, path } = await createPasswordReset(acting(await coordinator()), memberId("leaderFe"));
    expect(path).toBe(`/reset/${token}`);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = await db().passwordReset.findUniqueOrThrow({ where: { id: reset.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await findPasswordResetByToken(token)).toMatchObject({
      state: "usable",
      user: { name: demoUser("leaderFe").name },
    });
    expect(await findPasswordResetByToken(hashToken(token))).toBeNull();
    expect(await findPasswordResetByToken("")).toBeNull();
    expect(await findPasswordResetByToken("x".repeat(200))).toBeNull();
    await expect(resetPassword({ token: "no-such-token", password: NEW_PASSWORD }, "")).rejects.toMatchObject({
      code: "gone",
    });
  });

  it("sets the new password, ends every session of the member, forgets failed sign-ins, and is audited", async () => {
    const key = "teacherDeaf";
    const userId = memberId(key);
    const { email } = demoUser(key);
    const bystanderId = memberId("lsaDeaf");
    const bystander = await startSession(bystanderId, meta);
    const laptop = await startSession(userId, meta);
    const phone = await startSession(userId, meta);
    // A browser they signed in with before, then guesses against it and against the account block both.
    const trusted = await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta });
    if (!trusted.ok) throw new Error("the member could not sign in before the reset");
    for (let i = 0; i < SIGN_IN_RULES.perAccount.maxFailures; i++) {
      await signIn({ email, password: `guess ${i}`, deviceToken: null, meta });
      await signIn({ email, password: `guess ${i}`, deviceToken: trusted.deviceToken, meta });
    }
    expect(await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await signIn({ email, password: DEMO_PASSWORD, deviceToken: trusted.deviceToken, meta })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    const sessionsBefore = await db().session.count({ where: { userId } });
    expect(sessionsBefore).toBe(3);

    const actor = await coordinator();
    const { token } = await createPasswordReset(acting(actor, "10.0.0.1"), userId);
    expect(await resetPassword({ token, password: NEW_PASSWORD }, "10.0.0.2")).toEqual({
      userId,
      endedSessions: sessionsBefore,
    });

    const passwordHash = await passwordHashOf(userId);
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(passwordHash, DEMO_PASSWORD)).toBe(false);
    expect((await validateSessionToken(laptop.cookie.value)).user).toBeNull();
    expect((await validateSessionToken(phone.cookie.value)).user).toBeNull();
    expect(await db().session.count({ where: { userId } })).toBe(0);
    expect((await validateSessionToken(bystander.cookie.value)).user?.id).toBe(bystanderId);
    expect((await findPasswordResetByToken(token))?.state).toBe("used");

    // Earlier guesses no longer hold them up, from a new browser or their trusted one; the old password is gone.
    expect((await signIn({ email, password: NEW_PASSWORD, deviceToken: null, meta })).ok).toBe(true);
    expect((await signIn({ email, password: NEW_PASSWORD, deviceToken: trusted.deviceToken, meta })).ok).toBe(true);
    expect(await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta })).toMatchObject({
      ok: false,
      reason: "invalid",
    });

    const created = await db().auditEvent.findFirstOrThrow({
      where: { action: "password-reset.created", subjectId: userId },
    });
    expect(created).toMatchObject({
      partnershipId: database.demo.partnershipId,
      actorId: actor.id,
      subjectType: "user",
      ipAddress: "10.0.0.1",
    });
    expect(JSON.parse(created.detail)).toMatchObject({ name: demoUser(key).name, email });
    const completed = await db().auditEvent.findFirstOrThrow({
      where: { action: "password-reset.completed", subjectId: userId },
    });
    expect(completed).toMatchObject({
      partnershipId: database.demo.partnershipId,
      actorId: userId,
      subjectType: "user",
      ipAddress: "10.0.0.2",
    });
    const everything = JSON.stringify(await db().auditEvent.findMany({ where: { subjectId: userId } }));
    for (const secret of [token, hashToken(token), NEW_PASSWORD, passwordHash])
      expect(everything).not.toContain(secret);
  });

  it("works only once", async () => {
    const userId = memberId("teacherSpecial");
    const { token } = await createPasswordReset(acting(await coordinator()), userId);
    await resetPassword({ token, password: NEW_PASSWORD }, "");
    const afterFirst = await passwordHashOf(userId);
    await expect(resetPassword({ token, password: "someone else's choice" }, "")).rejects.toMatchObject({
      code: "gone",
    });
    expect(await passwordHashOf(userId)).toBe(afterFirst);
  });

  it("works only once even when used twice at the same moment", async () => {
    const userId = memberId("teacher");
    const { token } = await createPasswordReset(acting(await coordinator()), userId);
    const results = await Promise.allSettled([
      resetPassword({ token, password: "first racer's phrase" }, ""),
      resetPassword({ token, password: "second racer's phrase" }, ""),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { action: "password-reset.completed", subjectId: userId } })).toBe(1);
  });

  it("expires after the configured number of hours, and cannot be used after that", async () => {
    const userId = memberId("lsa");
    const { reset, token, validHours } = await createPasswordReset(acting(await coordinator()), userId);
    expect(validHours).toBe(24);
    const hours = (reset.expiresAt.getTime() - reset.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThan(24.1);
    const before = await passwordHashOf(userId);
    await db().passwordReset.update({ where: { id: reset.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await findPasswordResetByToken(token))?.state).toBe("expired");
    await expect(resetPassword({ token, password: NEW_PASSWORD }, "")).rejects.toMatchObject({ code: "gone" });
    expect(await passwordHashOf(userId)).toBe(before);
  });

  it("is revoked when a new link is made for the member; the new one works", async () => {
    const userId = memberId("teacherFe");
    const actor = await coordinator();
    expect(await getPendingPasswordReset(database.demo.partnershipId, userId)).toBeNull();
    const first = await createPasswordReset(acting(actor), userId);
    expect(await getPendingPasswordReset(database.demo.partnershipId, userId)).toMatchObject({
      expiresAt: first.reset.expiresAt,
    });
    const second = await createPasswordReset(acting(actor), userId);
    expect((await findPasswordResetByToken(first.token))?.state).toBe("revoked");
    expect((await findPasswordResetByToken(second.token))?.state).toBe("usable");
    expect(await getPendingPasswordReset(database.demo.partnershipId, userId)).toMatchObject({
      expiresAt: second.reset.expiresAt,
    });
    expect(await getPendingPasswordReset(database.other.partnershipId, userId)).toBeNull();
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: "password-reset.created", subjectId: userId },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(audit.detail)).toMatchObject({ replacedLinks: 1 });

    await expect(resetPassword({ token: first.token, password: NEW_PASSWORD }, "")).rejects.toMatchObject({
      code: "gone",
    });
    await resetPassword({ token: second.token, password: NEW_PASSWORD }, "");
    expect(await verifyPassword(await passwordHashOf(userId), NEW_PASSWORD)).toBe(true);
  });

  it("is not made for a deactivated member, and a link made before deactivation stops working", async () => {
    const userId = memberId("leader");
    const actor = await coordinator();
    const { token } = await createPasswordReset(acting(actor), userId);
    await deactivateMember(acting(actor), userId);
    try {
      await expect(createPasswordReset(acting(actor), userId)).rejects.toMatchObject({ code: "forbidden" });
      expect((await findPasswordResetByToken(token))?.state).toBe("revoked");
      await expect(resetPassword({ token, password: NEW_PASSWORD }, "")).rejects.toMatchObject({ code: "gone" });
      expect(await verifyPassword(await passwordHashOf(userId), DEMO_PASSWORD)).toBe(true);
    } finally {
      await reactivateMember(acting(actor), userId);
    }
  });

  it("goes with the member when their account is deleted", async () => {
    const member = await db().user.create({
      data: {
        partnershipId: database.demo.partnershipId,
        institutionId: idOf(database.demo.institutionIds, "ashbury"),
        email: `short.stay.${provider}@ashburycollege.example`,
        name: "Short Stay",
        role: "teacher",
      },
    });
    await createPasswordReset(acting(await coordinator()), member.id);
    await db().user.delete({ where: { id: member.id } });
    expect(await db().passwordReset.count({ where: { userId: member.id } })).toBe(0);
  });
});
