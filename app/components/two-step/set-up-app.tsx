// Setting up an authenticator app: the QR code to scan, the key to type instead, and the first code that confirms it.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";

export function SetUpApp({
  qrCode,
  secretText,
  lastResult,
  intent,
}: {
  qrCode: string;
  secretText: string;
  lastResult?: SubmissionResult<string[]> | null;
  /** The intent the page's action expects, when it has several forms. */
  intent?: "confirm-app";
}) {
  const [form, fields] = useZodForm(() => import("~/lib/forms/two-step").then((m) => m.confirmAppSchema), {
    id: "confirm-app",
    lastResult,
    shouldValidate: "onSubmit",
  });
  return (
    <ol className="two-step-steps">
      <li>
        <p>
          Install an authenticator app on your phone if you do not have one, such as Microsoft Authenticator, Google
          Authenticator or the app your school already uses.
        </p>
      </li>
      <li>
        <p>In the app, add an account and scan this QR code.</p>
        <img className="two-step-qr" src={qrCode} width={200} height={200} alt="QR code for your authenticator app" />
        <p>
          If you cannot scan it, choose to enter a key instead and type this key:{" "}
          <code className="two-step-secret" aria-label={`Key: ${secretText}`}>
            {secretText}
          </code>
        </p>
      </li>
      <li>
        <p>Enter the 6-digit code the app now shows for Staffroom.</p>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Form method="post" {...getFormProps(form)}>
          {intent ? <input type="hidden" name="intent" value={intent} /> : null}
          <TextField meta={fields.code} label="Code from your app" autoComplete="one-time-code" />
          <div className="actions">
            <SubmitButton pendingLabel="Checking…">Confirm and continue</SubmitButton>
          </div>
        </Form>
      </li>
    </ol>
  );
}
