// Two-step sign-in at the model level, on SQLite and PostgreSQL: an app is confirmed only by its own code, the secret
// is stored sealed, a code works once (even sent twice at once), a recovery code works once, and the coordinator's
// reset removes everything and signs the member out.
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { pruneExpiredAuthRecords } from "~/models/maintenance.server";
import { startSession, validateSessionToken } from "~/models/sessions.server";
import {
  checkSecondStep,
  confirmEnrolment,
  enrolmentView,
  regenerateRecoveryCodes,
  resetTwoStep,
  twoStepStatus,
} from "~/models/two-step.server";
import type { DemoUserKey } from "../../prisma/seed-data";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

const meta = { userAgent: "vitest", ipAddress: "127.0.0.1" };
const stepOf = (at: Date) => Math.floor(at.getTime() / 30_000);
const codeAt = (secret: Uint8Array, step: number) => generateHOTP(secret, BigInt(step), 6);

describe.each(PROVIDERS)("two-step sign-in on %s", (provider) => {
  const database = useModelDatabase(provider);
  const userOf = async (key: DemoUserKey) =>
    db().user.findUniqueOrThrow({ where: { id: idOf(database.demo.userIds, key) } });

  /** Sets up an app for the member as the set-up page would; returns the secret the app holds and the codes. */
  async function enrol(key: DemoUserKey, now = new Date()) {
    const user = await userOf(key);
    const view = await enrolmentView(user);
    const secret = decodeBase32IgnorePadding(view.secretText.replace(/\s/g, ""));
    const recoveryCodes = await confirmEnrolment(user, codeAt(secret, stepOf(now)), "", now);
    return { user, secret, recoveryCodes };
  }

  it("confirms an app only with its own code, and keeps the secret sealed", async () => {
    const user = await userOf("teacher");
    const view = await enrolmentView(user);
    expect((await enrolmentView(user)).secretText, "a reload shows the same key").toBe(view.secretText);
    expect(view.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    await expect(confirmEnrolment(user, "000000", "")).rejects.toMatchObject({ field: "code" });
    expect((await twoStepStatus(user.id)).enrolled).toBe(false);

    const secret = decodeBase32IgnorePadding(view.secretText.replace(/\s/g, ""));
    const codes = await confirmEnrolment(user, codeAt(secret, stepOf(new Date())), "");
    expect(codes).toHaveLength(10);
    const stored = await db().twoStepEnrolment.findUniqueOrThrow({ where: { userId: user.id } });
    expect(stored.pendingSecret).toBeNull();
    expect(stored.secret).toMatch(/^v1\./);
    expect(stored.secret).not.toContain(view.secretText.replace(/\s/g, ""));
    const hashes = await db().recoveryCode.findMany({ where: { userId: user.id } });
    expect(hashes.map((h) => h.codeHash)).not.toContain(codes[0]);
    expect(await db().auditEvent.count({ where: { action: "two-step.enrolled", subjectId: user.id } })).toBe(1);
  });

  it("accepts a code once: the same code again, or twice at once, passes one time only", async () => {
    const enrolledAt = new Date(Date.now() - 60_000);
    const { user, secret } = await enrol("leader", enrolledAt);
    const now = new Date();
    const code = codeAt(secret, stepOf(now));
    const results = await Promise.all([checkSecondStep(user.id, code, now), checkSecondStep(user.id, code, now)]);
    expect(results.filter((r) => r === "code")).toHaveLength(1);
    expect(await checkSecondStep(user.id, code, now)).toBeNull();
    expect(await checkSecondStep(user.id, codeAt(secret, stepOf(now) - 1), now), "an older step").toBeNull();
    expect(await checkSecondStep(user.id, codeAt(secret, stepOf(now) + 1), now), "the next step").toBe("code");
  });

  it("accepts each recovery code once, however it is typed, even when sent twice at once", async () => {
    const { user, recoveryCodes } = await enrol("leaderFe");
    const [first, second] = recoveryCodes;
    const results = await Promise.all([checkSecondStep(user.id, first!), checkSecondStep(user.id, first!)]);
    expect(results.filter((r) => r === "recovery-code")).toHaveLength(1);
    expect(await checkSecondStep(user.id, first!)).toBeNull();
    expect(await checkSecondStep(user.id, second!.toUpperCase().replace("-", " "))).toBe("recovery-code");
    expect((await twoStepStatus(user.id)).recoveryCodesLeft).toBe(8);

    const renewed = await regenerateRecoveryCodes({ actor: await actorOf(user.id), ipAddress: "" });
    expect(await checkSecondStep(user.id, recoveryCodes[2]!), "old codes stop working").toBeNull();
    expect(await checkSecondStep(user.id, renewed[0]!)).toBe("recovery-code");
  });

  it("is reset by the coordinator: app, codes and remembered browsers gone, sessions ended, audited", async () => {
    const { user } = await enrol("teacherFe");
    await db().rememberedDevice.create({
      data: { id: "remembered-1", userId: user.id, passwordStamp: "x", expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const { cookie } = await startSession(user.id, meta);
    const coordinator = await actorOf(idOf(database.demo.userIds, "coordinator"));
    await resetTwoStep({ actor: coordinator, ipAddress: "10.0.0.9" }, user);

    expect(await twoStepStatus(user.id)).toMatchObject({ enrolled: false, recoveryCodesLeft: 0 });
    expect(await db().rememberedDevice.count({ where: { userId: user.id } })).toBe(0);
    expect((await validateSessionToken(cookie.value)).user).toBeNull();
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "two-step.reset", subjectId: user.id } });
    expect(audit).toMatchObject({ actorId: coordinator.id, ipAddress: "10.0.0.9" });

    const foreign = await actorOf(idOf(database.other.userIds, "coordinator"));
    await expect(resetTwoStep({ actor: foreign, ipAddress: "" }, user)).rejects.toMatchObject({ code: "not-found" });
  });

  it("forgets expired pending sign-ins and remembered browsers in the housekeeping, and keeps the rest", async () => {
    const userId = idOf(database.demo.userIds, "lsa");
    const [past, future] = [new Date(Date.now() - 1000), new Date(Date.now() + 600_000)];
    await db().pendingSignIn.createMany({
      data: [
        { id: "pending-old", userId, expiresAt: past },
        { id: "pending-new", userId, expiresAt: future },
      ],
    });
    await db().rememberedDevice.createMany({
      data: [
        { id: "remembered-old", userId, passwordStamp: "x", expiresAt: past },
        { id: "remembered-new", userId, passwordStamp: "x", expiresAt: future },
      ],
    });
    await pruneExpiredAuthRecords();
    expect((await db().pendingSignIn.findMany({ where: { userId } })).map((p) => p.id)).toEqual(["pending-new"]);
    expect((await db().rememberedDevice.findMany({ where: { userId } })).map((d) => d.id)).toEqual(["remembered-new"]);
  });
});
