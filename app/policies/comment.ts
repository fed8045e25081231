// Who may read, write and look after comments. A comment is visible exactly to those who may read what it is on
// (a document, a deployment, an action, a rating), so the subject's own policy decides `readable` and `editable`
// for the actor and these rules start from there, after the tenant check.
//   whoever may read the subject: reads its threads, starts threads, replies
//   the author of a comment: edits and deletes it; a coordinator may delete any comment (moderation)
//   the thread's starter and whoever may change the subject: resolve and reopen the thread
//   mentions: only someone who may read the subject
import { isCoordinator, samePartnership, type Actor } from "./actor";

/** A subject as one actor sees it: decided by the subject's own policy (canReadDocument, canViewDeployment…). */
export interface CommentSubjectFacts {
  partnershipId: string;
  readable: boolean;
  editable: boolean;
}

export function canReadComments(actor: Actor, subject: CommentSubjectFacts): boolean {
  return samePartnership(actor, subject) && subject.readable;
}

export function canComment(actor: Actor, subject: CommentSubjectFacts): boolean {
  return canReadComments(actor, subject);
}

export function canEditComment(actor: Actor, subject: CommentSubjectFacts, comment: { authorId: string }): boolean {
  return canReadComments(actor, subject) && comment.authorId === actor.id;
}

export function canDeleteComment(actor: Actor, subject: CommentSubjectFacts, comment: { authorId: string }): boolean {
  return canEditComment(actor, subject, comment) || (canReadComments(actor, subject) && isCoordinator(actor));
}

export function canResolveThread(actor: Actor, subject: CommentSubjectFacts, thread: { createdById: string }): boolean {
  return canReadComments(actor, subject) && (thread.createdById === actor.id || subject.editable);
}

/** `member` as the subject's policy sees them: only someone who may read it can be mentioned in it. */
export function canBeMentioned(member: Actor, subjectForMember: CommentSubjectFacts): boolean {
  return canReadComments(member, subjectForMember);
}
