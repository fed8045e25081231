// The minutes: a co-edited document (live, presence, offline, history) while drafted; where they stand
// (submitted, approved by whom and when, revisions with their reasons); submit, approve and revise.
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CommentPanel } from "~/components/comments/comment-panel";
import { LiveEditor } from "~/components/live-editor";
import { TextAreaField } from "~/components/ui/choice-fields";
import { FormErrors } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { formatDateTime } from "~/lib/format";
import type { IntentReply } from "~/lib/forms/intents.server";
import { MINUTES_STATUS_LABELS } from "~/lib/meeting-vocabulary";
import { resultFor, type MeetingPageData } from "./page-data";

type Props = { page: MeetingPageData; reply?: IntentReply };

function MinutesStanding({ meeting }: { meeting: MeetingPageData["meeting"] }) {
  return (
    <>
      <p role="status">
        <strong>{MINUTES_STATUS_LABELS[meeting.minutesStatus]}</strong>
        {meeting.submittedAt ? ` · submitted by ${meeting.submittedBy} on ${formatDateTime(meeting.submittedAt)}` : ""}
        {meeting.approvedAt ? ` · approved by ${meeting.approvedBy} on ${formatDateTime(meeting.approvedAt)}` : ""}
      </p>
      {meeting.revisions.length ? (
        <ul>
          {meeting.revisions.map((r) => (
            <li key={r.id}>
              Revision opened {formatDateTime(r.createdAt)}: {r.reason}. The approved text stays in the version history.
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function ReviseForm({ reply }: { reply?: IntentReply }) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/meetings").then((m) => m.revisionSchema), {
    id: "revise",
    lastResult: resultFor(reply, "revise"),
  });
  return (
    <details>
      <summary>Correct the approved minutes</summary>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextAreaField meta={fields.reason} label="What does the revision correct?" rows={2} />
        <SubmitButton name="intent" value="revise" pendingLabel="Opening…" variant="secondary">
          Open a revision
        </SubmitButton>
      </Form>
    </details>
  );
}

export function MinutesSection({ page, reply }: Props) {
  const { meeting, can } = page;
  return (
    <section className="card" aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">Minutes</h2>
      <MinutesStanding meeting={meeting} />
      {page.minutesDocumentId ? (
        <LiveEditor
          loading="Opening the minutes…"
          documentId={page.minutesDocumentId}
          user={page.user}
          readOnly={!can.writeMinutes}
          label="Minutes"
        />
      ) : (
        <p>This meeting has no minutes document.</p>
      )}
      {page.minutesDocumentId ? (
        <CommentPanel subjectType="document" subjectId={page.minutesDocumentId} subjectTitle="these minutes" />
      ) : null}
      <Form method="post" className="actions">
        {can.submit ? (
          <button type="submit" name="intent" value="submit" className="button">
            {meeting.minutesStatus === "submitted" ? "Submit the minutes again" : "Submit the minutes for approval"}
          </button>
        ) : null}
        {can.addSections ? (
          <button type="submit" name="intent" value="add-sections" className="button button--secondary">
            Add sections for new items
          </button>
        ) : null}
        {can.approve ? (
          <button type="submit" name="intent" value="approve" className="button">
            Approve the minutes
          </button>
        ) : null}
      </Form>
      {can.revise ? <ReviseForm reply={reply} /> : null}
    </section>
  );
}
