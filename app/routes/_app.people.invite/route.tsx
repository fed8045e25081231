// Invitations: the coordinator invites a colleague by email, role and institution,
// and passes the single-use link on (no mail server needed). Pending invites can be revoked.
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { CopyLink } from "~/components/ui/copy-link";
import { lazySection } from "~/components/ui/lazy-section";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { formatDate } from "~/lib/format";
import { domainErrorResult } from "~/lib/forms/intents.server";
import { inviteSchema } from "~/lib/forms/membership";
import { ROLE_LABELS, type Role } from "~/lib/roles";
import { listInstitutions } from "~/models/institutions.server";
import { createInvite, getInvite, listInvites, revokeInvite } from "~/models/invites.server";
import { canInviteMembers, canManageInvite } from "~/policies/membership";
import { ensure, ensureFound, requireActionContext, requireActor } from "~/policies/enforce.server";
import { TableWrap } from "~/components/ui/table-wrap";

const InviteForm = lazySection(() => import("./invite-form").then((m) => m.InviteForm));

export const meta: MetaFunction = () => [{ title: "Invitations · Staffroom" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canInviteMembers(actor), "Only the partnership coordinator can invite people.");
  const [institutions, invites] = await Promise.all([
    listInstitutions(actor.partnershipId),
    listInvites(actor.partnershipId),
  ]);
  return {
    institutions: institutions.map((i) => ({ value: i.id, label: i.name })),
    invites: invites.map((i) => ({
      id: i.id,
      email: i.email,
      name: i.name,
      role: i.role as Role,
      institution: i.institution.name,
      invitedBy: i.invitedBy?.name ?? "",
      state: i.state,
      expiresAt: i.expiresAt,
    })),
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const { actor } = ctx;
  ensure(canInviteMembers(actor), "Only the partnership coordinator can invite people.");
  const formData = await request.formData();
  if (formData.get("intent") === "revoke") {
    const invite = ensureFound(actor, await getInvite(actor.partnershipId, String(formData.get("inviteId") ?? "")));
    ensure(canManageInvite(actor, invite));
    const revoked = await revokeInvite(ctx, invite.id);
    return { kind: "revoked" as const, ok: revoked, email: invite.email };
  }
  const submission = parseWithZod(formData, { schema: inviteSchema });
  if (submission.status !== "success")
    return data({ kind: "form" as const, result: submission.reply() }, { status: 400 });
  try {
    const { invite, path } = await createInvite(ctx, submission.value);
    const link = new URL(path, new URL(request.url).origin).toString();
    return {
      kind: "created" as const,
      result: submission.reply({ resetForm: true }),
      link,
      email: invite.email,
      expiresAt: invite.expiresAt,
    };
  } catch (error) {
    const { result, status } = domainErrorResult(submission, error);
    return data({ kind: "form" as const, result }, { status });
  }
}

const STATE_LABELS = { pending: "Waiting", accepted: "Accepted", expired: "Expired", revoked: "Revoked" } as const;

export default function InvitationsPage() {
  const { institutions, invites } = useLoaderData<typeof loader>();
  const actionData = useLastActionData<typeof action>();
  return (
    <>
      <h1>Invitations</h1>
      <p className="page-intro">
        Invite a colleague from any institution of the partnership. Staffroom makes a single-use link for them; pass it
        on by email or Teams. The link works once and expires after a week.
      </p>
      {actionData?.kind === "created" ? (
        <Notice tone="success" title={`Invitation ready for ${actionData.email}`}>
          <p>Send them this link. It works once and expires on {formatDate(actionData.expiresAt)}.</p>
          <CopyLink id="invitation-link" label="Invitation link" link={actionData.link} />
        </Notice>
      ) : null}
      {actionData?.kind === "revoked" ? (
        <Notice tone={actionData.ok ? "success" : "warning"}>
          <p>
            {actionData.ok
              ? `The invitation for ${actionData.email} has been revoked.`
              : "That invitation was no longer waiting."}
          </p>
        </Notice>
      ) : null}
      <section aria-labelledby="new-invite" className="card narrow">
        <h2 id="new-invite">Invite a colleague</h2>
        <InviteForm
          institutions={institutions}
          lastResult={actionData && "result" in actionData ? actionData.result : undefined}
        />
      </section>
      <section aria-labelledby="sent-invites">
        <h2 id="sent-invites">Invitations sent</h2>
        {invites.length === 0 ? (
          <p>No invitations yet. Invite your first colleague with the form above.</p>
        ) : (
          <TableWrap label="Invitations sent">
            <table>
              <caption className="visually-hidden">Invitations sent</caption>
              <thead>
                <tr>
                  <th scope="col">Email address</th>
                  <th scope="col">Role</th>
                  <th scope="col">Institution</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invites.map((invite) => (
                  <tr key={invite.id}>
                    <td>
                      {invite.email}
                      {invite.name ? <span className="muted"> ({invite.name})</span> : null}
                    </td>
                    <td>{ROLE_LABELS[invite.role] ?? invite.role}</td>
                    <td>{invite.institution}</td>
                    <td>
                      <span className={`badge${invite.state === "pending" ? "" : " badge--muted"}`}>
                        {STATE_LABELS[invite.state]}
                      </span>
                      {invite.state === "pending" ? (
                        <span className="muted"> until {formatDate(invite.expiresAt)}</span>
                      ) : null}
                    </td>
                    <td>
                      {invite.state === "pending" ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="inviteId" value={invite.id} />
                          <SubmitButton name="intent" value="revoke" variant="secondary" pendingLabel="Revoking…">
                            Revoke<span className="visually-hidden"> the invitation for {invite.email}</span>
                          </SubmitButton>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}
