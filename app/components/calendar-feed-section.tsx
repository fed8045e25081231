// The account page's private calendar link: make it (shown once, with a copy button), or reset it so the old link
// stops working. Posts to /account/calendar-feed; without JavaScript that page shows the new link itself.
import { useFetcher } from "@remix-run/react";
import { CopyLink } from "~/components/ui/copy-link";
import { SubmitButton } from "~/components/ui/submit-button";
import { formatDateTime } from "~/lib/format";

export interface CalendarFeedReply {
  link: string;
}

/** The new link, shown once: only its hash is kept, so it cannot be shown again. */
export function NewCalendarLink({ link }: { link: string }) {
  return (
    <div className="alert alert--success" role="status">
      <p>
        Your calendar link is ready. Copy it now: for your safety it will not be shown again. In Google Calendar choose
        “From URL”, in Outlook “Subscribe from web”, on an iPhone or Mac “New calendar subscription”.
      </p>
      <CopyLink id="calendar-feed-link" label="Your private calendar link" link={link} />
    </div>
  );
}

export function CalendarFeedSection({ feed }: { feed: { createdAt: Date | string } | null }) {
  const fetcher = useFetcher<CalendarFeedReply>();
  const link = fetcher.data?.link;
  return (
    <section aria-labelledby="calendar-feed-heading" className="card narrow">
      <h2 id="calendar-feed-heading">Calendar</h2>
      <p>
        Subscribe to your Staffroom calendar in Google Calendar, Outlook or Apple Calendar: your groups’ meetings and,
        if you are deployed to lessons, your deployments (no student names). Keep the link to yourself: anyone who has
        it can read these.
      </p>
      {link ? <NewCalendarLink link={link} /> : null}
      {feed && !link ? (
        <p className="muted">
          You made your calendar link on {formatDateTime(feed.createdAt)}. Lost it, or shared it by mistake? Reset it:
          the old link stops working and you get a new one.
        </p>
      ) : null}
      <fetcher.Form method="post" action="/account/calendar-feed">
        <SubmitButton
          name="intent"
          value="calendar-feed"
          variant={feed || link ? "secondary" : "primary"}
          fetcher={fetcher}
          pendingLabel="Making your link…"
        >
          {feed || link ? "Reset link" : "Make my calendar link"}
        </SubmitButton>
      </fetcher.Form>
    </section>
  );
}
