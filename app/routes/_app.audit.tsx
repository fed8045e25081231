// The audit log, for the coordinator: who did what, when, from where.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";
import { listAuditEvents } from "~/models/audit.server";
import { recentAuditVerdict } from "~/models/audit-verify.server";
import { canViewAuditLog } from "~/policies/membership";
import { ensure, requireActor } from "~/policies/enforce.server";
import { Notice } from "~/components/ui/notice";
import { TableWrap } from "~/components/ui/table-wrap";
import { pageFromQuery } from "~/lib/pagination";

export const meta: MetaFunction = () => [{ title: "Audit log · Staffroom" }];

const ACTION_LABELS: Record<string, string> = {
  "sign-in": "Signed in",
  "sign-in.failed": "Failed sign-in attempt",
  "sign-out": "Signed out",
  "password.changed": "Changed password",
  "password.check-failed": "Gave a wrong current password when changing it",
  "invite.created": "Invited a colleague",
  "invite.revoked": "Revoked an invitation",
  "invite.accepted": "Accepted an invitation",
  "password-reset.created": "Made a password reset link",
  "password-reset.completed": "Set a new password with a reset link",
  "member.updated": "Changed a member",
  "member.deactivated": "Deactivated a member",
  "member.reactivated": "Reactivated a member",
  "institution.created": "Added an institution",
  "institution.updated": "Changed an institution",
  "institution.archived": "Archived an institution",
  "institution.restored": "Restored an institution",
  "audit.pruned": "Removed audit entries past the retention period",
  "versions.pruned": "Removed automatic document versions past the retention period",
  "calendar-feed.created": "Made their private calendar link",
  "calendar-feed.reset": "Reset their private calendar link",
};

/** The verifier's report starts lower case ("entry #3 ... was changed"): here it opens a sentence. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canViewAuditLog(actor), "Only the partnership coordinator can read the audit log.");
  const page = pageFromQuery(new URL(request.url).searchParams);
  const [result, checked] = await Promise.all([
    listAuditEvents(actor.partnershipId, { page }),
    recentAuditVerdict(actor.partnershipId),
  ]);
  return {
    ...result,
    chain: {
      checkedAt: new Date(checked.at),
      ok: checked.verdict.ok,
      problem: checked.verdict.ok ? "" : sentence(checked.verdict.problem),
    },
    events: result.events.map((e) => ({
      id: e.id,
      at: e.createdAt,
      actor: e.actorName,
      action: ACTION_LABELS[e.action] ?? e.action,
      subject: `${e.subjectType}`,
      detail: Object.keys(e.detail).length ? JSON.stringify(e.detail) : "",
      ip: e.ipAddress,
    })),
  };
}

export default function AuditPage() {
  const { events, page, pageCount, total, chain } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Audit log</h1>
      <p className="page-intro">
        Every sign-in, change of membership and, as the partnership's records grow, every view or change of a student's
        details. Someone looking at the same student on the same page, from the same address, again within 15 minutes is
        recorded once. {total} entries.
      </p>
      {chain.ok ? (
        <Notice tone="success" title="Audit log verified">
          <p>
            Every entry still links to the one before it as recorded: none has been changed, removed or slipped in
            (checked {formatDateTime(chain.checkedAt)}).
          </p>
        </Notice>
      ) : (
        <Notice tone="error" title="The audit log has been tampered with">
          <p>
            {chain.problem}. Tell your data protection officer; <code>npm run audit:verify</code> on the server gives
            the same report.
          </p>
        </Notice>
      )}
      <TableWrap label="Audit log entries">
        <table>
          <caption className="visually-hidden">Audit log entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
              <th scope="col">Network address</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td>
                  <code>{e.detail}</code>
                </td>
                <td>{e.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <nav className="pagination" aria-label="Audit log pages">
        {page > 1 ? <Link to={`?page=${page - 1}`}>Newer entries</Link> : null}
        <span>
          Page {page} of {pageCount}
        </span>
        {page < pageCount ? <Link to={`?page=${page + 1}`}>Older entries</Link> : null}
      </nav>
    </>
  );
}
