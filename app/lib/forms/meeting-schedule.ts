// The forms that move or cancel a meeting: moving takes the same fields as scheduling (meetingSchema), cancelling
// an optional reason members are told.
import { z } from "zod";
import { textField } from "./fields";

export const cancelMeetingSchema = z.object({
  reason: textField().trim().max(500, "Keep the reason under 500 characters.").default(""),
});
export type CancelMeetingInput = z.infer<typeof cancelMeetingSchema>;
