// The member's own two-step sign-in: set up an app (or move to a new phone), make new recovery codes, and turn it
// off when it is not required of them (decision 015).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { parseWithZod } from "@conform-to/zod";
import { lazySection } from "~/components/ui/lazy-section";
import { RecoveryCodes } from "~/components/two-step/recovery-codes";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { refusal } from "~/lib/errors";
import { formatDateTime } from "~/lib/format";
import { domainErrorResult, failedReply } from "~/lib/forms/intents.server";
import { confirmAppSchema } from "~/lib/forms/two-step";
import { getShellUser } from "~/models/members.server";
import { requireRecentAuthentication } from "~/models/reauthentication.server";
import {
  confirmEnrolment,
  enrolmentView,
  ownTwoStep,
  regenerateRecoveryCodes,
  turnOffTwoStep,
} from "~/models/two-step.server";
import { ensure, requireActionContext, requireActor } from "~/policies/enforce.server";

const SetUpApp = lazySection(() => import("~/components/two-step/set-up-app").then((m) => m.SetUpApp));

export const meta: MetaFunction = () => [{ title: "Two-step sign-in · Your account · Staffroom" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  // Everything on this page changes two-step sign-in: the password is confirmed before it opens (issue 14), so that
  // nothing typed here is lost to the confirmation, and a borrowed session cannot read a new app's key.
  requireRecentAuthentication(request, context.session);
  const own = await ownTwoStep(actor);
  const movingPhone = new URL(request.url).searchParams.get("new-phone") === "1";
  const settingUp = !own.enrolled || movingPhone;
  const user = await getShellUser(actor.id);
  return { ...own, setUp: settingUp && user ? await enrolmentView(user) : null };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  requireRecentAuthentication(request, context.session);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent === "recovery-codes") {
    return { intent, recoveryCodes: await regenerateRecoveryCodes(ctx).catch(refusal), message: undefined };
  }
  if (intent === "turn-off") {
    ensure(!(await ownTwoStep(ctx.actor)).required, "Two-step sign-in is required for your role.");
    await turnOffTwoStep(ctx);
    return { intent, message: "Two-step sign-in is off. You sign in with your password alone." };
  }
  const submission = parseWithZod(formData, { schema: confirmAppSchema });
  if (submission.status !== "success") return failedReply({ intent, result: submission.reply() });
  try {
    const recoveryCodes = await confirmEnrolment(ctx.actor, submission.value.code, ctx.ipAddress);
    return { intent, recoveryCodes, message: "Two-step sign-in is set up with your app." };
  } catch (error) {
    const { result, status } = domainErrorResult(submission, error);
    return data({ intent, result }, { status });
  }
}

export default function TwoStepAccountPage() {
  const own = useLoaderData<typeof loader>();
  const actionData = useLastActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const codes = actionData && "recoveryCodes" in actionData ? actionData.recoveryCodes : null;
  return (
    <>
      <p>
        <Link to="/account">Back to your account</Link>
      </p>
      <h1>Two-step sign-in</h1>
      <p className="page-intro">
        {own.required
          ? "Your role can see children's details, so you sign in with your password and a code from your phone."
          : "You may add a code from your phone to your password when you sign in. It is not required for your role."}
      </p>
      {actionData && "message" in actionData && actionData.message ? (
        <Notice tone="success">
          <p>{actionData.message}</p>
        </Notice>
      ) : null}
      {codes ? <RecoveryCodes codes={codes} /> : null}
      {own.setUp && !codes ? (
        <section aria-labelledby="set-up-heading" className="card narrow">
          <h2 id="set-up-heading">{own.enrolled ? "Move to a new phone" : "Set up your app"}</h2>
          {own.enrolled ? <p>Your current app keeps working until the new one is confirmed.</p> : null}
          <SetUpApp
            qrCode={own.setUp.qrCode}
            secretText={own.setUp.secretText}
            intent="confirm-app"
            lastResult={actionData && "result" in actionData ? actionData.result : undefined}
          />
        </section>
      ) : null}
      {own.enrolled ? (
        <section aria-labelledby="status-heading" className="card narrow">
          <h2 id="status-heading">Your app</h2>
          <p>
            Set up{own.enrolledAt ? ` on ${formatDateTime(own.enrolledAt)}` : ""}. You have {own.recoveryCodesLeft}{" "}
            unused recovery code{own.recoveryCodesLeft === 1 ? "" : "s"}.
          </p>
          {searchParams.get("new-phone") === "1" ? null : (
            <p>
              <Link to="?new-phone=1">Move to a new phone</Link>
            </p>
          )}
          <Form method="post">
            <p>New recovery codes replace all your old ones.</p>
            <SubmitButton name="intent" value="recovery-codes" variant="secondary" pendingLabel="Making codes…">
              Make new recovery codes
            </SubmitButton>
          </Form>
          {own.required ? null : (
            <Form method="post">
              <SubmitButton name="intent" value="turn-off" variant="danger" pendingLabel="Turning off…">
                Turn off two-step sign-in
              </SubmitButton>
            </Form>
          )}
        </section>
      ) : null}
    </>
  );
}
