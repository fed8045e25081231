// The "minutes of the last meeting" item: the group's previous meeting, where its minutes stand, and the chair's
// approval of them here, as the partnership approves minutes at the next meeting.
import { Form, Link } from "@remix-run/react";
import { formatDateTime, formatLongDay } from "~/lib/format";
import { MINUTES_STATUS_LABELS } from "~/lib/meeting-vocabulary";
import type { MeetingPageData } from "./page-data";

export function PreviousMinutes({ previous }: { previous: MeetingPageData["previous"] }) {
  if (!previous) return <p className="muted">This is the group&rsquo;s first meeting: there are no earlier minutes.</p>;
  const day = formatLongDay(previous.startsAt);
  return (
    <>
      <p>
        <Link to={`/meetings/${previous.id}`}>Minutes of {day}</Link>:{" "}
        {MINUTES_STATUS_LABELS[previous.minutesStatus] ?? previous.minutesStatus}
        {previous.approvedAt ? ` · approved by ${previous.approvedBy} on ${formatDateTime(previous.approvedAt)}` : ""}
      </p>
      {previous.canApprove ? (
        <Form method="post" className="actions">
          <input type="hidden" name="previousMeetingId" value={previous.id} />
          <button type="submit" name="intent" value="approve-previous" className="button">
            Approve the minutes of {day}
          </button>
        </Form>
      ) : null}
    </>
  );
}
