// Sign in with email and password.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { deviceCookie, readDeviceToken } from "~/models/device-cookie.server";
import { signInSchema, tooManyAttemptsMessage } from "~/lib/forms/auth";
import { clientMeta, passRetryAfter } from "~/lib/request.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { signIn } from "~/models/sign-in.server";
import { SignedOutShell } from "~/components/signed-out-shell";
import { readTokenCookie, redirectToSecondStep, rememberedDeviceCookie } from "~/models/two-step-cookies.server";
import { DEMO_SIGN_IN_REFUSED, DemoSignInNotice } from "~/components/demo-banner";
import { demoSignInScope } from "~/models/demo-partnership.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Staffroom" }];

export const headers = passRetryAfter;

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (context.user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return { demo: await demoSignInScope() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signInSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await signIn({
    email: submission.value.email,
    password: submission.value.password,
    deviceToken: await readDeviceToken(request),
    meta: clientMeta(request, context),
    twoStep: {
      rememberedDeviceToken: await readTokenCookie(rememberedDeviceCookie(), request),
      redirectTo: submission.value.redirectTo,
    },
  });
  if (!result.ok) {
    if (result.reason === "second-step") throw await redirectToSecondStep(result.secondStep, result.deviceToken);
    if (result.reason === "throttled") {
      return data(
        submission.reply({ formErrors: [tooManyAttemptsMessage(result.retryAfterMs)], hideFields: ["password"] }),
        { status: 429, headers: { "Retry-After": String(Math.ceil(result.retryAfterMs / 1000)) } },
      );
    }
    if (result.reason === "demo-elsewhere") {
      return data(submission.reply({ formErrors: [DEMO_SIGN_IN_REFUSED], hideFields: ["password"] }), { status: 403 });
    }
    return data(
      submission.reply({
        formErrors: ["That email address and password do not match. Check them and try again."],
        hideFields: ["password"],
      }),
      { status: 400 },
    );
  }
  const headers = new Headers();
  headers.append("Set-Cookie", result.sessionCookie.serialize());
  headers.append("Set-Cookie", await deviceCookie().serialize(result.deviceToken));
  throw redirect(safeRedirectPath(submission.value.redirectTo), { headers });
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const { demo } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const ended = searchParams.get("ended");
  const passwordChanged = searchParams.get("password") === "changed";
  // Sign-in says nothing until the form is sent: no "enter your password" while the email is still being typed.
  const [form, fields] = useZodForm(() => import("~/lib/forms/auth").then((m) => m.signInSchema), {
    id: "sign-in",
    lastResult,
    shouldValidate: "onSubmit",
  });
  return (
    <SignedOutShell>
      <div className="card">
        <h1>Sign in</h1>
        <p className="page-intro">Plan and teach together across your partnership.</p>
        {ended ? (
          <div className="alert alert--warning" role="status">
            <p>
              {ended === "deactivated"
                ? "Your account has been deactivated. If you think this is a mistake, ask your partnership coordinator."
                : "You have been signed out. Sign in again to carry on."}
            </p>
          </div>
        ) : null}
        {passwordChanged && !ended ? (
          <div className="alert alert--success" role="status">
            <p>
              Your password has been changed and you have been signed out everywhere. Sign in with your new password.
            </p>
          </div>
        ) : null}
        {demo !== "no-demo" ? <DemoSignInNotice scope={demo} /> : null}
        <FormErrors errors={form.errors} id={form.errorId} />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <TextField meta={fields.email} type="email" label="Email address" autoComplete="username" />
          <TextField meta={fields.password} type="password" label="Password" autoComplete="current-password" />
          <div className="actions">
            <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
          </div>
        </Form>
      </div>
      <p className="muted">New to Staffroom? Your partnership coordinator sends you an invitation link to join.</p>
    </SignedOutShell>
  );
}
