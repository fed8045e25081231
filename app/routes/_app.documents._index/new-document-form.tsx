// The form that starts a shared document: its own module, loaded after the page (decision 029).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";

export function NewDocumentForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/documents").then((m) => m.newDocumentSchema), {
    id: "new-document",
    lastResult,
  });
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)}>
        <TextField meta={fields.title} label="Title" />
        <SubmitButton pendingLabel="Creating…">Create document</SubmitButton>
      </Form>
    </>
  );
}
