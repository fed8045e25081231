// The chair's forms for a meeting still to be held, folded under the meeting's time and place (where the page's
// notices show): move it (date, London times, a site or an online link) or cancel it with a reason members are told.
// Both tell the group and update their calendars.
import { getFormProps } from "@conform-to/react";
import { Form, useSearchParams } from "@remix-run/react";
import { DangerZone } from "~/components/ui/danger-zone";
import { MeetingTimeFields } from "~/components/meetings/meeting-time-fields";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import type { IntentReply } from "~/lib/forms/intents.server";
import { ukDayOf, ukTimeOf } from "~/lib/uk-calendar";
import { resultFor, type MeetingPageData } from "./page-data";

type Props = { page: MeetingPageData; sites: ReadonlyArray<{ value: string; label: string }>; reply?: IntentReply };

export function ChangeMeetingSection({ page, sites, reply }: Props) {
  const [searchParams] = useSearchParams();
  const failed = reply?.failed && (reply.intent === "move" || reply.intent === "cancel");
  return (
    <details className="card no-print" open={Boolean(failed || searchParams.get("confirm") === "cancel") || undefined}>
      <summary>Move or cancel the meeting</summary>
      {page.can.move ? <MoveSection page={page} sites={sites} reply={reply} /> : null}
      {page.can.cancel ? <CancelSection reply={reply} /> : null}
    </details>
  );
}

function MoveSection({ page, sites, reply }: Props) {
  const { meeting } = page;
  const [form, fields] = useZodForm(() => import("~/lib/forms/meetings").then((m) => m.meetingSchema), {
    id: "move",
    lastResult: resultFor(reply, "move"),
    defaultValue: {
      date: ukDayOf(new Date(meeting.startsAt)),
      startTime: ukTimeOf(new Date(meeting.startsAt)),
      endTime: ukTimeOf(new Date(meeting.endsAt)),
      siteId: meeting.site?.id ?? "",
      onlineLink: meeting.onlineLink,
    },
  });
  return (
    <section aria-labelledby="move-heading">
      <h2 id="move-heading">Move the meeting</h2>
      <p>Members are told, and calendars that hold the meeting show the new time.</p>
      <Form method="post" {...getFormProps(form)}>
        <MeetingTimeFields fields={fields} form={form} sites={sites} />
        <SubmitButton name="intent" value="move" pendingLabel="Moving…">
          Move the meeting
        </SubmitButton>
      </Form>
    </section>
  );
}

function CancelSection({ reply }: { reply?: IntentReply }) {
  const [searchParams] = useSearchParams();
  const reasonError = resultFor(reply, "cancel")?.error?.reason?.[0];
  return (
    <DangerZone
      heading="Cancel the meeting"
      headingId="cancel-heading"
      className=""
      intent="cancel"
      confirming={searchParams.get("confirm") === "cancel" || Boolean(reasonError)}
      startLabel="Cancel meeting"
      explanation="The meeting stays on the group's page, marked cancelled; members are told."
      warning={<p>Members will be told the meeting is cancelled, and their calendars will show it cancelled.</p>}
      confirmLabel="Yes, cancel the meeting"
      pendingLabel="Cancelling…"
      preventScrollReset
    >
      {/* One optional field in the confirmation's own form: a plain field, its one possible error from the server. */}
      <div className={`field${reasonError ? " field--error" : ""}`}>
        <label htmlFor="cancel-reason">Reason (optional)</label>
        <span className="hint" id="cancel-reason-hint">
          Members see it.
        </span>
        <textarea
          id="cancel-reason"
          name="reason"
          rows={2}
          maxLength={500}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? "cancel-reason-hint cancel-reason-error" : "cancel-reason-hint"}
        />
        {reasonError ? (
          <span className="field-error" id="cancel-reason-error">
            {reasonError}
          </span>
        ) : null}
      </div>
    </DangerZone>
  );
}
