// Notifications: one row per recipient per event, written by the model that makes the event happen (a comment, an
// action assigned, an agenda circulated). Each recipient's choice for the kind decides delivery: the bell (pushed
// live), an email at once (an outbox row in the same transaction) or the daily digest (decision 025).
import { config } from "~/config.server";
import type { DeliveryChoice, NotificationKind } from "~/lib/notification-kinds";
import { db } from "./db.server";
import { enqueueEmail } from "./email-outbox.server";
import { nudgeEmailSender, publishUnreadCounts } from "./notification-hooks.server";
import { deliveryChoicesFor } from "./notification-preferences.server";

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

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

/** One recipient's notification and, if they asked for it at once, its email: both or neither. */
async function tellOne(input: NotificationInput, member: { id: string; email: string }, choice: DeliveryChoice) {
  return db().$transaction(async (tx) => {
    if (input.dedupeKey) {
      const existing = await tx.notification.findUnique({
        where: { recipientId_dedupeKey: { recipientId: member.id, dedupeKey: input.dedupeKey } },
        select: { id: true },
      });
      if (existing) return false;
    }
    const notification = await tx.notification.create({
      data: {
        partnershipId: input.partnershipId,
        recipientId: member.id,
        actorId: input.actorId,
        kind: input.kind,
        title: input.title,
        body: input.body ?? "",
        href: input.href,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        dedupeKey: input.dedupeKey ?? null,
        inApp: choice.inApp,
        emailDigest: choice.email === "digest",
      },
    });
    if (choice.email === "immediate") {
      const link = `${config().publicUrl}${input.href}`;
      await enqueueEmail(
        {
          partnershipId: input.partnershipId,
          recipient: member,
          kind: input.kind,
          dedupeKey: `notification:${notification.id}`,
          subject: input.title,
          text: [input.title, input.body ?? "", `Open it in Staffroom: ${link}`].filter(Boolean).join("\n\n"),
          unsubscribeKinds: [input.kind],
        },
        tx,
      );
    }
    return true;
  });
}

/** Writes the notifications of one event; returns the ids of the members newly notified. */
export async function notify(input: NotificationInput): Promise<string[]> {
  const recipients = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (recipients.length === 0) return [];
  const members = await db().user.findMany({
    where: { id: { in: recipients }, partnershipId: input.partnershipId, deactivatedAt: null },
    select: { id: true, email: true },
  });
  const choices = await deliveryChoicesFor(
    members.map((m) => m.id),
    input.kind,
  );
  const notified: string[] = [];
  let emailed = false;
  for (const member of members) {
    const choice = choices.get(member.id)!;
    if (!choice.inApp && choice.email === "off") continue;
    try {
      if (!(await tellOne(input, member, choice))) continue;
    } catch (error) {
      // The same event told at the same moment in another request: that one wrote it.
      if (isUniqueViolation(error)) continue;
      throw error;
    }
    notified.push(member.id);
    emailed ||= choice.email === "immediate";
  }
  await publishUnreadCounts(notified.filter((id) => choices.get(id)!.inApp));
  if (emailed) nudgeEmailSender();
  return notified;
}

/** Deleting a record deletes what told people about it. */
export async function deleteNotificationsAbout(subjectType: string, subjectIds: readonly string[]): Promise<void> {
  if (subjectIds.length === 0) return;
  await db().notification.deleteMany({ where: { subjectType, subjectId: { in: [...subjectIds] } } });
}
