// Signing in with email and password, throttled without letting an attacker lock
// a user out: failures count per network address, per account, and per trusted
// browser. A browser where the user signed in before carries a device cookie
// (OWASP's "device cookie" pattern) and is judged by its own counter, so a flood
// of guesses from elsewhere that blocks the account does not block the owner.
import { db } from "./db.server";
import { recordAudit } from "./audit.server";
import { spendVerificationTime, verifyPassword } from "./passwords.server";
import type { ClientMeta } from "~/lib/request.server";
import { startSession, type Cookie } from "./sessions.server";
import { clearFailures, releaseAttempt, reserveAttempt, type ThrottleRule } from "./throttle.server";
import { normaliseEmail } from "~/lib/email";
import { generateToken, hashToken } from "~/lib/tokens.server";
import { beginSecondStep, type SecondStep } from "./two-step-sign-in.server";
import { demoSignInRefused } from "./demo-partnership.server";

const MINUTE = 60_000;
export const SIGN_IN_RULES = {
  perAddress: { maxFailures: 50, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
  perAccount: { maxFailures: 10, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
  perDevice: { maxFailures: 10, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
} satisfies Record<string, ThrottleRule>;

export const TRUSTED_DEVICE_DAYS = 180;

const accountThrottleKey = (email: string) => `sign-in:account:${email}`;
const deviceThrottleKey = (deviceId: string) => `sign-in:device:${deviceId}`;

export type SignInResult =
  | { ok: true; userId: string; sessionCookie: Cookie; deviceToken: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "second-step"; secondStep: SecondStep; deviceToken: string }
  | { ok: false; reason: "demo-elsewhere" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

async function trustedDeviceFor(deviceToken: string | null, email: string) {
  if (!deviceToken) return null;
  const device = await db().trustedDevice.findUnique({
    where: { id: hashToken(deviceToken) },
    include: { user: true },
  });
  if (!device || device.expiresAt < new Date() || device.user.email !== email) return null;
  return device;
}

export async function signIn(input: {
  email: string;
  password: string;
  deviceToken: string | null;
  meta: ClientMeta;
  twoStep?: { rememberedDeviceToken: string | null; redirectTo: string | undefined };
}): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const addressKey = `sign-in:address:${input.meta.ipAddress}`;
  const device = await trustedDeviceFor(input.deviceToken, email);
  // A trusted browser is throttled on its own; any other attempt on the account's.
  const accountKey = device ? deviceThrottleKey(device.id) : accountThrottleKey(email);
  const accountRule = device ? SIGN_IN_RULES.perDevice : SIGN_IN_RULES.perAccount;

  // Both counters are taken before the password is checked, so parallel guesses cannot all pass (decision 005).
  // The account's first: a flood of guesses at one account then never holds the address's attempts for long.
  const accountReservation = await reserveAttempt(accountKey, accountRule);
  if (!accountReservation.reserved) {
    return { ok: false, reason: "throttled", retryAfterMs: accountReservation.retryAfterMs };
  }
  const addressReservation = await reserveAttempt(addressKey, SIGN_IN_RULES.perAddress);
  if (!addressReservation.reserved) {
    await releaseAttempt(accountKey, accountRule);
    return { ok: false, reason: "throttled", retryAfterMs: addressReservation.retryAfterMs };
  }

  const user = await db().user.findUnique({ where: { email } });
  const valid =
    user && user.passwordHash && !user.deactivatedAt
      ? await verifyPassword(user.passwordHash, input.password)
      : (await spendVerificationTime(input.password), false);

  if (!valid || !user) {
    // The reserved attempts stay counted: they were failures.
    if (user) {
      await recordAudit({
        partnershipId: user.partnershipId,
        actorId: null,
        action: "sign-in.failed",
        subjectType: "user",
        subjectId: user.id,
        ipAddress: input.meta.ipAddress,
      });
    }
    return { ok: false, reason: "invalid" };
  }
  // The demo's password is published: away from this computer its sign-ins count as failures (issue 14).
  if (await demoSignInRefused(user, input.meta)) return { ok: false, reason: "demo-elsewhere" };

  await releaseAttempt(addressKey, SIGN_IN_RULES.perAddress);
  await clearFailures(accountKey);
  const deviceToken = device && input.deviceToken ? input.deviceToken : generateToken();
  if (!device) {
    await db().trustedDevice.create({
      data: {
        id: hashToken(deviceToken),
        userId: user.id,
        expiresAt: new Date(Date.now() + TRUSTED_DEVICE_DAYS * 86_400_000),
      },
    });
  }
  // Two-step sign-in (decision 015): no session until the second step, which has its own pages.
  const secondStep = await beginSecondStep(user, input.twoStep ?? { rememberedDeviceToken: null, redirectTo: "" });
  if (secondStep) return { ok: false, reason: "second-step", secondStep, deviceToken };
  const { cookie } = await startSession(user.id, input.meta);
  await recordAudit({
    partnershipId: user.partnershipId,
    actorId: user.id,
    action: "sign-in",
    subjectType: "user",
    subjectId: user.id,
    ipAddress: input.meta.ipAddress,
  });
  return { ok: true, userId: user.id, sessionCookie: cookie, deviceToken };
}

/**
 * Forgets the failed sign-ins counted against an account and its trusted browsers, so that a member
 * whose password has just been reset is not kept waiting by guesses made before it. Failures counted
 * against a network address stay: they are not the account's.
 */
export async function clearSignInThrottle(user: { id: string; email: string }): Promise<void> {
  const devices = await db().trustedDevice.findMany({ where: { userId: user.id }, select: { id: true } });
  for (const key of [accountThrottleKey(user.email), ...devices.map((d) => deviceThrottleKey(d.id))])
    await clearFailures(key);
}
