// The copy's title, group, date and time: its own module, loaded after the page (decision 029).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";

interface Props {
  plan: { title: string; groupId: string };
  groups: Array<{ id: string; name: string; site: { name: string } }>;
  lastResult: SubmissionResult<string[]> | undefined;
}

export function DuplicatePlanForm({ plan, groups, lastResult }: Props) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/lesson-plans").then((m) => m.duplicateLessonPlanSchema), {
    id: "duplicate-plan",
    lastResult,
    defaultValue: { title: plan.title, groupId: plan.groupId },
  });
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)}>
        <TextField meta={fields.title} label="Title" />
        <SelectField
          meta={fields.groupId}
          label="Teaching group"
          options={groups.map((g) => ({ value: g.id, label: `${g.name} (${g.site.name})` }))}
          placeholder="No group"
        />
        <TextField meta={fields.lessonDate} type="date" label="Date" />
        <TextField meta={fields.startTime} type="time" label="Start time" hint="Optional." />
        <SubmitButton pendingLabel="Duplicating…">Duplicate plan</SubmitButton>
      </Form>
    </>
  );
}
