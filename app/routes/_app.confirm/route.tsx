// "Confirm it's you": the member's password before a sensitive account change (requireRecentAuthentication sends
// them here), then back to the page they came from.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { Notice } from "~/components/ui/notice";
import { confirmPasswordSchema } from "~/lib/forms/reauthentication";
import { passRetryAfter } from "~/lib/request.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { confirmItsYou } from "~/models/reauthentication.server";
import { requireActionContext, requireActor } from "~/policies/enforce.server";

const ConfirmForm = lazySection(() => import("./confirm-form").then((m) => m.ConfirmForm));

export const meta: MetaFunction = () => [{ title: "Confirm it's you · Staffroom" }];

export const headers = passRetryAfter;

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireActor(context, request);
  const params = new URL(request.url).searchParams;
  return {
    email: context.user!.email,
    redirectTo: safeRedirectPath(params.get("redirectTo"), "/account"),
    retry: params.get("retry") === "1",
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const submission = parseWithZod(await request.formData(), { schema: confirmPasswordSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const check = await confirmItsYou(ctx, context.session!.id, submission.value.password);
  if (!check.ok) {
    const reply = submission.reply({ fieldErrors: { password: [check.message] }, hideFields: ["password"] });
    if (check.retryAfterMs === undefined) return data(reply, { status: 400 });
    return data(reply, { status: 429, headers: { "Retry-After": String(Math.ceil(check.retryAfterMs / 1000)) } });
  }
  throw redirect(safeRedirectPath(submission.value.redirectTo, "/account"));
}

export default function ConfirmItsYouPage() {
  const { email, redirectTo, retry } = useLoaderData<typeof loader>();
  const lastResult = useLastActionData<typeof action>();
  return (
    <section className="card narrow" aria-labelledby="confirm-heading">
      <h1 id="confirm-heading">Confirm it's you</h1>
      {retry ? (
        <Notice tone="warning" title="Your change has not been made yet">
          <p>
            For your security, changes to accounts need your password first. After you confirm, Staffroom takes you back
            to the page: make the change again there.
          </p>
        </Notice>
      ) : null}
      <p className="page-intro">Enter your password to carry on. You will not be asked again for a few minutes.</p>
      <ConfirmForm email={email} redirectTo={redirectTo} lastResult={lastResult} />
    </section>
  );
}
