// The kinds of notification, in the words members see on their preferences and in emails, and where each is heard
// by default. Shared by the account page and the server.

export const NOTIFICATION_KINDS = [
  "mentioned",
  "thread-reply",
  "plan-comment",
  "deployment-assigned",
  "deployment-changed",
  "deployment-removed",
  "briefing-unread",
  "feedback-returned",
  "action-assigned",
  "action-due-tomorrow",
  "action-overdue",
  "agenda-circulated",
  "minutes-awaiting-approval",
  "meeting-moved",
  "meeting-cancelled",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  mentioned: "Someone mentions you",
  "thread-reply": "A reply in a conversation you are in",
  "plan-comment": "A comment on a plan you co-plan",
  "deployment-assigned": "You are deployed as a supporter",
  "deployment-changed": "Your deployment's briefing changes",
  "deployment-removed": "Your deployment is removed",
  "briefing-unread": "A briefing you have not read, the day before the lesson",
  "feedback-returned": "A supporter returns feedback on your lesson",
  "action-assigned": "An action is assigned to you",
  "action-due-tomorrow": "Your action is due tomorrow",
  "action-overdue": "Your action is overdue",
  "agenda-circulated": "A meeting's agenda is circulated",
  "minutes-awaiting-approval": "Minutes are waiting for your approval",
  "meeting-moved": "A meeting of yours is moved",
  "meeting-cancelled": "A meeting of yours is cancelled",
};

/** Where a member hears of a kind: in Staffroom (the bell) and by email, at once, in the daily digest or not. */
export const EMAIL_CHOICES = ["off", "immediate", "digest"] as const;
type EmailChoice = (typeof EMAIL_CHOICES)[number];

export interface DeliveryChoice {
  inApp: boolean;
  email: EmailChoice;
}

/** Until a member chooses: everything in Staffroom, and one email a day with what they have not seen. */
export const DEFAULT_DELIVERY: DeliveryChoice = { inApp: true, email: "digest" };
