// A member's own notifications, as the bell and the notifications page show them: only their own, only those they
// chose to see in Staffroom, newest first, each quoting only what they may still read; marking read touches nothing
// but their own rows.
import { DomainError } from "~/lib/errors";
import type { Actor } from "~/policies/actor";
import { canReadNotification } from "~/policies/notification";
import { db } from "./db.server";
import { asSeenBy, loadQuotedSubjects } from "./notification-access.server";
import { countUnreadNotifications } from "./notification-count.server";

const NOTIFICATIONS_PAGE_SIZE = 20;

export type InboxFilter = "all" | "unread";

const mine = (actor: Actor) => ({ recipientId: actor.id, partnershipId: actor.partnershipId, inApp: true });

export async function listNotifications(actor: Actor, options: { filter: InboxFilter; page: number }) {
  const where = { ...mine(actor), ...(options.filter === "unread" ? { readAt: null } : {}) };
  const page = Math.max(1, options.page);
  const [rows, total, unread] = await Promise.all([
    db().notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        title: true,
        body: true,
        href: true,
        createdAt: true,
        readAt: true,
        partnershipId: true,
        subjectType: true,
        subjectId: true,
      },
    }),
    db().notification.count({ where }),
    countUnreadNotifications(actor.id),
  ]);
  // Hidden rather than left out, so the count, the pages and "mark all as read" still agree with what is listed.
  const subjects = await loadQuotedSubjects(rows);
  return {
    notifications: rows.map((row) => {
      const { id, title, body, href, createdAt, readAt } = asSeenBy(actor, row, subjects);
      return { id, title, body, href, createdAt, readAt };
    }),
    total,
    unread,
    page,
    pageCount: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)),
  };
}

/** Marks one of the actor's notifications read (or unread again); another member's is "not found". */
export async function setNotificationRead(actor: Actor, notificationId: string, read: boolean, now = new Date()) {
  const notification = await db().notification.findUnique({
    where: { id: notificationId },
    select: { id: true, partnershipId: true, recipientId: true, inApp: true },
  });
  if (!notification || !notification.inApp || !canReadNotification(actor, notification))
    throw new DomainError("not-found", "We could not find that notification.");
  await db().notification.update({ where: { id: notification.id }, data: { readAt: read ? now : null } });
}

export async function markAllNotificationsRead(actor: Actor, now = new Date()): Promise<number> {
  const { count } = await db().notification.updateMany({
    where: { ...mine(actor), readAt: null },
    data: { readAt: now },
  });
  return count;
}
