// Deleting a document or a record deletes the conversations on it and what told people about them: called by each
// subject's delete flow (kept apart from comments.server.ts so those flows need not import the comment model).
import type { CommentSubjectType } from "~/lib/comments";
import { db } from "./db.server";
import { deleteNotificationsAbout } from "./notifications.server";

export async function deleteCommentsAbout(type: CommentSubjectType, subjectIds: readonly string[]): Promise<void> {
  if (subjectIds.length === 0) return;
  const where = { subjectType: type, subjectId: { in: [...subjectIds] } };
  // Explicit deletes rather than relying on ON DELETE CASCADE, which SQLite only honours with foreign_keys on.
  await db().$transaction([
    db().comment.deleteMany({ where: { thread: where } }),
    db().commentThread.deleteMany({ where }),
  ]);
  await deleteNotificationsAbout(type, subjectIds);
}
