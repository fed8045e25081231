// Two-step sign-in for one member (decision 015): setting up an authenticator app (confirmed by its first code),
// checking a code or a single-use recovery code, new recovery codes, turning it off, and the coordinator's reset
// after a lost phone. Signing in with it is two-step-sign-in.server.ts.
import QRCode from "qrcode";
import type { ActionContext } from "~/policies/actor";
import type { Role } from "~/lib/roles";
import { twoStepRequired, type TwoStepFacts } from "~/policies/two-step";
import { DomainError, invalidField } from "~/lib/errors";
import { changedBy, noticeAccountChange } from "./account-notices.server";
import { auditAction, recordAudit } from "./audit.server";
import { db } from "./db.server";
import { endAllSessions } from "./sessions.server";
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  openSecret,
  sealSecret,
  secretForTyping,
  totpKeyUri,
  totpStepOf,
} from "./two-step-secrets.server";

export interface TwoStepStatus {
  enrolled: boolean;
  enrolledAt: Date | null;
  recoveryCodesLeft: number;
}

export async function twoStepStatus(userId: string): Promise<TwoStepStatus> {
  const [enrolment, recoveryCodesLeft] = await Promise.all([
    db().twoStepEnrolment.findUnique({ where: { userId }, select: { secret: true, confirmedAt: true } }),
    db().recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  const enrolled = Boolean(enrolment?.secret);
  return { enrolled, enrolledAt: enrolled ? (enrolment?.confirmedAt ?? null) : null, recoveryCodesLeft };
}

/** What the set-up page shows: a QR code (an SVG data URL, which the page's img-src allows) and the secret to type. */
export interface EnrolmentView {
  qrCode: string;
  secretText: string;
}

/**
 * The secret of the device being set up: made on the first visit and kept (sealed) until its first code confirms it,
 * so reloading the page shows the same QR code. Only this page ever shows it; once confirmed it is never sent again.
 */
export async function enrolmentView(user: { id: string; email: string }): Promise<EnrolmentView> {
  const existing = await db().twoStepEnrolment.findUnique({ where: { userId: user.id } });
  let secret: Uint8Array;
  if (existing?.pendingSecret) {
    secret = openSecret(existing.pendingSecret);
  } else {
    secret = newTotpSecret();
    const pendingSecret = sealSecret(secret);
    await db().twoStepEnrolment.upsert({
      where: { userId: user.id },
      create: { userId: user.id, pendingSecret },
      update: { pendingSecret },
    });
  }
  const svg = await QRCode.toString(totpKeyUri(secret, user.email), {
    type: "svg",
    margin: 2,
    errorCorrectionLevel: "M",
  });
  return {
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    secretText: secretForTyping(secret),
  };
}

/**
 * Confirms the device being set up with its first code: it replaces any earlier device, the recovery codes are made
 * anew (returned once, stored hashed) and remembered browsers are forgotten. Throws a field error for a wrong code.
 */
export async function confirmEnrolment(
  user: { id: string; partnershipId: string },
  code: string,
  ipAddress: string,
  now = new Date(),
): Promise<string[]> {
  const enrolment = await db().twoStepEnrolment.findUnique({ where: { userId: user.id } });
  if (!enrolment?.pendingSecret) throw new DomainError("conflict", "Start setting up your app again.");
  const step = totpStepOf(openSecret(enrolment.pendingSecret), code, now);
  if (step === null) {
    throw invalidField("code", "That code does not match. Enter the 6-digit code your app shows now.");
  }
  const codes = newRecoveryCodes();
  await db().$transaction([
    db().twoStepEnrolment.update({
      where: { userId: user.id },
      data: { secret: enrolment.pendingSecret, pendingSecret: null, confirmedAt: now, lastCounter: step },
    }),
    db().recoveryCode.deleteMany({ where: { userId: user.id } }),
    db().recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) }),
    db().rememberedDevice.deleteMany({ where: { userId: user.id } }),
  ]);
  await recordAudit({
    partnershipId: user.partnershipId,
    actorId: user.id,
    action: "two-step.enrolled",
    subjectType: "user",
    subjectId: user.id,
    ipAddress,
  });
  await noticeAccountChange(user, "two-step-changed", "Two-step sign-in was set up with an app on your phone.");
  return codes;
}

export type SecondStepCheck = "code" | "recovery-code" | null;

/**
 * Checks a code from the app, or a recovery code, which is then used up. Both are claimed by one conditional
 * update, so two requests with the same code cannot both pass.
 */
export async function checkSecondStep(userId: string, input: string, now = new Date()): Promise<SecondStepCheck> {
  if (looksLikeRecoveryCode(input)) {
    const { count } = await db().recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(input), usedAt: null },
      data: { usedAt: now },
    });
    return count === 1 ? "recovery-code" : null;
  }
  const enrolment = await db().twoStepEnrolment.findUnique({ where: { userId } });
  if (!enrolment?.secret) return null;
  const step = totpStepOf(openSecret(enrolment.secret), input, now);
  if (step === null) return null;
  const { count } = await db().twoStepEnrolment.updateMany({
    where: { userId, OR: [{ lastCounter: null }, { lastCounter: { lt: step } }] },
    data: { lastCounter: step },
  });
  return count === 1 ? "code" : null;
}

/** New recovery codes for the signed-in member: the old ones stop working. Returned once; only hashes are kept. */
export async function regenerateRecoveryCodes(ctx: ActionContext): Promise<string[]> {
  const status = await twoStepStatus(ctx.actor.id);
  if (!status.enrolled) throw new DomainError("forbidden", "Set up two-step sign-in first.");
  const codes = newRecoveryCodes();
  await db().$transaction([
    db().recoveryCode.deleteMany({ where: { userId: ctx.actor.id } }),
    db().recoveryCode.createMany({
      data: codes.map((c) => ({ userId: ctx.actor.id, codeHash: hashRecoveryCode(c) })),
    }),
  ]);
  await auditAction(ctx, { action: "two-step.recovery-codes-renewed", subjectType: "user", subjectId: ctx.actor.id });
  await noticeAccountChange(
    ctx.actor,
    "two-step-changed",
    "New recovery codes were made: the old ones no longer work.",
  );
  return codes;
}

async function forgetTwoStep(userId: string): Promise<void> {
  await db().$transaction([
    db().twoStepEnrolment.deleteMany({ where: { userId } }),
    db().recoveryCode.deleteMany({ where: { userId } }),
    db().rememberedDevice.deleteMany({ where: { userId } }),
  ]);
}

/** The member turns it off for themselves (the route checks it is not required of them). */
export async function turnOffTwoStep(ctx: ActionContext): Promise<void> {
  await forgetTwoStep(ctx.actor.id);
  await auditAction(ctx, { action: "two-step.turned-off", subjectType: "user", subjectId: ctx.actor.id });
  await noticeAccountChange(ctx.actor, "two-step-changed", "Two-step sign-in was turned off for your account.");
}

/**
 * A lost phone: the coordinator removes the member's app, recovery codes and remembered browsers, and signs them
 * out everywhere, so whoever holds the phone or a signed-in browser gets nothing. They set up again at next sign-in.
 */
export async function resetTwoStep(ctx: ActionContext, member: { id: string; partnershipId: string }): Promise<void> {
  if (member.partnershipId !== ctx.actor.partnershipId) throw new DomainError("not-found", "No such member.");
  await forgetTwoStep(member.id);
  await endAllSessions(member.id);
  await auditAction(ctx, { action: "two-step.reset", subjectType: "user", subjectId: member.id });
  const message = `${await changedBy(ctx.actor.id)} reset your two-step sign-in. Set it up again as you sign in.`;
  await noticeAccountChange(member, "two-step-reset", message);
}

/** The facts the rule of who must use two-step sign-in asks about (app/policies/two-step.ts). */
export async function twoStepFacts(member: { partnershipId: string; institutionId: string }): Promise<TwoStepFacts> {
  const [partnership, student] = await Promise.all([
    db().partnership.findUniqueOrThrow({ where: { id: member.partnershipId }, select: { isDemo: true } }),
    db().student.findFirst({
      where: { partnershipId: member.partnershipId, homeInstitutionId: member.institutionId },
      select: { id: true },
    }),
  ]);
  return { isDemo: partnership.isDemo, institutionHasStudents: student !== null };
}

/** The member's own view of their two-step sign-in: whether it is set up, and whether it is required of them. */
export async function ownTwoStep(actor: { id: string; role: Role; partnershipId: string; institutionId: string }) {
  const [status, facts] = await Promise.all([twoStepStatus(actor.id), twoStepFacts(actor)]);
  return { ...status, required: twoStepRequired(actor, facts) };
}
