// The coordinator's form for how long leavers' records are kept: its own module so Conform loads after the page.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { NumberField } from "~/components/lesson-plan/fields";
import { FormErrors } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from "~/lib/forms/labels";

export function RetentionForm({
  years,
  lastResult,
}: {
  years: number;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/students").then((m) => m.studentRetentionSchema), {
    id: "retention",
    lastResult,
    defaultValue: { years: String(years) },
  });
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)}>
        <NumberField
          meta={fields.years}
          label="Years to keep a leaver's record"
          hint={`From the leaving date; between ${MIN_RETENTION_YEARS} and ${MAX_RETENTION_YEARS} years. Six years is the usual period for school records after a pupil leaves.`}
        />
        <SubmitButton pendingLabel="Saving…">Save retention period</SubmitButton>
      </Form>
    </>
  );
}
