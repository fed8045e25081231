// What a comment is, shared by the comment panel and the server: the subjects a thread can be on, the limits, the
// form schemas and the shape the panel reads (comment-body.ts splits a comment's text into plain text and links).
import { z } from "zod";

const COMMENT_SUBJECT_TYPES = ["document", "deployment", "meeting-action", "strategy-rating"] as const;
export type CommentSubjectType = (typeof COMMENT_SUBJECT_TYPES)[number];

export function isCommentSubjectType(value: string): value is CommentSubjectType {
  return (COMMENT_SUBJECT_TYPES as readonly string[]).includes(value);
}

export const MAX_COMMENT_LENGTH = 10_000;

const body = z
  .string({ required_error: "Write a comment before sending it." })
  .trim()
  .min(1, "Write a comment before sending it.")
  .max(MAX_COMMENT_LENGTH, `A comment can be at most ${MAX_COMMENT_LENGTH.toLocaleString("en-GB")} characters.`);

const mentionIds = z
  .string()
  .optional()
  .transform((value) => [...new Set((value ?? "").split(",").filter((id) => id.length > 0 && id.length <= 64))]);

const id = z.string().min(1).max(64);
const anchor = z.string().max(2_000).optional().default("");

export const startThreadSchema = z.object({
  body,
  mentionIds,
  part: z.string().max(64).optional().default(""),
  anchorStart: anchor,
  anchorEnd: anchor,
  quote: z.string().max(2_000).optional().default(""),
});
export const replySchema = z.object({ threadId: id, body, mentionIds });
export const editCommentSchema = z.object({ commentId: id, body, mentionIds });
export const commentIdSchema = z.object({ commentId: id });
export const threadIdSchema = z.object({ threadId: id });

export interface CommentPerson {
  id: string;
  name: string;
  institution: string;
}

export interface CommentView {
  id: string;
  /** null: the author has left the partnership ("former member"). */
  author: CommentPerson | null;
  body: string;
  createdAt: string;
  edited: boolean;
  mine: boolean;
  canDelete: boolean;
  mentions: CommentPerson[];
}

export interface ThreadView {
  id: string;
  part: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  resolved: boolean;
  canResolve: boolean;
  createdAt: string;
  comments: CommentView[];
}

export interface MentionCandidate extends CommentPerson {
  /** False: they may not read what the comment is on, so they cannot be mentioned in it. */
  canRead: boolean;
}

export interface CommentsData {
  subject: { type: CommentSubjectType; id: string; title: string };
  threads: ThreadView[];
  people: MentionCandidate[];
}
