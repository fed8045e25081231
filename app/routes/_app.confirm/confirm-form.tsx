// The password check of "Confirm it's you": its own module, loaded after the page (decision 029).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";

interface Props {
  /** Kept for the password manager, which files the password under it. */
  email: string;
  redirectTo: string;
  lastResult: SubmissionResult<string[]> | undefined;
}

export function ConfirmForm({ email, redirectTo, lastResult }: Props) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/reauthentication").then((m) => m.confirmPasswordSchema), {
    id: "confirm-its-you",
    lastResult,
    shouldValidate: "onSubmit",
  });
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
        <TextField meta={fields.password} type="password" label="Password" autoComplete="current-password" />
        <div className="actions">
          <SubmitButton pendingLabel="Checking…">Confirm</SubmitButton>
        </div>
      </Form>
    </>
  );
}
