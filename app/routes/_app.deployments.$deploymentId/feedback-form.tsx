// The supporter's feedback for the teacher: its own module, loaded after the page (decision 029).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { TextAreaField } from "~/components/ui/choice-fields";
import { FormErrors } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { formatDateTime } from "~/lib/format";

interface Props {
  feedback: string;
  /** When she last sent it, if she has: the form starts afresh (a new id) once a new version is saved. */
  feedbackAt: Date | null;
  lastResult: SubmissionResult<string[]> | undefined;
}

export function FeedbackForm({ feedback, feedbackAt, lastResult }: Props) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/deployments").then((m) => m.feedbackSchema), {
    id: `feedback-${feedbackAt ? new Date(feedbackAt).getTime() : "new"}`,
    lastResult,
    defaultValue: { feedback },
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      {feedbackAt ? (
        <p className="hint">You sent feedback on {formatDateTime(feedbackAt)}; you can change it.</p>
      ) : null}
      <TextAreaField
        meta={fields.feedback}
        label="Your feedback"
        hint="After the lesson: what each student managed on their own, where they needed a prompt or a model, and what to change next time."
        rows={6}
        warnOfStudentNames
      />
      <SubmitButton name="intent" value="feedback" pendingLabel="Sending…">
        {feedbackAt ? "Update feedback" : "Send feedback"}
      </SubmitButton>
    </Form>
  );
}
