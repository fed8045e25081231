// Comment threads and their comments: listed for whoever may read the subject, started, replied to, edited, deleted,
// resolved and reopened, each behind the comment policy; mentions, replies and comments on a plan tell the people
// concerned (notify). A thread and its first comment are written in one statement, so nothing is half-saved.
import { Prisma } from "~/generated/sqlite/client";
import { DomainError } from "~/lib/errors";
import type { CommentsData, CommentSubjectType, ThreadView } from "~/lib/comments";
import type { ActionContext, Actor } from "~/policies/actor";
import {
  canComment,
  canDeleteComment,
  canEditComment,
  canReadComments,
  canResolveThread,
  type CommentSubjectFacts,
} from "~/policies/comment";
import { checkMentions, loadMembers, mayRead, mentionCandidates, personOf, type Member } from "./comment-people.server";
import { loadCommentSubject, loadCommentSubjects, type CommentSubject } from "./comment-subjects.server";
import { db } from "./db.server";
import { notify } from "./notifications.server";

const NOT_FOUND = "We could not find that, or you can no longer see it.";
const THREAD_GONE = "This conversation has been deleted, so your reply was not saved.";
const COMMENT_GONE = "This comment has been deleted.";

export interface SubjectAccess {
  subject: CommentSubject;
  facts: CommentSubjectFacts;
}

/** The subject if the actor may read its comments; otherwise a 404 (never reveal it exists). */
export async function requireCommentSubject(
  actor: Actor,
  type: CommentSubjectType,
  id: string,
): Promise<SubjectAccess> {
  const subject = await loadCommentSubject(actor.partnershipId, type, id);
  const facts = subject?.factsFor(actor);
  if (!subject || !facts || !canReadComments(actor, facts)) throw new DomainError("not-found", NOT_FOUND);
  return { subject, facts };
}

export async function listComments(actor: Actor, { subject, facts }: SubjectAccess): Promise<CommentsData> {
  const [threads, members] = await Promise.all([
    db().commentThread.findMany({
      where: { partnershipId: subject.partnershipId, subjectType: subject.type, subjectId: subject.id },
      include: { comments: { orderBy: { createdAt: "asc" } } },
      orderBy: { createdAt: "asc" },
    }),
    loadMembers(subject.partnershipId),
  ]);
  const views: ThreadView[] = threads.map((thread) => ({
    id: thread.id,
    part: thread.part,
    anchorStart: thread.anchorStart,
    anchorEnd: thread.anchorEnd,
    quote: thread.quote,
    resolved: thread.resolvedAt !== null,
    canResolve: canResolveThread(actor, facts, thread),
    createdAt: thread.createdAt.toISOString(),
    comments: thread.comments.map((comment) => ({
      id: comment.id,
      author: personOf(members, comment.authorId),
      body: comment.body,
      createdAt: comment.createdAt.toISOString(),
      edited: comment.editedAt !== null,
      mine: comment.authorId === actor.id,
      canDelete: canDeleteComment(actor, facts, comment),
      mentions: idsOf(comment.mentionIds).flatMap((id) => personOf(members, id) ?? []),
    })),
  }));
  return {
    subject: { type: subject.type, id: subject.id, title: subject.title },
    threads: views,
    people: mentionCandidates(subject, members),
  };
}

const idsOf = (joined: string) => (joined ? joined.split(",") : []);

export interface CommentInput {
  body: string;
  mentionIds: string[];
}

export interface ThreadInput extends CommentInput {
  part: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
}

export async function startThread(ctx: ActionContext, access: SubjectAccess, input: ThreadInput): Promise<string> {
  const { subject, facts } = access;
  if (!canComment(ctx.actor, facts)) throw new DomainError("forbidden", "You cannot comment here.");
  if (subject.type === "document" && (!input.anchorStart || !input.anchorEnd)) {
    throw new DomainError("invalid", "Select the words your comment is about first.", "body");
  }
  const members = await loadMembers(subject.partnershipId);
  const mentionIds = checkMentions(subject, members, input.mentionIds, input.body);
  const anchored = subject.type === "document";
  const thread = await db().commentThread.create({
    data: {
      partnershipId: subject.partnershipId,
      subjectType: subject.type,
      subjectId: subject.id,
      part: anchored ? input.part : "",
      anchorStart: anchored ? input.anchorStart : "",
      anchorEnd: anchored ? input.anchorEnd : "",
      quote: anchored ? input.quote : "",
      createdById: ctx.actor.id,
      comments: { create: { authorId: ctx.actor.id, body: input.body, mentionIds: mentionIds.join(",") } },
    },
    include: { comments: { select: { id: true } } },
  });
  await tellPeople(ctx.actor, subject, members, {
    threadId: thread.id,
    commentId: thread.comments[0]!.id,
    body: input.body,
    mentioned: mentionIds,
    participants: [],
  });
  return thread.id;
}

async function threadOf(access: SubjectAccess, threadId: string) {
  const thread = await db().commentThread.findFirst({
    where: { id: threadId, subjectType: access.subject.type, subjectId: access.subject.id },
    include: { comments: { select: { authorId: true } } },
  });
  if (!thread) throw new DomainError("gone", THREAD_GONE);
  return thread;
}

export async function replyToThread(
  ctx: ActionContext,
  access: SubjectAccess,
  input: CommentInput & { threadId: string },
): Promise<void> {
  const { subject, facts } = access;
  if (!canComment(ctx.actor, facts)) throw new DomainError("forbidden", "You cannot comment here.");
  const thread = await threadOf(access, input.threadId);
  const members = await loadMembers(subject.partnershipId);
  const mentionIds = checkMentions(subject, members, input.mentionIds, input.body);
  const comment = await db()
    .comment.create({
      data: { threadId: thread.id, authorId: ctx.actor.id, body: input.body, mentionIds: mentionIds.join(",") },
      select: { id: true },
    })
    .catch((error: unknown) => {
      // The thread went between the check and the write: a foreign key refuses the orphan.
      throw isMissingParent(error) ? new DomainError("gone", THREAD_GONE) : error;
    });
  await tellPeople(ctx.actor, subject, members, {
    threadId: thread.id,
    commentId: comment.id,
    body: input.body,
    mentioned: mentionIds,
    participants: [thread.createdById, ...thread.comments.map((c) => c.authorId)],
  });
}

function isMissingParent(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2003";
}

async function commentOf(access: SubjectAccess, commentId: string) {
  const comment = await db().comment.findFirst({
    where: { id: commentId, thread: { subjectType: access.subject.type, subjectId: access.subject.id } },
  });
  if (!comment) throw new DomainError("gone", COMMENT_GONE);
  return comment;
}

export async function editComment(
  ctx: ActionContext,
  access: SubjectAccess,
  input: CommentInput & { commentId: string },
): Promise<void> {
  const comment = await commentOf(access, input.commentId);
  if (!canEditComment(ctx.actor, access.facts, comment)) {
    throw new DomainError("forbidden", "You can only edit your own comments.");
  }
  const members = await loadMembers(access.subject.partnershipId);
  const mentionIds = checkMentions(access.subject, members, input.mentionIds, input.body);
  await db().comment.update({
    where: { id: comment.id },
    data: { body: input.body, mentionIds: mentionIds.join(","), editedAt: new Date() },
  });
  const before = new Set(idsOf(comment.mentionIds));
  await tellPeople(ctx.actor, access.subject, members, {
    threadId: comment.threadId,
    commentId: comment.id,
    body: input.body,
    mentioned: mentionIds.filter((id) => !before.has(id)),
    participants: [],
    onlyMentions: true,
  });
}

/** Deletes a comment; a thread left with none goes too. */
export async function deleteComment(ctx: ActionContext, access: SubjectAccess, commentId: string): Promise<void> {
  const comment = await commentOf(access, commentId);
  if (!canDeleteComment(ctx.actor, access.facts, comment)) {
    throw new DomainError("forbidden", "You can only delete your own comments.");
  }
  await db().$transaction([
    db().comment.deleteMany({ where: { id: comment.id } }),
    db().commentThread.deleteMany({ where: { id: comment.threadId, comments: { none: {} } } }),
  ]);
}

export async function setThreadResolved(
  ctx: ActionContext,
  access: SubjectAccess,
  threadId: string,
  resolved: boolean,
): Promise<void> {
  const thread = await threadOf(access, threadId);
  if (!canResolveThread(ctx.actor, access.facts, thread)) {
    throw new DomainError(
      "forbidden",
      "Only whoever started this conversation, or can change what it is on, can do that.",
    );
  }
  await db().commentThread.update({
    where: { id: thread.id },
    data: resolved ? { resolvedAt: new Date(), resolvedById: ctx.actor.id } : { resolvedAt: null, resolvedById: null },
  });
}

interface CommentEvent {
  threadId: string;
  commentId: string;
  body: string;
  mentioned: readonly string[];
  /** Who took part in the thread before this comment (told of a reply). */
  participants: readonly string[];
  onlyMentions?: boolean;
}

/** Mentions first, then the thread's participants, then a plan's co-planners: each person told once, if they may read it. */
async function tellPeople(actor: Actor, subject: CommentSubject, members: Map<string, Member>, event: CommentEvent) {
  const name = members.get(actor.id)?.name ?? "Someone";
  const readers = (ids: readonly string[], told: Set<string>) =>
    [...new Set(ids)].filter((id) => id !== actor.id && !told.has(id) && mayRead(subject, members.get(id)));
  const base = {
    partnershipId: subject.partnershipId,
    actorId: actor.id,
    body: event.body.slice(0, 280),
    href: `${subject.href}?thread=${event.threadId}`,
    subjectType: subject.type,
    subjectId: subject.id,
  };
  const told = new Set<string>();
  const steps = [
    { kind: "mentioned", ids: event.mentioned, title: `${name} mentioned you on ${subject.title}` },
    { kind: "thread-reply", ids: event.participants, title: `${name} replied in a conversation on ${subject.title}` },
    { kind: "plan-comment", ids: subject.coPlannerIds, title: `${name} commented on ${subject.title}` },
  ] as const;
  for (const step of event.onlyMentions ? steps.slice(0, 1) : steps) {
    const recipientIds = readers(step.ids, told);
    recipientIds.forEach((id) => told.add(id));
    if (recipientIds.length === 0) continue;
    await notify({
      ...base,
      kind: step.kind,
      recipientIds,
      title: step.title,
      dedupeKey: `comment:${event.commentId}:${step.kind}`,
    });
  }
}

/** How many subjects one counts request may name (a page's rows). */
const MAX_COUNTED_SUBJECTS = 200;

/**
 * The number of comments on each subject the actor may read, for a list of records' "Comments (n)" disclosures in one
 * request; a subject they may not read (or that is not there) is left out, as its panel would say it is unavailable.
 */
export async function countComments(
  actor: Actor,
  type: CommentSubjectType,
  ids: readonly string[],
): Promise<Record<string, number>> {
  const wanted = [...new Set(ids)].slice(0, MAX_COUNTED_SUBJECTS);
  const subjects = await loadCommentSubjects(actor.partnershipId, type, wanted);
  const readable = subjects.flatMap((s) => (canReadComments(actor, s.factsFor(actor)) ? [s.id] : []));
  if (readable.length === 0) return {};
  // One grouped statement for the whole list, however many records it names.
  const rows = await db().$queryRaw<Array<{ subjectId: string; comments: number | bigint }>>`
    SELECT t."subjectId" AS "subjectId", COUNT(*) AS "comments"
    FROM "CommentThread" t JOIN "Comment" c ON c."threadId" = t."id"
    WHERE t."partnershipId" = ${actor.partnershipId} AND t."subjectType" = ${type}
      AND t."subjectId" IN (${Prisma.join(readable)})
    GROUP BY t."subjectId"`;
  const counts: Record<string, number> = Object.fromEntries(readable.map((id) => [id, 0]));
  for (const row of rows) counts[row.subjectId] = Number(row.comments);
  return counts;
}
