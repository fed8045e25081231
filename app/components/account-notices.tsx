// Changes to the member's own account (see models/account-notices.server.ts): the notices not yet dismissed, on
// every signed-in page, and the list of recent ones on the account page.
import { Form, useLocation } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";
import { Notice } from "./ui/notice";
import { SubmitButton } from "./ui/submit-button";

interface AccountNotice {
  id: string;
  message: string;
  createdAt: Date | string;
}

export function AccountNotices({ notices }: { notices: AccountNotice[] }) {
  const location = useLocation();
  if (notices.length === 0) return null;
  return (
    <div className="account-notices">
      {notices.map((notice) => (
        <Notice key={notice.id} tone="warning" title="A change to your account">
          <p>
            {notice.message} <span className="muted">({formatDateTime(notice.createdAt)})</span>
          </p>
          <Form method="post" action={`/account-notices/${notice.id}`} className="inline-form">
            <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
            <SubmitButton variant="secondary" pendingLabel="Dismissing…">
              Dismiss<span className="visually-hidden"> this notice</span>
            </SubmitButton>
          </Form>
        </Notice>
      ))}
    </div>
  );
}

export function AccountChanges({ notices }: { notices: Array<AccountNotice & { dismissedAt: Date | string | null }> }) {
  return (
    <section aria-labelledby="account-changes-heading">
      <h2 id="account-changes-heading">Changes to your account</h2>
      {notices.length === 0 ? (
        <p className="muted">No changes to your account yet.</p>
      ) : (
        <ul className="account-changes">
          {notices.map((notice) => (
            <li key={notice.id}>
              {notice.message} <span className="muted">{formatDateTime(notice.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">If you did not expect one of these changes, tell your partnership coordinator at once.</p>
    </section>
  );
}
