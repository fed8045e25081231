// The member's own account: change password (ends other sessions), see and revoke signed-in browsers.
import { AccountChanges } from "~/components/account-notices";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { changePasswordSchema, revokeSessionSchema } from "~/lib/forms/auth";
import { refineNewPassword } from "~/models/password-check.server";
import { describeBrowser, formatDateTime } from "~/lib/format";
import { ROLE_LABELS, type Role } from "~/lib/roles";
import { changePassword, getShellUser } from "~/models/members.server";
import { listAccountNotices } from "~/models/account-notices.server";
import { listSessions, revokeSession } from "~/models/sessions.server";
import { requireActor } from "~/policies/enforce.server";
import { passRetryAfter } from "~/lib/request.server";
import { TableWrap } from "~/components/ui/table-wrap";
import { CalendarFeedSection } from "~/components/calendar-feed-section";
import { getCalendarFeedStatus } from "~/models/calendar-feed.server";
import { NotificationChoices } from "~/components/notification-choices";
import { listDeliveryChoices } from "~/models/notification-preferences.server";

const PasswordForm = lazySection(() => import("./password-form").then((m) => m.PasswordForm));

export const meta: MetaFunction = () => [{ title: "Your account · Staffroom" }];

export const headers = passRetryAfter;

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const [user, sessions, accountChanges, calendarFeed] = await Promise.all([
    getShellUser(actor.id),
    listSessions(actor.id),
    listAccountNotices(actor.id),
    getCalendarFeedStatus(actor.id),
  ]);
  return {
    user: {
      name: user!.name,
      email: user!.email,
      role: user!.role as Role,
      institution: user!.institution.name,
      jobTitle: user!.jobTitle,
    },
    sessions: sessions.map((s) => ({ ...s, current: s.id === context.session!.id })),
    accountChanges,
    calendarFeed,
    notificationChoices: await listDeliveryChoices(actor.id),
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "revoke-session") {
    const submission = parseWithZod(formData, { schema: revokeSessionSchema });
    if (submission.status !== "success")
      return data(
        { intent: "revoke-session" as const, ok: false, message: "Choose a browser to sign out." },
        { status: 400 },
      );
    const revoked = await revokeSession(actor.id, submission.value.sessionId);
    if (revoked) await context.realtime.disconnectSession(submission.value.sessionId);
    return data(
      {
        intent: "revoke-session" as const,
        ok: revoked,
        message: revoked ? "That browser has been signed out." : "That browser was already signed out.",
      },
      { status: revoked ? 200 : 404 },
    );
  }
  const email = context.user!.email;
  const submission = parseWithZod(formData, {
    schema: changePasswordSchema.superRefine((value, ctx) =>
      refineNewPassword(ctx, "newPassword", value.newPassword, { email }),
    ),
  });
  if (submission.status !== "success") {
    return data(
      {
        intent: "change-password",
        result: submission.reply({ hideFields: ["currentPassword", "newPassword", "confirmPassword"] }),
      },
      { status: 400 },
    );
  }
  const outcome = await changePassword(actor.id, context.session!.id, submission.value, context.clientIp);
  // The other browsers are signed out: their live connections (a document open in another tab) close too.
  if (outcome.ok) await Promise.all(outcome.endedSessionIds.map((id) => context.realtime.disconnectSession(id)));
  if (!outcome.ok) {
    const retryAfter = outcome.retryAfterMs === undefined ? null : Math.ceil(outcome.retryAfterMs / 1000);
    return data(
      {
        intent: "change-password",
        result: submission.reply({
          fieldErrors: { [outcome.field]: [outcome.message] },
          hideFields: ["currentPassword", "newPassword", "confirmPassword"],
        }),
      },
      retryAfter === null ? { status: 400 } : { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  return {
    intent: "change-password",
    result: submission.reply({ resetForm: true }),
    message:
      outcome.endedSessions > 0
        ? `Your password has been changed, and ${outcome.endedSessions} other browser${outcome.endedSessions === 1 ? " has" : "s have"} been signed out.`
        : "Your password has been changed.",
  };
}

export default function AccountPage() {
  const { user, sessions, accountChanges, calendarFeed, notificationChoices } = useLoaderData<typeof loader>();
  const actionData = useLastActionData<typeof action>();
  const passwordResult = actionData && "result" in actionData ? actionData.result : undefined;
  return (
    <>
      <h1>Your account</h1>
      <dl className="card">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email address</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>
          {ROLE_LABELS[user.role]}
          {user.jobTitle ? ` (${user.jobTitle})` : ""} at {user.institution}
        </dd>
      </dl>

      <section aria-labelledby="password-heading" className="card narrow">
        <h2 id="password-heading">Change password</h2>
        {actionData && "message" in actionData && actionData.intent === "change-password" ? (
          <Notice tone="success">
            <p>{actionData.message}</p>
          </Notice>
        ) : null}
        <PasswordForm lastResult={passwordResult} />
      </section>

      <NotificationChoices choices={notificationChoices} />

      <section aria-labelledby="two-step-heading" className="card narrow">
        <h2 id="two-step-heading">Two-step sign-in</h2>
        <p>
          <Link to="/account/two-step">Set up or change two-step sign-in</Link>
        </p>
      </section>

      <CalendarFeedSection feed={calendarFeed} />

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Signed-in browsers</h2>
        {actionData && "ok" in actionData ? (
          <Notice tone={actionData.ok ? "success" : "warning"}>
            <p>{actionData.message}</p>
          </Notice>
        ) : null}
        <SessionsTable sessions={sessions} />
      </section>

      <AccountChanges notices={accountChanges} />
    </>
  );
}

/** Where the member is signed in; every browser but this one can be signed out from here. */
function SessionsTable({ sessions }: { sessions: ReturnType<typeof useLoaderData<typeof loader>>["sessions"] }) {
  return (
    <TableWrap label="Browsers where you are signed in">
      <table>
        <caption className="visually-hidden">Browsers where you are signed in</caption>
        <thead>
          <tr>
            <th scope="col">Browser</th>
            <th scope="col">Signed in</th>
            <th scope="col">Network address</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <td>
                {describeBrowser(session.userAgent)}
                {session.current ? (
                  <>
                    {" "}
                    <span className="badge">This browser</span>
                  </>
                ) : null}
              </td>
              <td>{formatDateTime(session.createdAt)}</td>
              <td>{session.ipAddress || "Unknown"}</td>
              <td>
                {session.current ? (
                  <span className="muted">Use “Sign out” above</span>
                ) : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="sessionId" value={session.id} />
                    <SubmitButton name="intent" value="revoke-session" variant="secondary" pendingLabel="Signing out…">
                      Sign out this browser
                    </SubmitButton>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
