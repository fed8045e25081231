// Notices to a member about changes to their own account (role, institution, password, access, two-step sign-in).
// Staffroom sends no email: the notice waits for the member's next page view, stays listed on their account page
// once dismissed, and each one is logged, so that a change they did not expect is seen and can be reported.
import { logger } from "../../server/logger";
import { db } from "./db.server";

export type AccountNoticeKind =
  | "role-changed"
  | "institution-changed"
  | "password-changed"
  | "password-reset-link"
  | "password-reset"
  | "deactivated"
  | "reactivated"
  | "two-step-reset"
  | "two-step-changed";

/** Tells the member about a change to their account. `message` is the sentence they read, in their words. */
export async function noticeAccountChange(
  member: { id: string; partnershipId: string },
  kind: AccountNoticeKind,
  message: string,
): Promise<void> {
  const notice = await db().accountNotice.create({
    data: { userId: member.id, partnershipId: member.partnershipId, kind, message },
  });
  logger.info("account notice", { noticeId: notice.id, userId: member.id, partnershipId: member.partnershipId, kind });
}

/** The member's notices not yet dismissed, newest first: shown on every page until dismissed. */
export async function listUndismissedAccountNotices(userId: string) {
  return db().accountNotice.findMany({
    where: { userId, dismissedAt: null },
    orderBy: { createdAt: "desc" },
    take: 5,
    select: { id: true, message: true, createdAt: true },
  });
}

/** "Changes to your account" on the account page: the latest, dismissed or not. */
export async function listAccountNotices(userId: string) {
  return db().accountNotice.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, message: true, createdAt: true, dismissedAt: true },
  });
}

/** Dismisses one of the member's own notices; false when it is not theirs or was dismissed already. */
export async function dismissAccountNotice(userId: string, noticeId: string): Promise<boolean> {
  const { count } = await db().accountNotice.updateMany({
    where: { id: noticeId, userId, dismissedAt: null },
    data: { dismissedAt: new Date() },
  });
  return count > 0;
}

/** Who made a change, by name as the member knows them. */
export async function changedBy(actorId: string): Promise<string> {
  const actor = await db().user.findUnique({ where: { id: actorId }, select: { name: true } });
  return actor?.name ?? "your partnership coordinator";
}
