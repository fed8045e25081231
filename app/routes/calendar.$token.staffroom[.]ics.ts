// A member's private calendar feed, for calendar apps to subscribe to: a plain GET with the secret in the path, no
// cookie and no Origin check (it changes nothing). 404 for a reset or unknown link, 429 when fetched too often.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeedFor } from "~/models/calendar-feed.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const origin = new URL(request.url).origin;
  const outcome = await calendarFeedFor(params.token ?? "", { origin, clientIp: context.clientIp });
  if (!outcome.ok) {
    const headers = new Headers({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
    if (outcome.retryAfterMs) headers.set("Retry-After", String(Math.ceil(outcome.retryAfterMs / 1000)));
    const message =
      outcome.status === 404
        ? "This calendar link does not work: it was reset or never existed. Copy the new link from your Staffroom account page."
        : "This calendar link was fetched too often: try again later.";
    return new Response(message, { status: outcome.status, headers });
  }
  return new Response(outcome.ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      // The link is the secret: never pass it on to a page it might link to.
      "Referrer-Policy": "no-referrer",
    },
  });
}
