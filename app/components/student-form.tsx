// The form of a student's record, shared by the add and edit pages. Its pages load it as a lazy section (decision
// 029), so Conform and the student-name warning come after the page.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { ChoiceGroupField, TextAreaField } from "~/components/ui/choice-fields";
import { FormErrors, SelectField, TextField, type FieldOf } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { COMMUNICATION_MODES, NEED_AREAS, SEN_STATUSES, YEAR_GROUPS, yearGroupLabel } from "~/lib/co-planning";
import type { studentSchema } from "~/lib/forms/students";

type Text = FieldOf<string | undefined>;

/** The conform fields of studentSchema; numbers and booleans travel as text in the form. */
interface StudentFieldset {
  firstName: Text;
  lastName: Text;
  homeInstitutionId: Text;
  yearGroup: FieldOf<number>;
  senStatus: Text;
  needAreas: FieldOf<string[] | undefined>;
  communicationMode: Text;
  atRisk: FieldOf<boolean | undefined>;
  notes: Text;
}

type Institutions = ReadonlyArray<{ value: string; label: string }>;

/** The record's form with its messages and button; `lastResult` is the action's reply when it was this form's. */
export function StudentForm({
  id,
  lastResult,
  defaultValue,
  institutions,
  submitLabel,
  pendingLabel,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: { [Field in keyof z.input<typeof studentSchema>]?: unknown };
  institutions: Institutions;
  submitLabel: string;
  pendingLabel: string;
}) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/students").then((m) => m.studentSchema), {
    id,
    lastResult,
    defaultValue,
  });
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)}>
        <StudentFields fields={fields} institutions={institutions} />
        <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
      </Form>
    </>
  );
}

function StudentFields({ fields, institutions }: { fields: StudentFieldset; institutions: Institutions }) {
  return (
    <>
      <TextField meta={fields.firstName} label="First name" />
      <TextField meta={fields.lastName} label="Last name" />
      <SelectField
        meta={fields.homeInstitutionId}
        label="Home institution"
        options={institutions}
        placeholder="Choose an institution"
      />
      <SelectField
        meta={fields.yearGroup as unknown as Text}
        label="Year group"
        options={YEAR_GROUPS.map((y) => ({ value: String(y), label: yearGroupLabel(y) }))}
        placeholder="Choose a year group"
      />
      <SelectField meta={fields.senStatus} label="SEN" options={SEN_STATUSES.options} placeholder="Choose" />
      <ChoiceGroupField
        type="checkbox"
        meta={fields.needAreas}
        legend="Broad areas of need"
        hint="For a student on SEN support or with an EHC plan."
        options={NEED_AREAS.options}
      />
      <SelectField
        meta={fields.communicationMode}
        label="Communication mode"
        options={COMMUNICATION_MODES.options.filter((o) => o.value !== "")}
        placeholder="Not recorded"
      />
      <CheckboxField meta={fields.atRisk} label="Vulnerable or at risk of exclusion" />
      <TextAreaField
        meta={fields.notes}
        label="Notes (optional)"
        hint="Short, practical notes for the staff who teach them. At most 500 characters."
        rows={3}
      />
    </>
  );
}
