// Mentions written inside a co-edited document tell the member mentioned, once per mention, from the server: where
// the live engine copies a document's text out (document-projections.server.ts), never on the word of a client. A
// member who may not read the document is not told (the `@` list said so when they were chosen), and neither is
// anyone outside the partnership; the rules are the comments' (comment-people.server.ts).
import { mentionsInState } from "~/lib/document-schema/mentions";
import { loadMembers, mayRead } from "./comment-people.server";
import { loadCommentSubject } from "./comment-subjects.server";
import { db } from "./db.server";
import { notify } from "./notifications.server";

const KEY_PREFIX = "document-mention:";

/** One notification per (document, member, mention id): a retry, another copy-out or a restart never tells twice. */
const dedupeKeyOf = (documentId: string, mentionId: string) => `${KEY_PREFIX}${documentId}:${mentionId}`;

/**
 * Tells each member the document's current state mentions, if they may read it and have not been told of that
 * mention yet; returns who was told. (The `@` list never offers the writer themself.)
 */
export async function notifyDocumentMentions(ownerType: string, ownerId: string, state: Uint8Array): Promise<string[]> {
  const mentions = mentionsInState(state);
  if (mentions.length === 0) return [];
  const document = await db().collabDocument.findUnique({
    where: { ownerType_ownerId: { ownerType, ownerId } },
    select: { id: true, partnershipId: true },
  });
  if (!document) return [];
  const told = await db().notification.findMany({
    where: {
      subjectType: "document",
      subjectId: document.id,
      kind: "mentioned",
      dedupeKey: { startsWith: KEY_PREFIX },
    },
    select: { recipientId: true, dedupeKey: true },
  });
  const done = new Set(told.map((n) => `${n.recipientId}|${n.dedupeKey}`));
  const waiting = mentions.filter((m) => !done.has(`${m.personId}|${dedupeKeyOf(document.id, m.mentionId)}`));
  if (waiting.length === 0) return [];
  const [subject, members] = await Promise.all([
    loadCommentSubject(document.partnershipId, "document", document.id),
    loadMembers(document.partnershipId),
  ]);
  if (!subject) return [];
  const notified: string[] = [];
  for (const mention of waiting) {
    if (!mayRead(subject, members.get(mention.personId))) continue;
    const recipients = await notify({
      partnershipId: subject.partnershipId,
      kind: "mentioned",
      recipientIds: [mention.personId],
      // Who wrote the mention is not known here (several people may have written since the last copy), so no one is
      // named as its author.
      actorId: null,
      title: `You were mentioned in ${subject.title}`,
      body: mention.line.trim().slice(0, 280),
      href: subject.href,
      subjectType: "document",
      subjectId: document.id,
      dedupeKey: dedupeKeyOf(document.id, mention.mentionId),
    });
    notified.push(...recipients);
  }
  return notified;
}
