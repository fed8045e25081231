// The new teaching group's form: its own module, loaded after the page (decision 029).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";

interface Props {
  /** The course's delivery sites: the group meets at one of them. */
  sites: Array<{ value: string; label: string }>;
  firstSiteId: string;
  lastResult: SubmissionResult<string[]> | undefined;
}

export function NewGroupForm({ sites, firstSiteId, lastResult }: Props) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/courses").then((m) => m.newGroupSchema), {
    id: "new-group",
    lastResult,
    defaultValue: { siteId: firstSiteId },
  });
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)}>
        <TextField meta={fields.name} label="Group name" hint="For example: BTEC Sport 2025-26 (Tuesday)." />
        <SelectField
          meta={fields.siteId}
          label="Site where the group meets"
          hint="One of the course's delivery sites."
          options={sites}
          placeholder="Choose a site"
        />
        <TextField meta={fields.academicYear} label="Academic year (optional)" hint="Like 2025-26." />
        <SubmitButton pendingLabel="Adding the group…">Add group</SubmitButton>
      </Form>
    </>
  );
}
