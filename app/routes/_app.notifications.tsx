// The member's notifications: all or unread, newest first, each marked read (or unread again) in one click, or all
// at once. Only their own, only those they chose to see in Staffroom; every open tab's bell follows the count.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { Notice } from "~/components/ui/notice";
import { Pagination } from "~/components/ui/pagination";
import { SubmitButton } from "~/components/ui/submit-button";
import { failedReply, runIntent, type IntentReply } from "~/lib/forms/intents.server";
import { markNotificationSchema } from "~/lib/forms/notifications";
import { formatDateTime } from "~/lib/format";
import { pageFromQuery } from "~/lib/pagination";
import { publishUnreadCounts } from "~/models/notification-hooks.server";
import { listNotifications, markAllNotificationsRead, setNotificationRead } from "~/models/notification-inbox.server";
import { canViewEmailOutbox } from "~/policies/notification";
import { requireActor } from "~/policies/enforce.server";

export const meta: MetaFunction = () => [{ title: "Notifications · Staffroom" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const params = new URL(request.url).searchParams;
  const filter = params.get("show") === "unread" ? ("unread" as const) : ("all" as const);
  const list = await listNotifications(actor, { filter, page: pageFromQuery(params) });
  return { ...list, filter, mayViewOutbox: canViewEmailOutbox(actor) };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const reply = await runIntent(await request.formData(), {
    mark: async (formData, intent) => {
      const submission = parseWithZod(formData, { schema: markNotificationSchema });
      if (submission.status !== "success") return failedReply({ intent, message: "Choose a notification." });
      await setNotificationRead(actor, submission.value.notificationId, submission.value.read === "true");
      return { intent, message: submission.value.read === "true" ? "Marked as read." : "Marked as unread." };
    },
    "mark-all": async (_formData, intent) => {
      const count = await markAllNotificationsRead(actor);
      return { intent, message: count ? `${count} marked as read.` : "Nothing was unread." };
    },
  });
  await publishUnreadCounts([actor.id]);
  return reply;
}

export default function NotificationsPage() {
  const { notifications, unread, total, page, pageCount, filter, mayViewOutbox } = useLoaderData<typeof loader>();
  const reply = useLastActionData<IntentReply>();
  const [searchParams] = useSearchParams();
  const filterLink = (show: "all" | "unread") => {
    const next = new URLSearchParams(searchParams);
    next.delete("page");
    if (show === "unread") next.set("show", "unread");
    else next.delete("show");
    return `?${next}`;
  };
  return (
    <>
      <h1>Notifications</h1>
      <p className="page-intro">
        What needs you: mentions, replies, deployments, actions and meetings. Choose where you hear of each kind on{" "}
        <Link to="/account#notification-choices">your account page</Link>.
        {mayViewOutbox ? (
          <>
            {" "}
            <Link to="/notifications/outbox">Email outbox</Link>
          </>
        ) : null}
      </p>
      {reply?.message ? (
        <Notice tone={reply.failed ? "error" : "success"}>
          <p>{reply.message}</p>
        </Notice>
      ) : null}
      <div className="notifications-toolbar">
        <nav aria-label="Which notifications" className="notifications-filter">
          <Link to={filterLink("all")} aria-current={filter === "all" ? "page" : undefined}>
            All
          </Link>
          <Link to={filterLink("unread")} aria-current={filter === "unread" ? "page" : undefined}>
            Unread ({unread})
          </Link>
        </nav>
        {unread > 0 ? (
          <Form method="post">
            <SubmitButton name="intent" value="mark-all" variant="secondary" pendingLabel="Marking all as read…">
              Mark all as read
            </SubmitButton>
          </Form>
        ) : null}
      </div>
      <section className="card" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading" className="visually-hidden">
          {filter === "unread" ? "Unread notifications" : "All notifications"}
        </h2>
        <p role="status">
          {total === 0
            ? filter === "unread"
              ? "Nothing unread."
              : "No notifications yet."
            : `${total} notification${total === 1 ? "" : "s"}${filter === "unread" ? " unread" : ""}.`}
        </p>
        <ul className="notification-list">
          {notifications.map((n) => (
            <li key={n.id} className={n.readAt ? "notification" : "notification notification--unread"}>
              <div>
                {n.href ? <Link to={n.href}>{n.title}</Link> : <span>{n.title}</span>}
                {n.body ? <p className="notification__body">{n.body}</p> : null}
                <p className="notification__meta">
                  {n.readAt ? "Read" : <strong>Unread</strong>} ·{" "}
                  <time dateTime={new Date(n.createdAt).toISOString()}>{formatDateTime(n.createdAt)}</time>
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="notificationId" value={n.id} />
                <input type="hidden" name="read" value={n.readAt ? "false" : "true"} />
                <SubmitButton
                  name="intent"
                  value="mark"
                  variant="link"
                  pendingLabel={n.readAt ? "Marking unread…" : "Marking read…"}
                >
                  {n.readAt ? "Mark as unread" : "Mark as read"}
                  <span className="visually-hidden">: {n.title}</span>
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
        <Pagination page={page} pageCount={pageCount} label="Notification pages" />
      </section>
    </>
  );
}
