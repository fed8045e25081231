// The member's change of password: its own module, loaded after the page (decision 029).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/ui/field";
import { NewPasswordFields } from "~/components/ui/new-password-fields";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";

export function PasswordForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/auth").then((m) => m.changePasswordSchema), {
    id: "change-password",
    lastResult,
  });
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="change-password" />
        <TextField
          meta={fields.currentPassword}
          type="password"
          label="Current password"
          autoComplete="current-password"
        />
        <NewPasswordFields password={fields.newPassword} confirm={fields.confirmPassword} />
        <p className="muted">Changing your password signs you out everywhere else.</p>
        <SubmitButton name="intent" value="change-password" pendingLabel="Changing password…">
          Change password
        </SubmitButton>
      </Form>
    </>
  );
}
