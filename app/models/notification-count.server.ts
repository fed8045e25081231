// A member's unread count, as the bell shows it: apart from the inbox so the live hooks can read it without importing
// what the inbox needs to judge each notification (the comment subjects, which themselves tell people).
import { db } from "./db.server";

export async function countUnreadNotifications(userId: string): Promise<number> {
  return db().notification.count({ where: { recipientId: userId, inApp: true, readAt: null } });
}
