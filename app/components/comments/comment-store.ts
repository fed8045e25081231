// What the comment panel and the editors of one document tell each other, in the browser: the panel publishes the
// threads it loaded, the one in focus and the people `@` may offer (for mentions in the text too); an editor asks for
// a new thread on its selection and publishes which anchors lost their words. Plain state with listeners, so the panel does not load the editor's chunk.
import { useEffect, useState } from "react";
import type { EncodedAnchor } from "~/lib/comment-anchors";
import type { MentionCandidate, ThreadView } from "~/lib/comments";

interface CommentDraft extends EncodedAnchor {
  part: string;
  quote: string;
}

interface DocumentComments {
  threads: ThreadView[];
  activeThreadId: string | null;
  draft: CommentDraft | null;
  /** Threads whose words have all been deleted, by the editors that hold their part. */
  deleted: ReadonlySet<string>;
  /** Set when an editor had no selection to comment on: the panel says so. */
  hint: string | null;
  /** The partnership's members, marked by whether they may read the document (from the comments endpoint). */
  people: MentionCandidate[];
  /** What the document is called in sentences ("this plan"). */
  title: string;
}

const stores = new Map<string, DocumentComments>();
const listeners = new Map<string, Set<() => void>>();

const EMPTY: DocumentComments = {
  threads: [],
  activeThreadId: null,
  draft: null,
  deleted: new Set(),
  hint: null,
  people: [],
  title: "this document",
};

export function documentComments(documentId: string): DocumentComments {
  return stores.get(documentId) ?? EMPTY;
}

export function updateDocumentComments(documentId: string, change: Partial<DocumentComments>): void {
  stores.set(documentId, { ...documentComments(documentId), ...change });
  for (const listener of listeners.get(documentId) ?? []) listener();
}

export function subscribeDocumentComments(documentId: string, listener: () => void): () => void {
  const set = listeners.get(documentId) ?? new Set();
  set.add(listener);
  listeners.set(documentId, set);
  return () => set.delete(listener);
}

export function useDocumentComments(documentId: string | null): DocumentComments {
  const [state, setState] = useState(() => (documentId ? documentComments(documentId) : EMPTY));
  useEffect(() => {
    if (!documentId) return;
    setState(documentComments(documentId));
    return subscribeDocumentComments(documentId, () => setState(documentComments(documentId)));
  }, [documentId]);
  return state;
}
