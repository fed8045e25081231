// The conversation on one record in a list (a meeting action, a strategy rating): a "Comments (n)" disclosure that
// opens the same comment panel as a deployment's, loading the thread only when opened; the count comes from the same
// endpoint, so it shows exactly what the reader may read.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { CommentsData, CommentSubjectType } from "~/lib/comments";
import { CommentPanel } from "./comment-panel";

interface RecordCommentsProps {
  subjectType: Extract<CommentSubjectType, "meeting-action" | "strategy-rating">;
  subjectId: string;
  /** What the record is called in sentences and in the disclosure's name ("this action"). */
  subjectTitle: string;
}

export function RecordComments({ subjectType, subjectId, subjectTitle }: RecordCommentsProps) {
  const counter = useFetcher<CommentsData | { unavailable: string }>();
  const load = useRef(counter.load);
  load.current = counter.load;
  const action = `/comments/${subjectType}/${subjectId}`;
  useEffect(() => {
    load.current(action);
  }, [action]);
  const [open, setOpen] = useState(false);
  const data = counter.data;
  if (data && "unavailable" in data) return null;
  const count = data ? data.threads.reduce((sum, t) => sum + t.comments.length, 0) : null;
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
