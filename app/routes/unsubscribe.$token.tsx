// The unsubscribe link of every email, without signing in: the page names the kinds of email the link stops and
// asks for one click (a mail client's prefetch of the link must not unsubscribe anyone). The POST, also sent by
// mail providers' one-click unsubscribe (RFC 8058), is handled by server/http/unsubscribe.ts.
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SignedOutShell } from "~/components/signed-out-shell";
import { Notice } from "~/components/ui/notice";
import { NOTIFICATION_KIND_LABELS } from "~/lib/notification-kinds";
import { readUnsubscribeToken } from "~/models/unsubscribe-links.server";

export const meta: MetaFunction = () => [{ title: "Stop these emails · Staffroom" }];

// The page's address is the secret: keep it out of caches.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ params, request }: LoaderFunctionArgs) {
  const token = readUnsubscribeToken(params.token ?? "");
  if (!token) return data({ valid: false as const }, { status: 404 });
  return {
    valid: true as const,
    kinds: token.kinds.map((kind) => NOTIFICATION_KIND_LABELS[kind]),
    done: new URL(request.url).searchParams.get("done") === "1",
  };
}

export default function UnsubscribePage() {
  const page = useLoaderData<typeof loader>();
  return (
    <SignedOutShell>
      <h1>Stop these emails</h1>
      {!page.valid ? (
        <Notice tone="error">
          <p>
            This unsubscribe link is not valid. Copy the whole link from the email, or change your choices on your
            account page.
          </p>
        </Notice>
      ) : page.done ? (
        <Notice tone="success">
          <p>
            Done: no more emails for: {page.kinds.join("; ")}. Staffroom still shows them in the bell; change that on
            your account page.
          </p>
        </Notice>
      ) : (
        <>
          <p>Staffroom will stop emailing you about:</p>
          <ul>
            {page.kinds.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
          {/* A plain form: the POST goes to the server's one-click handler, which comes back here. */}
          <form method="post">
            <button type="submit" className="button">
              Stop these emails
            </button>
          </form>
        </>
      )}
      <p>
        <a href="/account#notification-choices">Your notification choices</a>
      </p>
    </SignedOutShell>
  );
}
