// A member's own notifications, as the bell and the notifications page show them: only their own, only those they
// chose to see in Staffroom, newest first, each quoting only what they may still read; marking read touches nothing
// but their own rows.
import { Prisma } from "~/generated/sqlite/client";
import { DomainError } from "~/lib/errors";
import type { Actor } from "~/policies/actor";
import { canReadNotification } from "~/policies/notification";
import { db } from "./db.server";
import { asSeenBy, loadQuotedSubjects } from "./notification-access.server";

const NOTIFICATIONS_PAGE_SIZE = 20;

export type InboxFilter = "all" | "unread";

const mine = (actor: Actor) => ({ recipientId: actor.id, partnershipId: actor.partnershipId, inApp: true });

interface InboxRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  href: string;
  createdAt: Date;
  readAt: Date | null;
  partnershipId: string;
  subjectType: string;
  subjectId: string;
}

/**
 * A page of the inbox in two raw statements (the page's rows; both counts), not three Prisma model queries: the page
 * is opened from every bell, and Prisma's own work per query was most of its cost. The unread count is the bell's
 * (countUnreadNotifications: every partnership's, as the bell counts).
 */
export async function listNotifications(actor: Actor, options: { filter: InboxFilter; page: number }) {
  const page = Math.max(1, options.page);
  const unreadOnly = options.filter === "unread" ? Prisma.sql`AND n."readAt" IS NULL` : Prisma.empty;
  const listed = Prisma.sql`n."recipientId" = ${actor.id} AND n."partnershipId" = ${actor.partnershipId}
    AND n."inApp" = TRUE ${unreadOnly}`;
  const [rows, [counts]] = await Promise.all([
    db().$queryRaw<InboxRow[]>`
      SELECT n."id", n."kind", n."title", n."body", n."href", n."createdAt", n."readAt", n."partnershipId",
        n."subjectType", n."subjectId"
      FROM "Notification" n
      WHERE ${listed}
      ORDER BY n."createdAt" DESC, n."id" DESC
      LIMIT ${NOTIFICATIONS_PAGE_SIZE} OFFSET ${(page - 1) * NOTIFICATIONS_PAGE_SIZE}`,
    db().$queryRaw<{ total: number | bigint; unread: number | bigint }[]>`
      SELECT (SELECT COUNT(*) FROM "Notification" n WHERE ${listed}) AS "total",
        (SELECT COUNT(*) FROM "Notification" n
          WHERE n."recipientId" = ${actor.id} AND n."inApp" = TRUE AND n."readAt" IS NULL) AS "unread"`,
  ]);
  // SQLite answers counts as numbers, PostgreSQL as bigints.
  const total = Number(counts!.total);
  // Hidden rather than left out, so the count, the pages and "mark all as read" still agree with what is listed.
  const subjects = await loadQuotedSubjects(rows);
  return {
    notifications: rows.map((row) => {
      const { id, title, body, href, createdAt, readAt } = asSeenBy(actor, row, subjects);
      return { id, title, body, href, createdAt, readAt };
    }),
    total,
    unread: Number(counts!.unread),
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
