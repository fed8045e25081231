// The leaving end of a student's record: marking them as left (or back on roll), the subject-access export, and
// erasing the record now. Each part shows only to those the student policy allows (app/policies/student.ts).
import { getFormProps } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { TextField } from "~/components/ui/field";
import { DangerZone } from "~/components/ui/danger-zone";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { formatDate } from "~/lib/format";
import { FORMER_STUDENT } from "~/lib/student-name-redaction";

interface StudentLeavingProps {
  studentId: string;
  firstName: string;
  /** The leaving date (ISO) of a leaver, null while on roll. */
  leftOn: string | null;
  /** When a leaver's record will be erased (ISO), null while on roll. */
  erasureDue: string | null;
  retentionYears: number;
  today: string;
  canMarkLeft: boolean;
  canErase: boolean;
  canExport: boolean;
  confirmingErase: boolean;
  lastResult?: SubmissionResult<string[]> | null;
}

export function StudentLeaving(props: StudentLeavingProps) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/students").then((m) => m.studentLeftSchema), {
    id: "student-left",
    lastResult: props.lastResult,
    defaultValue: { leftOn: props.today },
    shouldValidate: "onSubmit",
  });
  return (
    <>
      {props.canMarkLeft || props.leftOn ? (
        <section className="card narrow" aria-labelledby="leaving-heading">
          <h2 id="leaving-heading">Leaving</h2>
          {props.leftOn ? (
            <>
              <p>
                Left on {formatDate(props.leftOn)}. {props.firstName} is no longer in group lists or deployment pickers.
                Their record is kept for {props.retentionYears} years after leaving and erased on{" "}
                {formatDate(props.erasureDue!)}.
              </p>
              {props.canMarkLeft ? (
                <Form method="post" replace>
                  <SubmitButton name="intent" value="reinstate" variant="secondary" pendingLabel="Putting back…">
                    Put back on roll
                  </SubmitButton>
                </Form>
              ) : null}
            </>
          ) : (
            <>
              <p>
                A student who has left no longer appears in group lists or deployment pickers. Their record is kept for
                the partnership&apos;s retention period ({props.retentionYears} years), then erased.
              </p>
              <Form method="post" {...getFormProps(form)}>
                <TextField meta={fields.leftOn} type="date" label="Leaving date" />
                <SubmitButton name="intent" value="left" pendingLabel="Saving…">
                  Mark as left
                </SubmitButton>
              </Form>
            </>
          )}
        </section>
      ) : null}
      {props.canExport ? (
        <section className="card narrow" aria-labelledby="export-heading">
          <h2 id="export-heading">Subject-access request</h2>
          <p>
            Everything Staffroom holds about {props.firstName}: the record, groups, deployments, notes, mentions in
            plans and briefings, and the audit entries about them. The download is recorded in the audit log.
          </p>
          <a className="button button--secondary" href={`/students/${props.studentId}/export`} download>
            Download everything held (JSON)
          </a>
        </section>
      ) : null}
      {props.canErase ? (
        <DangerZone
          heading="Erase the record"
          headingId="erase-heading"
          intent="erase"
          confirming={props.confirmingErase}
          startLabel="Erase now"
          explanation="For an erasure request, or a leaver whose record should go before the retention period ends. You will see what goes before you confirm."
          warning={
            <p>
              This erases {props.firstName}&apos;s record, groups and deployments for good, and replaces their name with
              “{FORMER_STUDENT}” in plans, briefings, feedback, notes and every version of co-edited plans. Uploaded
              files that name them are removed. It cannot be undone.
            </p>
          }
          confirmLabel="Yes, erase the record"
          pendingLabel="Erasing…"
        />
      ) : null}
    </>
  );
}
