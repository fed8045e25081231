// Choosing a new password with a link the coordinator made: single use, for a
// limited time; it signs the member out everywhere and sends them to sign in.
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
import { FormErrors } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { DomainError } from "~/lib/errors";
import { resetPasswordSchema } from "~/lib/forms/auth";
import { refineNewPassword } from "~/models/password-check.server";
import { findPasswordResetByToken, resetPassword } from "~/models/password-resets.server";
import { SignedOutShell } from "~/components/signed-out-shell";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Staffroom" }];

// The page's address is the secret: keep it out of caches.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

const LINK_GONE = "This password reset link no longer works";

/** 404 for a link that never existed, 410 for one that was used, replaced or has expired; the page says the same. */
async function usableReset(token: string) {
  const reset = await findPasswordResetByToken(token);
  if (!reset) return { reset: null, status: 404 } as const;
  if (reset.state !== "usable") return { reset: null, status: 410 } as const;
  return { reset, status: 200 } as const;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { reset, status } = await usableReset(params.token ?? "");
  if (!reset) return data({ usable: false as const }, { status });
  return { usable: true as const, name: reset.user.name };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const formData = await request.formData();
  const { reset, status } = await usableReset(token);
  const submission = parseWithZod(formData, {
    schema: resetPasswordSchema.superRefine((value, ctx) =>
      refineNewPassword(ctx, "password", value.password, { email: reset?.user.email, name: reset?.user.name }),
    ),
  });
  const hideFields = ["password", "confirmPassword"];
  if (!reset) return data(submission.reply({ formErrors: [`${LINK_GONE}.`], hideFields }), { status });
  if (submission.status !== "success") return data(submission.reply({ hideFields }), { status: 400 });
  try {
    const { userId } = await resetPassword({ token, password: submission.value.password }, context.clientIp);
    await context.realtime.disconnectUser(userId, "signed-out");
  } catch (error) {
    // Used, revoked or expired since the check above.
    if (error instanceof DomainError && error.code === "gone")
      return data(submission.reply({ formErrors: [`${LINK_GONE}.`], hideFields }), { status: 410 });
    throw error;
  }
  throw redirect("/login?password=changed");
}

export default function ResetPasswordPage() {
  const reset = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useZodForm(() => import("~/lib/forms/auth").then((m) => m.resetPasswordSchema), {
    id: "reset-password",
    lastResult,
  });
  return (
    <SignedOutShell>
      {reset.usable ? (
        <div className="card">
          <h1>Choose a new password</h1>
          <p>
            This link is for <strong>{reset.name}</strong>'s Staffroom account. If that is not you, close this page and
            let your partnership coordinator know.
          </p>
          <FormErrors errors={form.errors} id={form.errorId} />
          <Form method="post" {...getFormProps(form)}>
            <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} />
            <p className="muted">
              Choosing a new password signs you out of Staffroom everywhere; then you sign in with it.
            </p>
            <div className="actions">
              <SubmitButton pendingLabel="Saving your new password…">Save new password</SubmitButton>
            </div>
          </Form>
        </div>
      ) : (
        <div className="card">
          <h1>{LINK_GONE}</h1>
          <p>
            Password reset links work once, for a limited time, and a newer link replaces an older one. Ask your
            partnership coordinator for a new link, or sign in if you remember your password.
          </p>
          <Link to="/login">Go to sign in</Link>
        </div>
      )}
    </SignedOutShell>
  );
}
