// The forms of the notifications page and the account page's notification choices.
import { z } from "zod";
import { EMAIL_CHOICES, NOTIFICATION_KINDS } from "~/lib/notification-kinds";

export const markNotificationSchema = z.object({
  notificationId: z.string({ required_error: "Choose a notification." }).min(1).max(64),
  read: z.enum(["true", "false"]),
});

/** One pair of fields per kind: `inApp.<kind>` (a checkbox, "on" when ticked) and `email.<kind>`. */
export function parseDeliveryChoices(formData: FormData) {
  return NOTIFICATION_KINDS.map((kind) => {
    const email = z.enum(EMAIL_CHOICES).safeParse(formData.get(`email.${kind}`));
    return {
      kind,
      inApp: formData.get(`inApp.${kind}`) === "on",
      email: email.success ? email.data : ("off" as const),
    };
  });
}
