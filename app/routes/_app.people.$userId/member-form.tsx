// A member's role, institution and job title, as the coordinator changes them: its own module, loaded after the page
// (decision 029).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { ROLE_LABELS, ROLES, type Role } from "~/lib/roles";

interface Props {
  member: { role: Role; institutionId: string; jobTitle: string };
  institutions: Array<{ value: string; label: string }>;
  lastResult: SubmissionResult<string[]> | undefined;
}

export function MemberForm({ member, institutions, lastResult }: Props) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/membership").then((m) => m.updateMemberSchema), {
    id: "member",
    lastResult,
    defaultValue: { role: member.role, institutionId: member.institutionId, jobTitle: member.jobTitle },
  });
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="update" />
        <SelectField
          meta={fields.role}
          label="Role"
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          hint="A change of role signs them out so it takes effect at once."
        />
        <SelectField meta={fields.institutionId} label="Institution" options={institutions} />
        <TextField meta={fields.jobTitle} label="Job title" />
        <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
      </Form>
    </>
  );
}
