// Re-authentication before sensitive account changes (role changes, password reset links, password and two-step
// sign-in changes): the member confirms their password, the session records when, and for
// REAUTHENTICATION_VALID_MINUTES the changes are allowed. The password check is the account page's one: throttled
// like signing in and audited when it fails.
import { redirect } from "@remix-run/node";
import { config } from "~/config.server";
import { tooManyAttemptsMessage } from "~/lib/forms/auth";
import type { ActionContext } from "~/policies/actor";
import { auditAction, recordAudit } from "./audit.server";
import { db } from "./db.server";
import { verifyPassword } from "./passwords.server";
import type { UserSession } from "./sessions.server";
import { SIGN_IN_RULES } from "./sign-in.server";
import { clearFailures, reserveAttempt } from "./throttle.server";

const CONFIRM_PATH = "/confirm";

/** Whether the session confirmed the member's password recently enough for a sensitive change. */
export function isRecentlyAuthenticated(session: Pick<UserSession, "reauthenticatedAt">, now = Date.now()): boolean {
  const at = session.reauthenticatedAt?.getTime();
  return at !== undefined && now - at < config().reauthenticationValidMinutes * 60_000 && at <= now;
}

/** The page a request came from, as a same-site path: a Remix data request's address without its `.data`. */
function pagePath(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("_routes");
  url.searchParams.delete("index");
  const pathname = url.pathname === "/_root.data" ? "/" : url.pathname.replace(/\.data$/, "");
  return `${pathname}${url.search}`;
}

/**
 * Call first in a loader or action that makes a sensitive change: unless the session confirmed the password within
 * REAUTHENTICATION_VALID_MINUTES, it throws a redirect to "Confirm it's you", which sends the member back to this page
 * afterwards. A refused post is not carried out: the confirm page says so, and the member makes the change again.
 */
export function requireRecentAuthentication(request: Request, session: UserSession | null): void {
  if (session && isRecentlyAuthenticated(session)) return;
  const params = new URLSearchParams({ redirectTo: pagePath(request) });
  if (request.method !== "GET" && request.method !== "HEAD") params.set("retry", "1");
  throw redirect(`${CONFIRM_PATH}?${params}`);
}

export type PasswordCheck = { ok: true } | { ok: false; message: string; retryAfterMs?: number };

/** Asking for the current password is throttled like signing in: a stolen session cannot be used to guess it. */
const currentPasswordThrottleKey = (userId: string) => `current-password:user:${userId}`;

/** Checks the signed-in member's own password: counted before the check (decision 005), audited when wrong. */
export async function checkCurrentPassword(
  userId: string,
  password: string,
  ipAddress: string,
): Promise<PasswordCheck> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  const throttleKey = currentPasswordThrottleKey(userId);
  const reservation = await reserveAttempt(throttleKey, SIGN_IN_RULES.perAccount);
  if (!reservation.reserved) {
    const { retryAfterMs } = reservation;
    return { ok: false, message: tooManyAttemptsMessage(retryAfterMs), retryAfterMs };
  }
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    await recordAudit({
      partnershipId: user.partnershipId,
      actorId: userId,
      action: "password.check-failed",
      subjectType: "user",
      subjectId: userId,
      ipAddress,
    });
    return { ok: false, message: "That is not your password." };
  }
  await clearFailures(throttleKey);
  return { ok: true };
}

/** "Confirm it's you": checks the password and, when right, marks the session as recently authenticated. */
export async function confirmItsYou(ctx: ActionContext, sessionId: string, password: string): Promise<PasswordCheck> {
  const check = await checkCurrentPassword(ctx.actor.id, password, ctx.ipAddress);
  if (!check.ok) return check;
  await db().session.updateMany({
    where: { id: sessionId, userId: ctx.actor.id },
    data: { reauthenticatedAt: new Date() },
  });
  await auditAction(ctx, { action: "reauthenticated", subjectType: "user", subjectId: ctx.actor.id });
  return check;
}
