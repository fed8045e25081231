// The daily email digest: at DIGEST_HOUR (London), each member's notifications waiting for the digest become one
// email, grouped by kind, with a link per kind to stop those emails. Written to the outbox in one transaction with
// the notifications' digestedAt, and keyed by member and day, so running it twice (or in two processes) sends one.
// A comment on something the member can no longer open is left out (it is marked digested all the same).
import { config } from "~/config.server";
import { isNotificationKind, NOTIFICATION_KIND_LABELS, type NotificationKind } from "~/lib/notification-kinds";
import { ukDayOf, ukTimeOf } from "~/lib/uk-calendar";
import { actorOfMember } from "~/policies/actor";
import { db } from "./db.server";
import { enqueueEmail } from "./email-outbox.server";
import { loadQuotedSubjects, mayStillRead, type QuotedSubjects } from "./notification-access.server";
import { nudgeEmailSender } from "./notification-hooks.server";
import { unsubscribeUrl } from "./unsubscribe-links.server";

interface DigestItem {
  id: string;
  kind: string;
  title: string;
  href: string;
}

function digestText(userId: string, day: string, items: DigestItem[]): { text: string; kinds: NotificationKind[] } {
  const kinds = [...new Set(items.map((item) => item.kind))].filter(isNotificationKind);
  const sections = kinds.map((kind) => {
    const lines = items
      .filter((item) => item.kind === kind)
      .map((item) => `- ${item.title}\n  ${config().publicUrl}${item.href}`);
    const stop = `  (Stop emails about this: ${unsubscribeUrl(userId, [kind])})`;
    return `${NOTIFICATION_KIND_LABELS[kind]}\n${lines.join("\n")}\n${stop}`;
  });
  return { text: `Your Staffroom digest for ${day}\n\n${sections.join("\n\n")}`, kinds };
}

type Recipient = { id: string; role: string; partnershipId: string; institutionId: string };

/** What the member may still read now. */
function stillReadable<I extends DigestItem & { partnershipId: string; subjectType: string; subjectId: string }>(
  recipient: Recipient,
  items: I[],
  subjects: QuotedSubjects,
): I[] {
  const actor = actorOfMember(recipient);
  return items.filter((item) => mayStillRead(actor, item, subjects));
}

function markDigested(
  items: readonly { id: string }[],
  now: Date,
  tx: Pick<ReturnType<typeof db>, "notification"> = db(),
) {
  return tx.notification.updateMany({ where: { id: { in: items.map((i) => i.id) } }, data: { digestedAt: now } });
}

/** Queues today's digests once it is DIGEST_HOUR or later in London; returns how many were queued. */
export async function queueDailyDigests(now = new Date()): Promise<number> {
  const hour = Number(ukTimeOf(now).slice(0, 2));
  if (hour < config().digestHour) return 0;
  const day = ukDayOf(now);
  const waiting = await db().notification.findMany({
    where: { emailDigest: true, digestedAt: null, createdAt: { lte: now } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      title: true,
      href: true,
      recipientId: true,
      partnershipId: true,
      subjectType: true,
      subjectId: true,
    },
  });
  const byRecipient = new Map<string, typeof waiting>();
  for (const item of waiting) byRecipient.set(item.recipientId, [...(byRecipient.get(item.recipientId) ?? []), item]);
  const subjects = await loadQuotedSubjects(waiting);
  let queued = 0;
  for (const [recipientId, waitingFor] of byRecipient) {
    const recipient = await db().user.findFirst({
      where: { id: recipientId, deactivatedAt: null },
      select: { id: true, email: true, role: true, partnershipId: true, institutionId: true },
    });
    if (!recipient) continue;
    const items = stillReadable(recipient, waitingFor, subjects);
    if (items.length === 0) {
      await markDigested(waitingFor, now);
      continue;
    }
    const { text, kinds } = digestText(recipientId, day, items);
    const written = await db().$transaction(async (tx) => {
      const fresh = await enqueueEmail(
        {
          partnershipId: items[0]!.partnershipId,
          recipient,
          kind: "digest",
          dedupeKey: `digest:${recipientId}:${day}`,
          subject: `Staffroom: ${items.length} thing${items.length === 1 ? "" : "s"} for you, ${day}`,
          text,
          unsubscribeKinds: kinds,
        },
        tx,
      );
      // A digest already went today: what came since waits for tomorrow's.
      if (fresh) await markDigested(waitingFor, now, tx);
      return fresh;
    });
    if (written) queued++;
  }
  if (queued > 0) nudgeEmailSender();
  return queued;
}
