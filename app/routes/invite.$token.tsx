// Accepting an invitation: the invitee chooses a password and joins the partnership.
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
import { NewPasswordFields } from "~/components/ui/new-password-fields";
import { FormErrors, TextField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { DomainError } from "~/lib/errors";
import { acceptInviteSchema } from "~/lib/forms/auth";
import { refineNewPassword } from "~/models/password-check.server";
import { clientMeta } from "~/lib/request.server";
import { ROLE_LABELS, isRole } from "~/lib/roles";
import { acceptInvite, findInviteByToken } from "~/models/invites.server";
import { startSession } from "~/models/sessions.server";
import { SignedOutShell } from "~/components/signed-out-shell";

export const meta: MetaFunction = () => [{ title: "Join your partnership · Staffroom" }];

const LINK_GONE = "This invitation link no longer works. Ask your partnership coordinator for a new one.";

// The page's address is the secret: keep it out of caches.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

/** 404 for a link that never existed, 410 for one that was used, revoked or has expired; the page says which. */
async function pendingInvite(token: string) {
  const invite = await findInviteByToken(token);
  if (!invite) return { invite: null, state: "unknown", status: 404 } as const;
  if (invite.state !== "pending") return { invite: null, state: invite.state, status: 410 } as const;
  return { invite, state: invite.state, status: 200 } as const;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { invite, state, status } = await pendingInvite(params.token ?? "");
  if (!invite) return data({ state }, { status });
  return {
    state: "pending" as const,
    partnershipName: invite.partnership.name,
    institutionName: invite.institution.name,
    role: isRole(invite.role) ? ROLE_LABELS[invite.role] : invite.role,
    email: invite.email,
    name: invite.name,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const formData = await request.formData();
  const { invite, status } = await pendingInvite(token);
  const submission = parseWithZod(formData, {
    schema: acceptInviteSchema.superRefine((value, ctx) =>
      refineNewPassword(ctx, "password", value.password, { email: invite?.email, name: value.name }),
    ),
  });
  const hideFields = ["password", "confirmPassword"];
  if (!invite) return data(submission.reply({ formErrors: [LINK_GONE], hideFields }), { status });
  if (submission.status !== "success") return data(submission.reply({ hideFields }), { status: 400 });
  try {
    const meta = clientMeta(request, context);
    const user = await acceptInvite({ token, ...submission.value }, meta.ipAddress);
    const { cookie } = await startSession(user.id, meta);
    throw redirect("/home", { headers: { "Set-Cookie": cookie.serialize() } });
  } catch (error) {
    if (error instanceof DomainError) {
      // Used, revoked or expired since the check above (410), or the address has an account meanwhile (409).
      const gone = (await pendingInvite(token)).status !== 200;
      return data(submission.reply({ formErrors: [error.message], hideFields }), { status: gone ? 410 : 409 });
    }
    throw error;
  }
}

export default function AcceptInvitePage() {
  const invite = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useZodForm(() => import("~/lib/forms/auth").then((m) => m.acceptInviteSchema), {
    id: "accept-invite",
    lastResult,
    defaultValue: { name: invite.state === "pending" ? invite.name : "" },
  });
  return (
    <SignedOutShell>
      {invite.state === "pending" ? (
        <div className="card">
          <h1>Join {invite.partnershipName}</h1>
          <p>
            You have been invited as {invite.role === "LSA" ? "an" : "a"} {invite.role} at {invite.institutionName}. You
            will sign in with <strong>{invite.email}</strong>.
          </p>
          <FormErrors errors={form.errors} id={form.errorId} />
          <Form method="post" {...getFormProps(form)}>
            <TextField meta={fields.name} label="Your name" autoComplete="name" />
            <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} label="Password" />
            <div className="actions">
              <SubmitButton pendingLabel="Setting up your account…">Join the partnership</SubmitButton>
            </div>
          </Form>
        </div>
      ) : (
        <div className="card">
          <h1>
            {invite.state === "accepted" ? "This invitation has been used" : "This invitation link no longer works"}
          </h1>
          <p>
            {invite.state === "accepted"
              ? "This invitation has already been used to create an account. If it was yours, sign in."
              : invite.state === "expired"
                ? "Invitation links expire after a few days. Ask your partnership coordinator for a new one."
                : "The link may have been replaced by a newer invitation or mistyped. Ask your partnership coordinator for a new one."}
          </p>
          <Link to="/login">Go to sign in</Link>
        </div>
      )}
    </SignedOutShell>
  );
}
