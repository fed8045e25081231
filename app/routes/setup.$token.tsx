// First-run set-up: the one-time link printed in the server log creates the partnership, its first institution
// and its coordinator, who then sets up two-step sign-in and is signed in.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SignedOutShell } from "~/components/signed-out-shell";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { NewPasswordFields } from "~/components/ui/new-password-fields";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { DomainError } from "~/lib/errors";
import { setupSchema } from "~/lib/forms/setup";
import { INSTITUTION_KINDS, INSTITUTION_KIND_LABELS } from "~/lib/institutions";
import { clientMeta } from "~/lib/request.server";
import { completeSetup, SETUP_LINK_GONE, setupLinkState } from "~/models/first-run-setup.server";
import { refineNewPassword } from "~/models/password-check.server";
import { startSession } from "~/models/sessions.server";
import { pendingSignInCookie, SET_UP_PATH } from "~/models/two-step-cookies.server";
import { beginSecondStep } from "~/models/two-step-sign-in.server";

export const meta: MetaFunction = () => [{ title: "Set up your partnership · Staffroom" }];

// The page's address is the secret: keep it out of caches.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

const KIND_OPTIONS = INSTITUTION_KINDS.map((kind) => ({ value: kind, label: INSTITUTION_KIND_LABELS[kind] }));
const STATUS = { usable: 200, gone: 410, unknown: 404 } as const;

export async function loader({ params }: LoaderFunctionArgs) {
  const state = await setupLinkState(params.token ?? "");
  return data({ state }, { status: STATUS[state] });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const formData = await request.formData();
  const state = await setupLinkState(token);
  const submission = parseWithZod(formData, {
    schema: setupSchema.superRefine((value, ctx) =>
      refineNewPassword(ctx, "password", value.password, { email: value.email, name: value.coordinatorName }),
    ),
  });
  const hideFields = ["password", "confirmPassword"];
  if (state !== "usable") {
    return data(submission.reply({ formErrors: [SETUP_LINK_GONE], hideFields }), { status: STATUS[state] });
  }
  if (submission.status !== "success") return data(submission.reply({ hideFields }), { status: 400 });
  try {
    const meta = clientMeta(request, context);
    const user = await completeSetup(token, submission.value, meta.ipAddress);
    // A coordinator signs in with two steps (decision 015): the new one sets up their app before anything else.
    const secondStep = await beginSecondStep(user, { rememberedDeviceToken: null, redirectTo: "/home" });
    if (secondStep) {
      const pending = await pendingSignInCookie().serialize(secondStep.pendingToken);
      throw redirect(SET_UP_PATH, { headers: { "Set-Cookie": pending } });
    }
    const { cookie } = await startSession(user.id, meta);
    throw redirect("/home", { headers: { "Set-Cookie": cookie.serialize() } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const reply = error.field
      ? submission.reply({ fieldErrors: { [error.field]: [error.message] }, hideFields })
      : submission.reply({ formErrors: [error.message], hideFields });
    return data(reply, { status: error.status });
  }
}

export default function SetupPage() {
  const { state } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useZodForm(() => import("~/lib/forms/setup").then((m) => m.setupSchema), {
    id: "setup",
    lastResult,
  });
  if (state !== "usable") {
    return (
      <SignedOutShell>
        <div className="card">
          <h1>This set-up link no longer works</h1>
          <p>
            A set-up link works once and for a day. If your partnership is set up already, sign in. If not, restart
            Staffroom: it prints a new link in its log.
          </p>
          <Link to="/login">Go to sign in</Link>
        </div>
      </SignedOutShell>
    );
  }
  return (
    <SignedOutShell>
      <div className="card">
        <h1>Set up your partnership</h1>
        <p className="page-intro">
          Name your partnership and its first school or college, and create your own account as its coordinator. You
          invite everyone else from Staffroom afterwards.
        </p>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Form method="post" {...getFormProps(form)}>
          <fieldset className="form-part">
            <legend>Your partnership</legend>
            <TextField meta={fields.partnershipName} label="Partnership name" autoComplete="organization" />
            <TextField meta={fields.institutionName} label="First school or college" />
            <SelectField meta={fields.institutionKind} label="Kind of institution" options={KIND_OPTIONS} />
          </fieldset>
          <fieldset className="form-part">
            <legend>You, the partnership coordinator</legend>
            <TextField meta={fields.coordinatorName} label="Your name" autoComplete="name" />
            <TextField meta={fields.email} type="email" label="Email address" autoComplete="username" />
            <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} label="Password" />
          </fieldset>
          <div className="actions">
            <SubmitButton pendingLabel="Setting up…">Set up the partnership</SubmitButton>
          </div>
        </Form>
      </div>
    </SignedOutShell>
  );
}
