// How long a session may sit unused before it ends: SESSION_IDLE_HOURS, or the shorter
// STUDENT_DETAIL_SESSION_IDLE_MINUTES for the roles that see student details in full.
import { config } from "~/config.server";
import { isRole } from "~/lib/roles";
import { roleSeesStudentDetails } from "~/policies/student";

const MINUTE = 60_000;

export function idleTimeoutMs(role: string): number {
  const cfg = config();
  return isRole(role) && roleSeesStudentDetails(role)
    ? cfg.studentDetailSessionIdleMinutes * MINUTE
    : cfg.sessionIdleHours * 60 * MINUTE;
}

/**
 * The new inactivity expiry of a session used at `now`, or null when the stored one may stay. The expiry moves at
 * most every five minutes (every half-period for shorter ones), so that busy pages do not write on every request,
 * and it is pulled in at once when the role's period is shorter than what is stored (a changed setting).
 */
export function slidIdleExpiry(expiresAt: Date, role: string, now = Date.now()): Date | null {
  const idleMs = idleTimeoutMs(role);
  const left = expiresAt.getTime() - now;
  const step = Math.min(idleMs / 2, 5 * MINUTE);
  return left > idleMs || left < idleMs - step ? new Date(now + idleMs) : null;
}
