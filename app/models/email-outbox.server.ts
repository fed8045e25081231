// The durable email outbox (decision 025). Rows are written in the transaction of the event they tell of; every
// process's sender (server/ops/mail-sender.ts) claims one due row at a time with a lease, sends it and marks it sent.
// A row whose lease ran out (its process died mid-send) is due again, with the same Message-ID.
import { createHash } from "node:crypto";
import { config } from "~/config.server";
import type { NotificationKind } from "~/lib/notification-kinds";
import type { Db } from "./db.server";
import { db } from "./db.server";
import { unsubscribeUrl } from "./unsubscribe-links.server";

type Tx = Pick<Db, "emailOutbox">;

/** After this many failed attempts a message is given up on (shown as failed on the outbox page). */
const MAX_EMAIL_ATTEMPTS = 8;

const OUTBOX_PAGE_SIZE = 30;

export interface OutgoingEmail {
  partnershipId: string;
  recipient: { id: string; email: string };
  kind: NotificationKind | "digest";
  /** One message per recipient per event: a second enqueue with the same key is ignored. */
  dedupeKey: string;
  subject: string;
  /** The message's text without the unsubscribe footer, which is added here. */
  text: string;
  unsubscribeKinds: readonly NotificationKind[];
}

function messageIdOf(dedupeKey: string): string {
  const domain = /@([^>\s]+)/.exec(config().mailFrom)?.[1] ?? "staffroom.invalid";
  return `<${createHash("sha256").update(dedupeKey).digest("hex").slice(0, 32)}@${domain}>`;
}

/** Writes a message to the outbox (inside the caller's transaction when given); false when it was there already. */
export async function enqueueEmail(email: OutgoingEmail, tx: Tx = db()): Promise<boolean> {
  const existing = await tx.emailOutbox.findUnique({ where: { dedupeKey: email.dedupeKey }, select: { id: true } });
  if (existing) return false;
  const link = unsubscribeUrl(email.recipient.id, email.unsubscribeKinds);
  await tx.emailOutbox.create({
    data: {
      partnershipId: email.partnershipId,
      recipientId: email.recipient.id,
      toAddress: email.recipient.email,
      kind: email.kind,
      dedupeKey: email.dedupeKey,
      messageId: messageIdOf(email.dedupeKey),
      subject: email.subject,
      text: `${email.text}\n\n--\nTo stop these emails, open: ${link}\n(Staffroom will still show them in the bell.)\n`,
      unsubscribeKinds: email.unsubscribeKinds.join(","),
    },
  });
  return true;
}

export type ClaimedEmail = NonNullable<Awaited<ReturnType<typeof findDueEmail>>>;

function findDueEmail(now: Date) {
  return db().emailOutbox.findFirst({
    where: {
      OR: [
        { status: "pending", nextAttemptAt: { lte: now } },
        { status: "sending", leaseUntil: { lt: now } },
      ],
    },
    orderBy: { nextAttemptAt: "asc" },
  });
}

/**
 * Takes the next due message for this process: a conditional update on the row as it was read, so of two
 * processes only one wins it, and the lease keeps others away while it is sent.
 */
export async function claimDueEmail(now = new Date(), leaseMs = config().mailLeaseSeconds * 1000) {
  for (let tries = 0; tries < 5; tries++) {
    const due = await findDueEmail(now);
    if (!due) return null;
    const { count } = await db().emailOutbox.updateMany({
      where: { id: due.id, status: due.status, attempts: due.attempts },
      data: { status: "sending", leaseUntil: new Date(now.getTime() + leaseMs), attempts: due.attempts + 1 },
    });
    if (count === 1) return { ...due, attempts: due.attempts + 1 };
  }
  return null;
}

/** The SMTP server accepted the message: it is never sent again. */
export async function markEmailSent(id: string, now = new Date()): Promise<void> {
  await db().emailOutbox.update({
    where: { id },
    data: { status: "sent", sentAt: now, leaseUntil: null, lastError: "" },
  });
}

/** Not to be sent after all (notification-access withdrawnBecause): kept, with the reason, for the outbox page. */
export async function markEmailWithdrawn(id: string, reason: string): Promise<void> {
  await db().emailOutbox.update({ where: { id }, data: { status: "withdrawn", leaseUntil: null, lastError: reason } });
}

/** Refused or unreachable: due again after a wait that doubles with each attempt, until MAX_EMAIL_ATTEMPTS. */
export async function markEmailFailed(email: ClaimedEmail, error: string, now = new Date()): Promise<void> {
  const waitMs = Math.min(config().mailPollMs * 2 ** (email.attempts - 1), 6 * 3600_000);
  const givenUp = email.attempts >= MAX_EMAIL_ATTEMPTS;
  await db().emailOutbox.update({
    where: { id: email.id },
    data: {
      status: givenUp ? "failed" : "pending",
      leaseUntil: null,
      lastError: error.slice(0, 500),
      nextAttemptAt: new Date(now.getTime() + waitMs),
    },
  });
}

/** The coordinator's view of the partnership's outbox, newest first. */
export async function listOutbox(partnershipId: string, page: number) {
  const where = { partnershipId };
  const [total, rows] = await Promise.all([
    db().emailOutbox.count({ where }),
    db().emailOutbox.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        toAddress: true,
        kind: true,
        subject: true,
        status: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        sentAt: true,
        nextAttemptAt: true,
      },
    }),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}
