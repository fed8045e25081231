// The conversation on one record in a list (a meeting action, a strategy rating): a "Comments (n)" disclosure that
// opens the same comment panel as a deployment's, loading the thread only when opened. The list loads every row's
// count in one request (useCommentCounts), counting only what the reader may read; a row they may not read is not shown.
// The panel's code loads after the page's (decision 029): the lists that show these are on pages kept under budget.
import { useState } from "react";
import { lazySection } from "~/components/ui/lazy-section";
import type { CommentSubjectType } from "~/lib/comments";
import type { CommentCounts } from "./comment-counts";

const CommentPanel = lazySection(() => import("./comment-panel").then((m) => m.CommentPanel));

interface RecordCommentsProps {
  subjectType: Extract<CommentSubjectType, "meeting-action" | "strategy-rating">;
  subjectId: string;
  /** What the record is called in sentences and in the disclosure's name ("this action"). */
  subjectTitle: string;
  /** The list's counts (useCommentCounts). */
  counts: CommentCounts;
}

export function RecordComments({ subjectType, subjectId, subjectTitle, counts }: RecordCommentsProps) {
  const [open, setOpen] = useState(false);
  const count = counts ? counts[subjectId] : null;
  if (count === undefined) return null;
  return (
    <details className="record-comments" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Comments{count === null ? "" : ` (${count})`}
        <span className="visually-hidden"> on {subjectTitle}</span>
      </summary>
      {open ? <CommentPanel subjectType={subjectType} subjectId={subjectId} subjectTitle={subjectTitle} /> : null}
    </details>
  );
}
