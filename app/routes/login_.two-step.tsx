// The second step of signing in: a code from the member's app, or one of their recovery codes. The session starts
// only here (decision 015); until then the browser holds a pending sign-in that nothing else reads.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { FormErrors, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { SignedOutShell } from "~/components/signed-out-shell";
import { tooManyAttemptsMessage } from "~/lib/forms/auth";
import { REMEMBER_DEVICE_DAYS } from "~/lib/forms/labels";
import { secondStepSchema } from "~/lib/forms/two-step";
import { clientMeta, passRetryAfter } from "~/lib/request.server";
import {
  clearPendingSignIn,
  pendingSignInCookie,
  readTokenCookie,
  rememberedDeviceCookie,
  SET_UP_PATH,
} from "~/models/two-step-cookies.server";
import { pendingSignInStep, submitSecondStep } from "~/models/two-step-sign-in.server";

export const meta: MetaFunction = () => [{ title: "Two-step sign-in · Staffroom" }];

export const headers = passRetryAfter;

const SIGN_IN_AGAIN = "/login?ended=two-step";

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (context.user) throw redirect("/home");
  const step = await pendingSignInStep(await readTokenCookie(pendingSignInCookie(), request));
  if (step === "set-up") throw redirect(SET_UP_PATH);
  if (!step) throw redirect(SIGN_IN_AGAIN, { headers: { "Set-Cookie": await clearPendingSignIn() } });
  return null;
}

export async function action({ context, request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: secondStepSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["code"] }), { status: 400 });
  const result = await submitSecondStep({
    pendingToken: await readTokenCookie(pendingSignInCookie(), request),
    code: submission.value.code,
    remember: submission.value.remember ?? false,
    meta: clientMeta(request, context),
  });
  if (result.ok) {
    const headers = new Headers();
    headers.append("Set-Cookie", result.sessionCookie.serialize());
    headers.append("Set-Cookie", await clearPendingSignIn());
    if (result.rememberedDeviceToken)
      headers.append("Set-Cookie", await rememberedDeviceCookie().serialize(result.rememberedDeviceToken));
    throw redirect(result.redirectTo, { headers });
  }
  if (result.reason === "expired") {
    throw redirect(SIGN_IN_AGAIN, { headers: { "Set-Cookie": await clearPendingSignIn() } });
  }
  if (result.reason === "throttled") {
    return data(submission.reply({ formErrors: [tooManyAttemptsMessage(result.retryAfterMs)], hideFields: ["code"] }), {
      status: 429,
      headers: { "Retry-After": String(Math.ceil(result.retryAfterMs / 1000)) },
    });
  }
  return data(
    submission.reply({
      fieldErrors: { code: ["That code does not match. Enter the code your app shows now, or a recovery code."] },
      hideFields: ["code"],
    }),
    { status: 400 },
  );
}

export default function SecondStepPage() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useZodForm(() => import("~/lib/forms/two-step").then((m) => m.secondStepSchema), {
    id: "second-step",
    lastResult,
    shouldValidate: "onSubmit",
  });
  return (
    <SignedOutShell>
      <div className="card">
        <h1>Enter your code</h1>
        <p className="page-intro">
          Open the authenticator app on your phone and enter the code it shows for Staffroom.
        </p>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Form method="post" {...getFormProps(form)}>
          <TextField
            meta={fields.code}
            label="Code"
            hint="6 digits from your app, or one of your recovery codes."
            autoComplete="one-time-code"
          />
          <CheckboxField
            meta={fields.remember}
            label={`Remember this device for ${REMEMBER_DEVICE_DAYS} days`}
            hint="Only on a computer that no one else uses. You will still need your password."
          />
          <div className="actions">
            <SubmitButton pendingLabel="Checking…">Continue</SubmitButton>
          </div>
        </Form>
        <h2>Lost your phone?</h2>
        <p>
          Enter one of your recovery codes in place of the code. If you have none left, ask your partnership coordinator
          to reset your two-step sign-in.
        </p>
        <p>
          <Link to="/login">Sign in as someone else</Link>
        </p>
      </div>
    </SignedOutShell>
  );
}
