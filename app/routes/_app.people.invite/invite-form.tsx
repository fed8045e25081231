// The coordinator's invitation of a colleague: its own module, loaded after the page (decision 029).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { ROLE_LABELS, ROLES } from "~/lib/roles";

interface Props {
  institutions: Array<{ value: string; label: string }>;
  lastResult: SubmissionResult<string[]> | undefined;
}

export function InviteForm({ institutions, lastResult }: Props) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/membership").then((m) => m.inviteSchema), {
    id: "invite",
    lastResult,
  });
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)}>
        <TextField meta={fields.email} type="email" label="Email address" autoComplete="off" />
        <TextField
          meta={fields.name}
          label="Name (optional)"
          hint="Shown to them when they accept; they can change it."
          autoComplete="off"
        />
        <SelectField
          meta={fields.role}
          label="Role"
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          placeholder="Choose a role"
        />
        <SelectField
          meta={fields.institutionId}
          label="Institution"
          options={institutions}
          placeholder="Choose an institution"
        />
        <SubmitButton pendingLabel="Creating invitation…">Create invitation</SubmitButton>
      </Form>
    </>
  );
}
