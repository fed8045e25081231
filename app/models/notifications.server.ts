// Notifications: one row per recipient per event, written by the model that makes the event happen (a comment, an
// action assigned, an agenda circulated). Delivery (the bell, live pushes, email) reads these rows.
import { db } from "./db.server";

export type NotificationKind =
  | "mentioned"
  | "thread-reply"
  | "plan-comment"
  | "deployment-assigned"
  | "deployment-changed"
  | "deployment-removed"
  | "briefing-unread"
  | "feedback-returned"
  | "action-assigned"
  | "action-due-tomorrow"
  | "action-overdue"
  | "agenda-circulated"
  | "minutes-awaiting-approval"
  | "meeting-moved"
  | "meeting-cancelled";

export interface NotificationInput {
  partnershipId: string;
  kind: NotificationKind;
  /** Members to tell; the actor is never told of their own act, and each recipient once. */
  recipientIds: readonly string[];
  actorId: string | null;
  /** One line, plain text: "Sarah Whitfield mentioned you on Year 10 Sport: warm-up". */
  title: string;
  /** Optional plain-text excerpt (a comment's first lines). */
  body?: string;
  /** Where the notification leads, a path inside Staffroom. */
  href: string;
  /** The record it is about: deleting the record deletes its notifications (see deleteNotificationsAbout). */
  subjectType: string;
  subjectId: string;
  /** Same key, same recipient: one notification (a retry or a second post never tells twice). */
  dedupeKey?: string;
}

/** Writes the notifications of one event; returns the ids of the members newly notified. */
export async function notify(input: NotificationInput): Promise<string[]> {
  const recipients = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (recipients.length === 0) return [];
  const members = await db().user.findMany({
    where: { id: { in: recipients }, partnershipId: input.partnershipId, deactivatedAt: null },
    select: { id: true },
  });
  const notified: string[] = [];
  for (const { id } of members) {
    const data = {
      partnershipId: input.partnershipId,
      recipientId: id,
      actorId: input.actorId,
      kind: input.kind,
      title: input.title,
      body: input.body ?? "",
      href: input.href,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      dedupeKey: input.dedupeKey ?? null,
    };
    if (input.dedupeKey) {
      const existing = await db().notification.findUnique({
        where: { recipientId_dedupeKey: { recipientId: id, dedupeKey: input.dedupeKey } },
        select: { id: true },
      });
      if (existing) continue;
    }
    await db().notification.create({ data });
    notified.push(id);
  }
  return notified;
}

/** Deleting a record deletes what told people about it. */
export async function deleteNotificationsAbout(subjectType: string, subjectIds: readonly string[]): Promise<void> {
  if (subjectIds.length === 0) return;
  await db().notification.deleteMany({ where: { subjectType, subjectId: { in: [...subjectIds] } } });
}
