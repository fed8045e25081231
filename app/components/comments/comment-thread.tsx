// One conversation: what it is on (the words, or "on deleted text"), its comments with their authors (or "former
// member"), links only for http(s) addresses, and what the reader may do: reply, edit or delete their own, resolve
// or reopen.
import { useState } from "react";
import { formatDateTime } from "~/lib/format";
import { commentBodyTokens } from "~/lib/comment-body";
import type { CommentView, MentionCandidate, ThreadView } from "~/lib/comments";
import { CommentForm, useCommentPost } from "./comment-form";
import { MentionField } from "./mention-field";

interface ThreadProps {
  thread: ThreadView;
  action: string;
  people: MentionCandidate[];
  subjectTitle: string;
  onDeletedText: boolean;
  active: boolean;
  onFocusThread: () => void;
}

export function CommentThread(props: ThreadProps) {
  const { thread, action, people, subjectTitle, onDeletedText, active, onFocusThread } = props;
  const reply = useCommentPost(action);
  const status = useCommentPost(action);
  const first = thread.comments[0];
  const headingId = `thread-${thread.id}-heading`;
  return (
    <article
      id={`thread-${thread.id}`}
      className={`comment-thread${active ? " is-active" : ""}${thread.resolved ? " is-resolved" : ""}`}
      aria-labelledby={headingId}
      tabIndex={-1}
      onFocus={onFocusThread}
    >
      <h3 id={headingId} className="comment-thread__heading">
        {first?.author?.name ?? "Former member"}
        {thread.resolved ? <span className="badge">Resolved</span> : null}
      </h3>
      {thread.quote ? (
        onDeletedText ? (
          <p className="comment-thread__quote is-deleted">
            <span className="badge">On deleted text</span> “{thread.quote}”
          </p>
        ) : (
          <blockquote className="comment-thread__quote">{thread.quote}</blockquote>
        )
      ) : null}
      <ol className="comment-thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <CommentItem comment={comment} action={action} people={people} subjectTitle={subjectTitle} />
          </li>
        ))}
      </ol>
      <CommentForm post={reply} intent="reply" hidden={{ threadId: thread.id }} className="comment-thread__reply">
        <MentionField
          key={reply.saved}
          label="Reply"
          people={people}
          subjectTitle={subjectTitle}
          error={reply.fieldError}
        />
        <button type="submit" className="button button--small" disabled={reply.busy}>
          Reply
        </button>
      </CommentForm>
      {thread.canResolve ? (
        <CommentForm post={status} intent={thread.resolved ? "reopen" : "resolve"} hidden={{ threadId: thread.id }}>
          <button type="submit" className="button button--small button--secondary" disabled={status.busy}>
            {thread.resolved ? "Reopen" : "Resolve"}
          </button>
        </CommentForm>
      ) : null}
    </article>
  );
}

function CommentItem({
  comment,
  action,
  people,
  subjectTitle,
}: {
  comment: CommentView;
  action: string;
  people: MentionCandidate[];
  subjectTitle: string;
}) {
  const [editing, setEditing] = useState(false);
  const edit = useCommentPost(action);
  const remove = useCommentPost(action);
  const author = comment.author ? `${comment.author.name}, ${comment.author.institution}` : "Former member";
  return (
    <div className="comment">
      <p className="comment__meta">
        <strong>{author}</strong> <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        {comment.edited ? <span className="muted"> (edited)</span> : null}
      </p>
      {editing && edit.saved === 0 ? (
        <CommentForm post={edit} intent="edit" hidden={{ commentId: comment.id }}>
          <MentionField
            label="Edit your comment"
            people={people}
            subjectTitle={subjectTitle}
            defaultValue={comment.body}
            defaultMentions={comment.mentions}
            error={edit.fieldError}
            focusOnMount
          />
          <div className="button-row">
            <button type="submit" className="button button--small" disabled={edit.busy}>
              Save
            </button>
            <button type="button" className="button button--small button--secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </CommentForm>
      ) : (
        <p className="comment__body">
          {commentBodyTokens(comment.body).map((token, index) =>
            token.kind === "link" ? (
              <a key={index} href={token.href} rel="noopener noreferrer nofollow" target="_blank">
                {token.text}
              </a>
            ) : (
              <span key={index}>{token.text}</span>
            ),
          )}
        </p>
      )}
      <div className="button-row">
        {comment.mine && !editing ? (
          <button type="button" className="button button--small button--secondary" onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> your comment</span>
          </button>
        ) : null}
        {comment.canDelete ? (
          <CommentForm post={remove} intent="delete" hidden={{ commentId: comment.id }}>
            <button type="submit" className="button button--small button--secondary" disabled={remove.busy}>
              Delete<span className="visually-hidden"> the comment by {author}</span>
            </button>
          </CommentForm>
        ) : null}
      </div>
    </div>
  );
}
