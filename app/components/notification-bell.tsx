// The bell in the header: a link to the notifications page with the member's unread count, kept current live (the
// server pushes "notifications:unread" to the member's own sockets, in every process, whenever the count changes).
import { Link, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTabSocket } from "./use-tab-socket";

export function NotificationBell() {
  const shell = useRouteLoaderData<{ unreadNotifications?: number }>("routes/_app");
  const loaded = shell?.unreadNotifications ?? 0;
  const [unread, setUnread] = useState(loaded);
  // A reload of the page's data (navigation, revalidation) is as fresh as a push.
  useEffect(() => setUnread(loaded), [loaded]);

  useTabSocket((socket) => {
    const onUnread = (payload: { unread: number }) => setUnread(payload.unread);
    socket.on("notifications:unread", onUnread);
    return () => socket.off("notifications:unread", onUnread);
  });

  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <Link to="/notifications" className="bell" aria-label={label} data-unread={unread}>
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 ? (
        <span className="bell__count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
