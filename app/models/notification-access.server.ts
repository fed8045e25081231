// A notification that quotes a comment (a mention, a reply, a comment on a plan) shows its text, title and link only
// while its recipient may still read what it is on, judged now by the comments' own rules: losing access to a plan, a
// deployment or a meeting hides what was said there at once, on the notifications page and in the digest (issue 17).
import { isCommentSubjectType, type CommentSubjectType } from "~/lib/comments";
import { actorOfMember, type Actor } from "~/policies/actor";
import { canReadComments } from "~/policies/comment";
import { loadCommentSubjects, type CommentSubject } from "./comment-subjects.server";
import { db } from "./db.server";

/** The kinds that carry a comment's (or a mention's) words and the title of what it is on. */
const QUOTING_KINDS: ReadonlySet<string> = new Set(["mentioned", "thread-reply", "plan-comment"]);

const HIDDEN_TITLES: Record<string, string> = {
  mentioned: "A mention in something you can no longer open",
  "thread-reply": "A reply in a conversation you can no longer open",
  "plan-comment": "A comment on a plan you can no longer open",
};

interface AboutSubject {
  kind: string;
  partnershipId: string;
  subjectType: string;
  subjectId: string;
}

interface Shown {
  title: string;
  body: string;
  href: string;
}

const quotes = (n: AboutSubject) => QUOTING_KINDS.has(n.kind) && isCommentSubjectType(n.subjectType);
const keyOf = (partnershipId: string, type: string, id: string) => `${partnershipId}|${type}|${id}`;

/** What a list of notifications quotes, loaded once for the list: one batch per kind of subject, each subject once. */
export type QuotedSubjects = ReadonlyMap<string, CommentSubject>;

export async function loadQuotedSubjects(notifications: readonly AboutSubject[]): Promise<QuotedSubjects> {
  const wanted = new Map<string, { partnershipId: string; type: CommentSubjectType; ids: Set<string> }>();
  for (const n of notifications) {
    if (!QUOTING_KINDS.has(n.kind) || !isCommentSubjectType(n.subjectType)) continue;
    const group = `${n.partnershipId}|${n.subjectType}`;
    const entry = wanted.get(group) ?? { partnershipId: n.partnershipId, type: n.subjectType, ids: new Set() };
    entry.ids.add(n.subjectId);
    wanted.set(group, entry);
  }
  const loaded = await Promise.all(
    [...wanted.values()].map((w) => loadCommentSubjects(w.partnershipId, w.type, [...w.ids])),
  );
  return new Map(loaded.flat().map((s) => [keyOf(s.partnershipId, s.type, s.id), s]));
}

/**
 * Whether the recipient may still read what the notification quotes (always, for a kind that quotes nothing); a
 * recipient no policy knows (null) reads nothing quoted.
 */
export function mayStillRead(recipient: Actor | null, notification: AboutSubject, subjects: QuotedSubjects): boolean {
  if (!quotes(notification)) return true;
  if (!recipient) return false;
  const subject = subjects.get(keyOf(notification.partnershipId, notification.subjectType, notification.subjectId));
  return Boolean(subject && canReadComments(recipient, subject.factsFor(recipient)));
}

/** The notification as its recipient may see it now: a quoting one they can no longer open says only that. */
export function asSeenBy<N extends AboutSubject & Shown>(
  recipient: Actor,
  notification: N,
  subjects: QuotedSubjects,
): Omit<N, "href"> & { href: string | null } {
  if (mayStillRead(recipient, notification, subjects)) return notification;
  return { ...notification, title: HIDDEN_TITLES[notification.kind]!, body: "", href: null };
}

/**
 * Why an email written for a notification should no longer go, checked just before it is sent (an SMTP server down
 * for hours keeps it waiting): its recipient closed their account, what it told of was deleted, or it quotes
 * something they can no longer open. Null: send it. Emails not written for one notification (digests, built from
 * what was readable when queued) are not judged here.
 */
export async function withdrawnBecause(email: { dedupeKey: string; recipientId: string }): Promise<string | null> {
  const recipient = await db().user.findFirst({
    where: { id: email.recipientId, deactivatedAt: null },
    select: { id: true, role: true, partnershipId: true, institutionId: true },
  });
  if (!recipient) return "The recipient's account is closed.";
  const notificationId = /^notification:(.+)$/.exec(email.dedupeKey)?.[1];
  if (!notificationId) return null;
  const notification = await db().notification.findUnique({
    where: { id: notificationId },
    select: { kind: true, partnershipId: true, subjectType: true, subjectId: true },
  });
  if (!notification) return "What it told of has been deleted.";
  const readable = mayStillRead(actorOfMember(recipient), notification, await loadQuotedSubjects([notification]));
  return readable ? null : "The recipient can no longer open what it quotes.";
}
