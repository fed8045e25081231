// The email outbox, for the coordinator: every email Staffroom has written for the partnership, whether it went,
// waits (no SMTP_URL set, or a retry pending) or was given up on, newest first.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/ui/notice";
import { Pagination } from "~/components/ui/pagination";
import { TableWrap } from "~/components/ui/table-wrap";
import { config } from "~/config.server";
import { formatDateTime } from "~/lib/format";
import { pageFromQuery } from "~/lib/pagination";
import { listOutbox } from "~/models/email-outbox.server";
import { canViewEmailOutbox } from "~/policies/notification";
import { ensure, requireActor } from "~/policies/enforce.server";

export const meta: MetaFunction = () => [{ title: "Email outbox · Staffroom" }];

const STATUS_LABELS: Record<string, string> = {
  pending: "Waiting",
  sending: "Sending",
  sent: "Sent",
  failed: "Given up",
  withdrawn: "Withdrawn",
};

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canViewEmailOutbox(actor), "Only the partnership coordinator can see the email outbox.");
  const result = await listOutbox(actor.partnershipId, pageFromQuery(new URL(request.url).searchParams));
  return { ...result, sending: Boolean(config().smtpUrl) };
}

export default function OutboxPage() {
  const { rows, total, page, pageCount, sending } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Email outbox</h1>
      <p className="page-intro">
        The emails Staffroom writes for your partnership&apos;s notifications and daily digests.{" "}
        <Link to="/notifications">Your notifications</Link>
      </p>
      {sending ? null : (
        <Notice tone="warning">
          <p>
            No mail server is set up (SMTP_URL), so these emails wait here. They go out once it is set and Staffroom
            restarts.
          </p>
        </Notice>
      )}
      <p role="status">
        {total} email{total === 1 ? "" : "s"}
      </p>
      <TableWrap label="Emails in the outbox">
        <table>
          <caption className="visually-hidden">Emails in the outbox</caption>
          <thead>
            <tr>
              <th scope="col">Written</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{formatDateTime(row.createdAt)}</td>
                <td>{row.toAddress}</td>
                <td>{row.subject}</td>
                <td>
                  {STATUS_LABELS[row.status] ?? row.status}
                  {row.sentAt ? `, ${formatDateTime(row.sentAt)}` : ""}
                  {row.status !== "sent" && row.attempts > 0 ? ` (${row.attempts} attempts)` : ""}
                  {row.lastError && row.status !== "sent" ? <div className="muted">{row.lastError}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pagination page={page} pageCount={pageCount} label="Outbox pages" />
    </>
  );
}
