// The conversations on one subject: a document (threads anchored to its words, started from a selection in its
// editors) or a record (a deployment, an action, a rating). Loads through the comments endpoint, so it shows exactly
// what the reader may read, and reloads whenever the page does (every change in the partnership, in any process).
// Filters (open, resolved, all); Alt+Shift+↓ and Alt+Shift+↑ move between conversations.
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CommentsData, CommentSubjectType, ThreadView } from "~/lib/comments";
import { CommentForm, useCommentPost } from "./comment-form";
import { CommentThread } from "./comment-thread";
import { updateDocumentComments, useDocumentComments } from "./comment-store";
import { MentionField } from "./mention-field";

type Filter = "open" | "resolved" | "all";
const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: "open", label: "Open" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All" },
];

interface CommentPanelProps {
  subjectType: CommentSubjectType;
  subjectId: string;
  /** For a document: what it is called in sentences ("this plan"). */
  subjectTitle: string;
}

export function CommentPanel({ subjectType, subjectId, subjectTitle }: CommentPanelProps) {
  const action = `/comments/${subjectType}/${subjectId}`;
  const loader = useFetcher<CommentsData | { unavailable: string }>();
  const load = useRef(loader.load);
  load.current = loader.load;
  useEffect(() => {
    load.current(action);
  }, [action]);
  const data = loader.data && "threads" in loader.data ? loader.data : null;
  const documentId = subjectType === "document" ? subjectId : null;
  const shared = useDocumentComments(documentId);
  useEffect(() => {
    if (documentId && data) {
      updateDocumentComments(documentId, { threads: data.threads, people: data.people, title: subjectTitle });
    }
  }, [documentId, data, subjectTitle]);
  const [filter, setFilter] = useState<Filter>("open");
  const threads = (data?.threads ?? []).filter((t) => filter === "all" || (filter === "open") !== t.resolved);
  const setActive = useCallback(
    (threadId: string) => documentId && updateDocumentComments(documentId, { activeThreadId: threadId }),
    [documentId],
  );
  const list = useRef<HTMLDivElement>(null);
  useThreadShortcuts(list, threads, setActive);
  const openCount = data?.threads.filter((t) => !t.resolved).length ?? 0;

  return (
    <aside className="comment-panel" aria-labelledby={`comments-${subjectId}-heading`} id={`comments-${subjectId}`}>
      <h2 id={`comments-${subjectId}-heading`}>
        Comments <span className="badge badge--muted">{openCount} open</span>
      </h2>
      {loader.data && "unavailable" in loader.data ? <p role="status">{loader.data.unavailable}</p> : null}
      {data ? (
        <>
          {documentId ? (
            <DocumentDraft documentId={documentId} action={action} data={data} title={subjectTitle} />
          ) : null}
          {documentId ? null : <NewThread action={action} data={data} title={subjectTitle} />}
          <fieldset className="comment-panel__filter">
            <legend>Show</legend>
            {FILTERS.map((f) => (
              <label key={f.value}>
                <input
                  type="radio"
                  name={`comment-filter-${subjectId}`}
                  value={f.value}
                  checked={filter === f.value}
                  onChange={() => setFilter(f.value)}
                />{" "}
                {f.label}
              </label>
            ))}
          </fieldset>
          <p className="hint">Alt+Shift+↓ and Alt+Shift+↑ move between conversations.</p>
          <div ref={list} className="comment-panel__threads">
            {threads.length === 0 ? <p className="muted">No {filter === "all" ? "" : `${filter} `}comments.</p> : null}
            {threads.map((thread) => (
              <CommentThread
                key={thread.id}
                thread={thread}
                action={action}
                people={data.people}
                subjectTitle={subjectTitle}
                onDeletedText={shared.deleted.has(thread.id)}
                active={shared.activeThreadId === thread.id}
                onFocusThread={() => setActive(thread.id)}
              />
            ))}
          </div>
        </>
      ) : loader.state !== "idle" ? (
        <p role="status">Loading comments…</p>
      ) : null}
    </aside>
  );
}

/** Alt+Shift+↓/↑ anywhere on the page: focus the next or previous conversation in the list. */
function useThreadShortcuts(
  list: React.RefObject<HTMLDivElement | null>,
  threads: ThreadView[],
  setActive: (threadId: string) => void,
) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
      const articles = [...(list.current?.querySelectorAll<HTMLElement>(".comment-thread") ?? [])];
      if (articles.length === 0) return;
      event.preventDefault();
      const current = articles.findIndex((a) => a.contains(document.activeElement));
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = articles[(current + step + articles.length) % articles.length] ?? articles[0]!;
      next.focus();
      next.scrollIntoView({ block: "nearest" });
      const thread = threads.find((t) => next.id === `thread-${t.id}`);
      if (thread) setActive(thread.id);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [list, threads, setActive]);
}

function NewThread({ action, data, title }: { action: string; data: CommentsData; title: string }) {
  const post = useCommentPost(action);
  return (
    <CommentForm post={post} intent="start" className="comment-panel__new">
      <MentionField
        key={post.saved}
        label="New comment"
        people={data.people}
        subjectTitle={title}
        error={post.fieldError}
      />
      <button type="submit" className="button button--small" disabled={post.busy}>
        Comment
      </button>
    </CommentForm>
  );
}

/** A comment on the words selected in one of the document's editors (Ctrl+Alt+M or the Comment button). */
function DocumentDraft({
  documentId,
  action,
  data,
  title,
}: {
  documentId: string;
  action: string;
  data: CommentsData;
  title: string;
}) {
  const { draft, hint } = useDocumentComments(documentId);
  const post = useCommentPost(action);
  useEffect(() => {
    if (post.saved > 0) updateDocumentComments(documentId, { draft: null });
  }, [post.saved, documentId]);
  if (!draft) {
    return (
      <p className="hint" role="status">
        {hint ?? "Select words in the text, then press Ctrl+Alt+M or choose “Comment on the selection”."}
      </p>
    );
  }
  const { part, anchorStart, anchorEnd, quote } = draft;
  return (
    <CommentForm
      post={post}
      intent="start"
      hidden={{ part, anchorStart, anchorEnd, quote }}
      className="comment-panel__new"
    >
      <blockquote className="comment-thread__quote">{quote}</blockquote>
      <MentionField
        label="Your comment on the selected words"
        people={data.people}
        subjectTitle={title}
        error={post.fieldError}
        focusOnMount
      />
      <div className="button-row">
        <button type="submit" className="button button--small" disabled={post.busy}>
          Comment
        </button>
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => updateDocumentComments(documentId, { draft: null })}
        >
          Cancel
        </button>
      </div>
    </CommentForm>
  );
}
