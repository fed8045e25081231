// Makes or resets the signed-in member's private calendar link (the account page posts here). Without
// JavaScript the post lands on this page, which shows the new link once.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { NewCalendarLink, type CalendarFeedReply } from "~/components/calendar-feed-section";
import { calendarFeedPath, makeCalendarFeedLink } from "~/models/calendar-feed.server";
import { requireActionContext, requireActor } from "~/policies/enforce.server";

export const meta: MetaFunction = () => [{ title: "Calendar link · Your account · Staffroom" }];

export function loader({ context, request }: LoaderFunctionArgs) {
  requireActor(context, request);
  return null;
}

export async function action({ context, request }: ActionFunctionArgs): Promise<CalendarFeedReply> {
  // Only ever the signed-in member's own link: the form names nobody.
  const ctx = requireActionContext(context, request);
  const token = await makeCalendarFeedLink(ctx);
  return { link: new URL(calendarFeedPath(token), new URL(request.url).origin).toString() };
}

export default function CalendarFeedPage() {
  const reply = useLastActionData<typeof action>();
  return (
    <>
      <h1>Your calendar link</h1>
      {reply ? (
        <NewCalendarLink link={reply.link} />
      ) : (
        <p>Make or reset your private calendar link on your account page.</p>
      )}
      <p>
        <Link to="/account">Back to your account</Link>
      </p>
    </>
  );
}
