// Signing in with two steps (decision 015). A right password for a member who uses two-step sign-in (or must, and
// has not set it up) starts no session: it leaves a pending sign-in, named by a short-lived cookie, that only the
// second-step and set-up pages read. The session starts when the code is right, so nothing else (pages, actions,
// sockets) can tell a half-signed-in browser from a signed-out one.
import type { ClientMeta } from "~/lib/request.server";
import { REMEMBER_DEVICE_DAYS } from "~/lib/forms/two-step";
import { isRole } from "~/lib/roles";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { generateToken, hashToken } from "~/lib/tokens.server";
import { twoStepRequired } from "~/policies/two-step";
import { recordAudit } from "./audit.server";
import { db } from "./db.server";
import { startSession, type Cookie } from "./sessions.server";
import { clearFailures, releaseAttempt, reserveAttempt, type ThrottleRule } from "./throttle.server";
import { checkSecondStep, confirmEnrolment, enrolmentView, twoStepFacts, type EnrolmentView } from "./two-step.server";

const MINUTE = 60_000;
export const PENDING_SIGN_IN_MINUTES = 15;
/** As many guesses as the password gets (sign-in.server.ts): a 6-digit code then holds for years of guessing. */
const SECOND_STEP_RULE: ThrottleRule = { maxFailures: 10, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE };

const secondStepThrottleKey = (userId: string) => `two-step:account:${userId}`;

export interface SecondStep {
  step: "code" | "set-up";
  pendingToken: string;
}

interface SignInUser {
  id: string;
  role: string;
  partnershipId: string;
  institutionId: string;
  passwordHash: string | null;
}

/** Ties a remembered browser to the password it was remembered under: a new password forgets every browser. */
function passwordStamp(passwordHash: string | null): string {
  return hashToken(`remembered-device:${passwordHash ?? ""}`);
}

async function isRememberedDevice(user: SignInUser, token: string | null): Promise<boolean> {
  if (!token) return false;
  const device = await db().rememberedDevice.findUnique({ where: { id: hashToken(token) } });
  return (
    device !== null &&
    device.userId === user.id &&
    device.expiresAt > new Date() &&
    device.passwordStamp === passwordStamp(user.passwordHash)
  );
}

/**
 * After a right password: null when the member may be signed in at once (no two-step sign-in, or a browser they
 * asked to be remembered), otherwise the pending sign-in and which page finishes it.
 */
export async function beginSecondStep(
  user: SignInUser,
  input: { rememberedDeviceToken: string | null; redirectTo: string | undefined },
): Promise<SecondStep | null> {
  const [enrolment, facts] = await Promise.all([
    db().twoStepEnrolment.findUnique({ where: { userId: user.id }, select: { secret: true } }),
    twoStepFacts(user),
  ]);
  const enrolled = Boolean(enrolment?.secret);
  if (!enrolled && !(isRole(user.role) && twoStepRequired({ role: user.role }, facts))) return null;
  if (enrolled && (await isRememberedDevice(user, input.rememberedDeviceToken))) return null;
  const pendingToken = generateToken();
  const now = Date.now();
  await db().pendingSignIn.deleteMany({ where: { userId: user.id, expiresAt: { lt: new Date(now) } } });
  await db().pendingSignIn.create({
    data: {
      id: hashToken(pendingToken),
      userId: user.id,
      redirectTo: safeRedirectPath(input.redirectTo),
      expiresAt: new Date(now + PENDING_SIGN_IN_MINUTES * MINUTE),
    },
  });
  return { step: enrolled ? "code" : "set-up", pendingToken };
}

async function readPendingSignIn(token: string | null) {
  if (!token) return null;
  const pending = await db().pendingSignIn.findUnique({
    where: { id: hashToken(token) },
    include: { user: { include: { twoStep: { select: { secret: true } } } } },
  });
  if (!pending || pending.expiresAt <= new Date() || pending.user.deactivatedAt) return null;
  return { ...pending, enrolled: Boolean(pending.user.twoStep?.secret) };
}

/** Which page a pending sign-in belongs on, or null when there is none (expired, used, or never made). */
export async function pendingSignInStep(token: string | null): Promise<SecondStep["step"] | null> {
  const pending = await readPendingSignIn(token);
  if (!pending) return null;
  return pending.enrolled ? "code" : "set-up";
}

interface CompletedSignIn {
  sessionCookie: Cookie;
  rememberedDeviceToken: string | null;
  redirectTo: string;
}

async function completeSignIn(
  pending: NonNullable<Awaited<ReturnType<typeof readPendingSignIn>>>,
  meta: ClientMeta,
  how: "code" | "recovery-code" | "set-up",
  remember: boolean,
): Promise<CompletedSignIn | null> {
  // One pending sign-in starts one session, however many requests finish it at once.
  const { count } = await db().pendingSignIn.deleteMany({ where: { id: pending.id } });
  if (count === 0) return null;
  const { cookie } = await startSession(pending.userId, meta);
  let rememberedDeviceToken: string | null = null;
  if (remember) {
    rememberedDeviceToken = generateToken();
    await db().rememberedDevice.create({
      data: {
        id: hashToken(rememberedDeviceToken),
        userId: pending.userId,
        passwordStamp: passwordStamp(pending.user.passwordHash),
        expiresAt: new Date(Date.now() + REMEMBER_DEVICE_DAYS * 24 * 60 * MINUTE),
      },
    });
  }
  await recordAudit({
    partnershipId: pending.user.partnershipId,
    actorId: pending.userId,
    action: "sign-in",
    subjectType: "user",
    subjectId: pending.userId,
    detail: { secondStep: how, rememberDevice: remember },
    ipAddress: meta.ipAddress,
  });
  return { sessionCookie: cookie, rememberedDeviceToken, redirectTo: pending.redirectTo };
}

export type SecondStepResult =
  | ({ ok: true } & CompletedSignIn)
  | { ok: false; reason: "expired" | "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

/** The second step: a code from the app or a recovery code, counted against the account like a password guess. */
export async function submitSecondStep(input: {
  pendingToken: string | null;
  code: string;
  remember: boolean;
  meta: ClientMeta;
}): Promise<SecondStepResult> {
  const pending = await readPendingSignIn(input.pendingToken);
  if (!pending?.enrolled) return { ok: false, reason: "expired" };
  const key = secondStepThrottleKey(pending.userId);
  const reservation = await reserveAttempt(key, SECOND_STEP_RULE);
  if (!reservation.reserved) return { ok: false, reason: "throttled", retryAfterMs: reservation.retryAfterMs };
  const how = await checkSecondStep(pending.userId, input.code);
  const audit = { partnershipId: pending.user.partnershipId, subjectType: "user", subjectId: pending.userId };
  if (!how) {
    await recordAudit({
      ...audit,
      actorId: null,
      action: "sign-in.second-step-failed",
      ipAddress: input.meta.ipAddress,
    });
    return { ok: false, reason: "invalid" };
  }
  await releaseAttempt(key, SECOND_STEP_RULE);
  await clearFailures(key);
  if (how === "recovery-code") {
    const left = await db().recoveryCode.count({ where: { userId: pending.userId, usedAt: null } });
    await recordAudit({
      ...audit,
      actorId: pending.userId,
      action: "two-step.recovery-code-used",
      detail: { left },
      ipAddress: input.meta.ipAddress,
    });
  }
  const completed = await completeSignIn(pending, input.meta, how, input.remember);
  return completed ? { ok: true, ...completed } : { ok: false, reason: "expired" };
}

/** The set-up page of a member who must set up two-step sign-in before their first session. */
export async function pendingEnrolmentView(token: string | null): Promise<EnrolmentView | null> {
  const pending = await readPendingSignIn(token);
  if (!pending || pending.enrolled) return null;
  return enrolmentView(pending.user);
}

export type SetUpResult = ({ ok: true; recoveryCodes: string[] } & CompletedSignIn) | { ok: false; reason: "expired" };

/** Confirms the app with its first code and signs the member in; a wrong code throws a field error. */
export async function submitPendingEnrolment(input: {
  pendingToken: string | null;
  code: string;
  meta: ClientMeta;
}): Promise<SetUpResult> {
  const pending = await readPendingSignIn(input.pendingToken);
  if (!pending || pending.enrolled) return { ok: false, reason: "expired" };
  const recoveryCodes = await confirmEnrolment(pending.user, input.code, input.meta.ipAddress);
  const completed = await completeSignIn(pending, input.meta, "set-up", false);
  return completed ? { ok: true, recoveryCodes, ...completed } : { ok: false, reason: "expired" };
}
