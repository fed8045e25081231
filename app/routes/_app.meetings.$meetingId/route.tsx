// One meeting: when and where, the agenda (reordered by the chair, items proposed by members, matters arising),
// attendance, the co-edited minutes with decisions and actions recorded against each item, and the minutes'
// submission, approval and revision. Server side: meeting.server.ts.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { PrintLinks } from "~/components/print/print-links";
import { Notice } from "~/components/ui/notice";
import { formatLongDay } from "~/lib/format";
import type { IntentReply } from "~/lib/forms/intents.server";
import { ukTimeOf } from "~/lib/uk-calendar";
import { AgendaSection } from "./agenda-section";
import { AttendanceSection } from "./attendance-section";
import type { loader } from "./meeting.server";

const ProposeSection = lazySection(() => import("./propose-section").then((m) => m.ProposeSection));
const MinutesSection = lazySection(() => import("./minutes-section").then((m) => m.MinutesSection));
const ChangeMeetingSection = lazySection(() => import("./change-section").then((m) => m.ChangeMeetingSection));

export { action, loader } from "./meeting.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.group.name}, ${formatLongDay(data.meeting.startsAt)} · Staffroom` : "Meeting · Staffroom" },
];

export default function MeetingPage() {
  const page = useLoaderData<typeof loader>();
  const reply = useLastActionData<IntentReply>();
  const { meeting, group } = page;
  const startsAt = new Date(meeting.startsAt);
  return (
    <>
      <p>
        <Link to={`/meeting-groups/${group.id}`}>Back to {group.name}</Link>
      </p>
      <h1>
        {group.name}: {formatLongDay(startsAt)}
      </h1>
      <p className="page-intro">
        {ukTimeOf(startsAt)} to {ukTimeOf(new Date(meeting.endsAt))}
        {meeting.site ? ` · ${meeting.site.name}, ${meeting.site.town}` : ""}
        {meeting.onlineLink ? (
          <>
            {" · "}
            <a href={meeting.onlineLink} rel="noreferrer noopener" target="_blank">
              Join online
            </a>
          </>
        ) : null}
      </p>
      {meeting.cancelledAt ? (
        <Notice tone="warning">
          <p>
            <strong>This meeting is cancelled.</strong>
            {meeting.cancelReason ? ` ${meeting.cancelReason}` : ""}
          </p>
          <p>Its agenda, attendance, actions and decisions are closed.</p>
        </Notice>
      ) : null}
      <p className="no-print">
        <a href={`/meetings/${meeting.id}/calendar.ics`} download>
          Add to your calendar (.ics)
        </a>
      </p>
      {page.can.move || page.can.cancel ? <ChangeMeetingSection page={page} sites={page.sites} reply={reply} /> : null}
      <PrintLinks
        print={`/meetings/${meeting.id}/print`}
        word={`/meetings/${meeting.id}/minutes.docx`}
        wordLabel="Download the minutes as Word (.docx)"
      />
      {reply?.message ? (
        <Notice tone={reply.failed ? "error" : "success"}>
          <p>{reply.message}</p>
        </Notice>
      ) : null}
      <AgendaSection page={page} reply={reply} />
      {page.can.propose ? <ProposeSection page={page} reply={reply} /> : null}
      {page.can.follow ? <AttendanceSection page={page} /> : null}
      <MinutesSection page={page} reply={reply} />
    </>
  );
}
