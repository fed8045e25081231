// Setting up two-step sign-in when it is required and not yet set up: right after the password, before any session
// exists (decision 015). The member reaches nothing else until their app is confirmed; then they are signed in and
// see their recovery codes once.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod";
import { SignedOutShell } from "~/components/signed-out-shell";
import { RecoveryCodes } from "~/components/two-step/recovery-codes";
import { SetUpApp } from "~/components/two-step/set-up-app";
import { domainErrorResult } from "~/lib/forms/intents.server";
import { confirmAppSchema } from "~/lib/forms/two-step";
import { clientMeta } from "~/lib/request.server";
import {
  clearPendingSignIn,
  pendingSignInCookie,
  readTokenCookie,
  SECOND_STEP_PATH,
} from "~/models/two-step-cookies.server";
import { pendingEnrolmentView, pendingSignInStep, submitPendingEnrolment } from "~/models/two-step-sign-in.server";

export const meta: MetaFunction = () => [{ title: "Set up two-step sign-in · Staffroom" }];

const SIGN_IN_AGAIN = "/login?ended=two-step";

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (context.user) throw redirect("/home");
  const token = await readTokenCookie(pendingSignInCookie(), request);
  const view = await pendingEnrolmentView(token);
  if (view) return { view };
  if ((await pendingSignInStep(token)) === "code") throw redirect(SECOND_STEP_PATH);
  // No pending sign-in: timed out, or just finished by this page's action (whose answer shows the recovery codes).
  return { view: null };
}

// The recovery codes are the action's answer, shown once: reloading the page's data would send the now signed-in
// member away from them.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "recoveryCodes" in actionResult ? false : defaultShouldRevalidate;

export async function action({ context, request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: confirmAppSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const outcome = await submitPendingEnrolment({
      pendingToken: await readTokenCookie(pendingSignInCookie(), request),
      code: submission.value.code,
      meta: clientMeta(request, context),
    });
    if (!outcome.ok) throw redirect(SIGN_IN_AGAIN, { headers: { "Set-Cookie": await clearPendingSignIn() } });
    const headers = new Headers();
    headers.append("Set-Cookie", outcome.sessionCookie.serialize());
    headers.append("Set-Cookie", await clearPendingSignIn());
    return data({ recoveryCodes: outcome.recoveryCodes, redirectTo: outcome.redirectTo }, { headers });
  } catch (error) {
    if (error instanceof Response) throw error;
    const { result, status } = domainErrorResult(submission, error);
    return data({ result }, { status });
  }
}

export default function SetUpTwoStepPage() {
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData && "recoveryCodes" in actionData) {
    return (
      <SignedOutShell>
        <div className="card">
          <h1>Two-step sign-in is set up</h1>
          <p className="page-intro">From now on you sign in with your password and a code from your app.</p>
        </div>
        <RecoveryCodes codes={actionData.recoveryCodes}>
          <p>
            <Link to={actionData.redirectTo} reloadDocument>
              I have kept my recovery codes: continue to Staffroom
            </Link>
          </p>
        </RecoveryCodes>
      </SignedOutShell>
    );
  }
  if (!view) {
    return (
      <SignedOutShell>
        <div className="card">
          <h1>Sign in again</h1>
          <p>Setting up two-step sign-in has timed out. Sign in again to carry on.</p>
          <p>
            <Link to="/login">Sign in</Link>
          </p>
        </div>
      </SignedOutShell>
    );
  }
  return (
    <SignedOutShell>
      <div className="card">
        <h1>Set up two-step sign-in</h1>
        <p className="page-intro">
          Staffroom holds details of children, so members who can see them sign in with a code from their phone as well
          as their password. It takes a minute, once.
        </p>
        <SetUpApp qrCode={view.qrCode} secretText={view.secretText} lastResult={actionData?.result} />
        <p>
          <Link to="/login">Sign in as someone else</Link>
        </p>
      </div>
    </SignedOutShell>
  );
}
