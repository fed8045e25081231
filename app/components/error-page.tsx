// What a person sees when a page cannot be shown: a plain title and what to do next, by status. The router's own
// wording ("No route matches URL …") and server errors' details never reach the page.
import { isRouteErrorResponse } from "@remix-run/react";

interface ErrorExplanation {
  status: number;
  title: string;
  /** The refusal's own sentence (a 403 or 404 thrown with a message for people), when there is one. */
  detail: string | null;
  advice: string;
}

function explainError(error: unknown): ErrorExplanation {
  const known = isRouteErrorResponse(error);
  const status = known ? error.status : 500;
  const title =
    status === 404
      ? "We could not find that page"
      : status === 403
        ? "You do not have access to this"
        : status === 410
          ? "That link no longer works"
          : "Something went wrong";
  const advice =
    status === 404
      ? "Check the address, or go back to your home page."
      : status === 403
        ? "If you think you should have access, ask your partnership coordinator."
        : status === 410
          ? "Ask whoever sent it for a new one."
          : "Please try again in a moment. If it keeps happening, tell your partnership coordinator what you were doing.";
  const data = known && typeof error.data === "string" ? error.data.trim() : "";
  const ourOwnWords = data !== "" && status < 500 && !/^Error: No route matches/.test(data);
  return { status, title, detail: ourOwnWords ? data : null, advice };
}

/** The explanation itself, for a page's main area (the app shell's, or a bare one when no shell can be shown). */
export function ErrorContent({ error }: { error: unknown }) {
  const { title, detail, advice } = explainError(error);
  return (
    <div className="narrow">
      <title>{`${title} · Staffroom`}</title>
      <h1>{title}</h1>
      {detail && detail !== title ? <p>{detail}</p> : null}
      <p>{advice}</p>
      <p>
        <a href="/home">Go to your home page</a>
      </p>
    </div>
  );
}
