// The form that starts or changes a group that meets: name, purpose, members from any institution, chair,
// minute-taker, and whether the partnership may read its approved minutes.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { ChoiceGroupField, TextAreaField } from "~/components/ui/choice-fields";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import type { MeetingGroupInput } from "~/lib/forms/meetings";

type Option = { value: string; label: string };

export function MeetingGroupForm({
  id,
  colleagues,
  lastResult,
  defaultValue,
  submitLabel,
  intent,
}: {
  id: string;
  colleagues: Option[];
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Partial<MeetingGroupInput>;
  submitLabel: string;
  intent?: string;
}) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/meetings").then((m) => m.meetingGroupSchema), {
    id,
    lastResult,
    defaultValue,
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField meta={fields.name} label="Name" hint="For example: BTEC Sport course team, Heads' group." />
      <TextAreaField meta={fields.purpose} label="Purpose (optional)" rows={2} />
      <SelectField meta={fields.chairId} label="Chair" options={colleagues} placeholder="Choose the chair" />
      <SelectField
        meta={fields.minuteTakerId}
        label="Minute-taker"
        options={colleagues}
        placeholder="Choose the minute-taker"
      />
      <ChoiceGroupField
        meta={fields.memberIds}
        legend="Members"
        hint="From any institution. The chair and minute-taker are members too."
        type="checkbox"
        options={colleagues}
      />
      <CheckboxField
        meta={fields.openToPartnership}
        label="Open to the partnership"
        hint="Everyone in the partnership can read the group's approved minutes and decisions."
      />
      <SubmitButton name={intent ? "intent" : undefined} value={intent} pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
