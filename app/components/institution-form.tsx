// An institution's name, kind and town, as the coordinator adds or edits one: a lazy section of both pages, so
// Conform loads after the page (decision 029).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { useZodForm } from "~/components/ui/use-zod-form";
import { INSTITUTION_KINDS, INSTITUTION_KIND_LABELS } from "~/lib/institutions";

interface Props {
  /** The form's id on its page. */
  id: string;
  /** The institution being edited; a new one starts empty and asks for a kind. */
  institution?: { name: string; kind: string; town: string };
  lastResult: SubmissionResult<string[]> | undefined;
  /** The form's button, the one thing adding and editing word differently. */
  submit: ReactNode;
}

export function InstitutionForm({ id, institution, lastResult, submit }: Props) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/membership").then((m) => m.institutionSchema), {
    id,
    lastResult,
    defaultValue: institution && { name: institution.name, kind: institution.kind, town: institution.town },
  });
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)}>
        <TextField meta={fields.name} label="Name" />
        <SelectField
          meta={fields.kind}
          label="Kind"
          options={INSTITUTION_KINDS.map((k) => ({ value: k, label: INSTITUTION_KIND_LABELS[k] }))}
          placeholder={institution ? undefined : "Choose a kind"}
        />
        <TextField meta={fields.town} label="Town (optional)" />
        {submit}
      </Form>
    </>
  );
}
