// One post to the comments endpoint (start, reply, edit, delete, resolve, reopen) through its own fetcher: its
// message or refusal shows beside it, and a comment box empties once its comment is saved.
import { useFetcher } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import type { IntentReply } from "~/lib/forms/intents.server";

export function useCommentPost(action: string) {
  const fetcher = useFetcher<IntentReply>();
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  const fieldError = reply?.result?.error?.body?.[0] ?? undefined;
  const otherErrors = Object.entries(reply?.result?.error ?? {})
    .filter(([field]) => field !== "body")
    .flatMap(([, messages]) => messages ?? []);
  const failure = reply?.failed ? (reply.message ?? otherErrors[0]) : undefined;
  // A new key for the form's fields after each saved comment empties them.
  const [saved, setSaved] = useState(0);
  useEffect(() => {
    if (reply && !reply.failed) setSaved((n) => n + 1);
  }, [reply]);
  return { fetcher, action, fieldError, failure, saved, busy: fetcher.state !== "idle" };
}

type Post = ReturnType<typeof useCommentPost>;

export function CommentForm({
  post,
  intent,
  hidden = {},
  className,
  children,
}: {
  post: Post;
  intent: string;
  hidden?: Record<string, string>;
  className?: string;
  children: ReactNode;
}) {
  const Form = post.fetcher.Form;
  return (
    <Form method="post" action={post.action} className={className}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {post.failure ? (
        <p className="field-error" role="alert">
          {post.failure}
        </p>
      ) : null}
    </Form>
  );
}
