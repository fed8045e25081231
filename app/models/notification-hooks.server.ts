// How a notification written in a model reaches the live side of the process: the Node server registers hooks at
// start (the bell's count over Socket.io, a nudge to the email sender). Kept on globalThis because the Remix build
// and the server bundle load this module separately; without a server (scripts, model tests) nothing is pushed.
import { countUnreadNotifications } from "./notification-count.server";

export interface NotificationHooks {
  /** A member's unread count changed: tell their open tabs, in every process. */
  unreadChanged(userId: string, unread: number): void;
  /** New email waits in the outbox: send it now rather than at the next poll. */
  outboxWritten(): void;
}

const holder = globalThis as unknown as { __staffroomNotificationHooks?: NotificationHooks };

export function setNotificationHooks(hooks: NotificationHooks | undefined): void {
  holder.__staffroomNotificationHooks = hooks;
}

/** Pushes each member's current unread count to their sockets. */
export async function publishUnreadCounts(userIds: readonly string[]): Promise<void> {
  const hooks = holder.__staffroomNotificationHooks;
  if (!hooks) return;
  for (const userId of new Set(userIds)) hooks.unreadChanged(userId, await countUnreadNotifications(userId));
}

export function nudgeEmailSender(): void {
  holder.__staffroomNotificationHooks?.outboxWritten();
}
