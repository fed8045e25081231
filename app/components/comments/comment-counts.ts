// The comment counts of a list's records, loaded in one request for the whole list (comment-counts route) and
// reloaded whenever the page is; `undefined` while loading, then a count per record the reader may read.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { CommentSubjectType } from "~/lib/comments";

export type CommentCounts = Record<string, number> | undefined;

export function useCommentCounts(subjectType: CommentSubjectType, ids: readonly string[]): CommentCounts {
  const fetcher = useFetcher<{ counts: Record<string, number> } | { unavailable: string }>();
  const load = useRef(fetcher.load);
  load.current = fetcher.load;
  const address = ids.length > 0 ? `/comment-counts/${subjectType}?ids=${ids.join(",")}` : null;
  useEffect(() => {
    if (address) load.current(address);
  }, [address]);
  const loaded = fetcher.data;
  if (!loaded) return undefined;
  return "counts" in loaded ? loaded.counts : {};
}
