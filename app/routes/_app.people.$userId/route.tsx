// One member, as the coordinator manages them: role, institution, job title,
// deactivation (which ends their sessions and live sockets at once), reactivation,
// and a password reset link when they have forgotten their password.
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  type ActionFunctionArgs,
  type AppLoadContext,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { CopyLink } from "~/components/ui/copy-link";
import { DangerZone } from "~/components/ui/danger-zone";
import { lazySection } from "~/components/ui/lazy-section";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { formatDateTime } from "~/lib/format";
import { domainErrorResult } from "~/lib/forms/intents.server";
import { updateMemberSchema } from "~/lib/forms/membership";
import { ROLE_LABELS, type Role } from "~/lib/roles";
import { listInstitutions } from "~/models/institutions.server";
import { deactivateMember, getMember, reactivateMember, updateMember } from "~/models/members.server";
import { createPasswordReset, getPendingPasswordReset } from "~/models/password-resets.server";
import { requireRecentAuthentication } from "~/models/reauthentication.server";
import { canCreatePasswordReset, canManageMember } from "~/policies/membership";
import { resetTwoStep, twoStepStatus } from "~/models/two-step.server";
import { RESET_TWO_STEP_INTENT, ResetTwoStep } from "~/components/two-step/reset-two-step";
import { ensure, ensureFound, requireActionContext } from "~/policies/enforce.server";

const MemberForm = lazySection(() => import("./member-form").then((m) => m.MemberForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.member.name ?? "Member"} · People · Staffroom` },
];

/** The page's one policy question, for the loader and the action: may this member change the other's account? */
async function requireManagedMember(context: AppLoadContext, request: Request, userId: string | undefined) {
  const ctx = requireActionContext(context, request);
  const member = ensureFound(ctx.actor, await getMember(ctx.actor.partnershipId, userId ?? ""));
  ensure(canManageMember(ctx.actor, member), "Only the partnership coordinator can change another member's account.");
  return { ctx, actor: ctx.actor, member };
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, member } = await requireManagedMember(context, request, params.userId);
  const [institutions, pendingReset, twoStep] = await Promise.all([
    listInstitutions(actor.partnershipId),
    canCreatePasswordReset(actor, member) ? getPendingPasswordReset(actor.partnershipId, member.id) : null,
    twoStepStatus(member.id),
  ]);
  return {
    member: {
      id: member.id,
      name: member.name,
      email: member.email,
      role: member.role as Role,
      jobTitle: member.jobTitle,
      institutionId: member.institution.id,
      institutionName: member.institution.name,
      deactivated: Boolean(member.deactivatedAt),
    },
    institutions: institutions.map((i) => ({ value: i.id, label: i.name })),
    pendingReset,
    twoStepEnrolledAt: twoStep.enrolledAt,
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { ctx, actor, member } = await requireManagedMember(context, request, params.userId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "deactivate") {
    const done = await deactivateMember(ctx, member.id);
    if (done) await context.realtime.disconnectUser(member.id, "deactivated");
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "member",
      id: member.id,
      action: "updated",
      by: actor.id,
    });
    return {
      kind: "status" as const,
      message: `${member.name}'s account has been deactivated and every session ended.`,
    };
  }
  if (intent === "create-password-reset") {
    ensure(canCreatePasswordReset(actor, member), "Reactivate the account before making a password reset link.");
    requireRecentAuthentication(request, context.session);
    const { reset, path, validHours } = await createPasswordReset(ctx, member.id);
    return {
      kind: "reset-link" as const,
      link: new URL(path, new URL(request.url).origin).toString(),
      expiresAt: reset.expiresAt,
      validHours,
    };
  }
  if (intent === RESET_TWO_STEP_INTENT) {
    requireRecentAuthentication(request, context.session);
    await resetTwoStep(ctx, member);
    await context.realtime.disconnectUser(member.id, "signed-out");
    return {
      kind: "status" as const,
      message: `${member.name}'s two-step sign-in has been reset. They will set it up again when they next sign in.`,
    };
  }
  if (intent === "reactivate") {
    await reactivateMember(ctx, member.id);
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "member",
      id: member.id,
      action: "updated",
      by: actor.id,
    });
    return {
      kind: "status" as const,
      message: `${member.name}'s account is active again. They can sign in with their existing password.`,
    };
  }
  const submission = parseWithZod(formData, { schema: updateMemberSchema });
  if (submission.status !== "success")
    return data({ kind: "form" as const, result: submission.reply() }, { status: 400 });
  // A new role or institution changes what the member may see: the coordinator confirms it's them first.
  if (submission.value.role !== member.role || submission.value.institutionId !== member.institution.id)
    requireRecentAuthentication(request, context.session);
  try {
    const before = member.role;
    await updateMember(ctx, member.id, submission.value);
    if (before !== submission.value.role) await context.realtime.disconnectUser(member.id, "signed-out");
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "member",
      id: member.id,
      action: "updated",
      by: actor.id,
    });
    return { kind: "form" as const, result: submission.reply(), message: "Changes saved." };
  } catch (error) {
    const { result, status } = domainErrorResult(submission, error);
    return data({ kind: "form" as const, result }, { status });
  }
}

export default function MemberPage() {
  const { member, institutions, pendingReset, twoStepEnrolledAt } = useLoaderData<typeof loader>();
  const actionData = useLastActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const confirming = searchParams.get("confirm") === "deactivate";
  return (
    <>
      <p>
        <Link to="/people">Back to people</Link>
      </p>
      <h1>{member.name}</h1>
      <p className="page-intro">
        {member.email} · {ROLE_LABELS[member.role]} at {member.institutionName}
        {member.deactivated ? " · Deactivated" : ""}
      </p>
      {actionData && "message" in actionData && actionData.message ? (
        <Notice tone="success">
          <p>{actionData.message}</p>
        </Notice>
      ) : null}
      <section aria-labelledby="details-heading" className="card narrow">
        <h2 id="details-heading">Role and institution</h2>
        <MemberForm
          member={member}
          institutions={institutions}
          lastResult={actionData && "result" in actionData ? actionData.result : undefined}
        />
      </section>
      <section aria-labelledby="password-reset-heading" className="card narrow">
        <h2 id="password-reset-heading">Forgotten password</h2>
        {actionData?.kind === "reset-link" ? (
          <Notice tone="success" title={`Password reset link for ${member.name}`}>
            <p>
              Give this link to {member.name} yourself, in person or in a message only they can read. It works once, for{" "}
              {actionData.validHours === 1 ? "1 hour" : `${actionData.validHours} hours`} (until{" "}
              {formatDateTime(actionData.expiresAt)}). When they choose a new password, they are signed out everywhere.
            </p>
            <CopyLink id="password-reset-link" label="Password reset link" link={actionData.link} />
            <p className="muted">
              Staffroom shows this link only once. If it goes astray, make a new one: that stops this one working.
            </p>
          </Notice>
        ) : null}
        {member.deactivated ? (
          <p>Reactivate the account before making a password reset link.</p>
        ) : (
          <Form method="post">
            <p>
              If {member.name} has forgotten their password, make a single-use link for them to choose a new one.
              Staffroom does not send emails, so you pass the link on yourself.
            </p>
            {pendingReset && actionData?.kind !== "reset-link" ? (
              <p>
                A link made on {formatDateTime(pendingReset.createdAt)} has not been used yet; it works until{" "}
                {formatDateTime(pendingReset.expiresAt)}. A new link stops it working.
              </p>
            ) : null}
            <SubmitButton name="intent" value="create-password-reset" variant="secondary" pendingLabel="Creating link…">
              Create password reset link
            </SubmitButton>
          </Form>
        )}
      </section>
      <ResetTwoStep name={member.name} enrolledAt={twoStepEnrolledAt} />
      {member.deactivated ? (
        <section aria-labelledby="access-heading" className="card narrow">
          <h2 id="access-heading">Access</h2>
          <Form method="post">
            <p>This account is deactivated: {member.name} cannot sign in.</p>
            <SubmitButton name="intent" value="reactivate" variant="secondary" pendingLabel="Reactivating…">
              Reactivate account
            </SubmitButton>
          </Form>
        </section>
      ) : (
        <DangerZone
          heading="Access"
          headingId="access-heading"
          intent="deactivate"
          confirming={confirming}
          startLabel="Deactivate account"
          explanation="Deactivate the account of someone who has left the partnership."
          confirmLabel="Yes, deactivate account"
          pendingLabel="Deactivating…"
          warning={
            <p>
              <strong>Deactivate {member.name}'s account?</strong> They will be signed out everywhere at once and will
              not be able to sign in. Their work stays in Staffroom. You can reactivate the account later.
            </p>
          }
        />
      )}
    </>
  );
}
