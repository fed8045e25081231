// The forms of groups that meet and their meetings: one zod schema per form, shared by the page (hints) and the
// action (validation); the closed lists they check against are in ../meeting-vocabulary.ts.
import { z } from "zod";
import {
  ACTION_STATUSES,
  AGENDA_PURPOSES,
  ATTENDANCE,
  LINK_KINDS,
  type ActionStatus,
  type AgendaPurpose,
  type AttendanceStatus,
} from "../meeting-vocabulary";
import { TIME_PATTERN } from "../timetable";
import { dateField, textField } from "./fields";

const id = (message: string) => textField({ required_error: message }).trim().min(1, message).max(64, message);

const PURPOSE_KEYS = Object.keys(AGENDA_PURPOSES) as [AgendaPurpose, ...AgendaPurpose[]];
const ATTENDANCE_KEYS = Object.keys(ATTENDANCE) as [AttendanceStatus, ...AttendanceStatus[]];
const ACTION_STATUS_KEYS = Object.keys(ACTION_STATUSES) as [ActionStatus, ...ActionStatus[]];

const LINK_PATTERN = new RegExp(`^(${LINK_KINDS.join("|")}):[A-Za-z0-9_-]{1,64}$`);

const links = z
  .array(textField().trim().regex(LINK_PATTERN, "Choose records from the list."))
  .max(20, "Link at most 20 records.")
  .default([]);

export const meetingGroupSchema = z.object({
  name: textField({ required_error: "Enter the group's name." })
    .trim()
    .min(1, "Enter the group's name.")
    .max(120, "Keep the name under 120 characters."),
  purpose: textField().trim().max(1000, "Keep the purpose under 1,000 characters.").default(""),
  memberIds: z.array(id("Choose members from the list.")).min(1, "Choose at least one member.").max(200),
  chairId: id("Choose the chair."),
  minuteTakerId: id("Choose the minute-taker."),
  openToPartnership: z.boolean({ invalid_type_error: "Tick the box or leave it empty." }).default(false),
});
export type MeetingGroupInput = z.infer<typeof meetingGroupSchema>;

export const meetingSchema = z
  .object({
    date: dateField("Enter the meeting's date."),
    startTime: textField({ required_error: "Enter the start time." }).regex(TIME_PATTERN, "Enter a time like 16:00."),
    endTime: textField({ required_error: "Enter the end time." }).regex(TIME_PATTERN, "Enter a time like 17:30."),
    siteId: textField().trim().max(64).default(""),
    onlineLink: textField()
      .trim()
      .max(500, "Keep the link under 500 characters.")
      .refine((v) => v === "" || /^https:\/\/\S+$/.test(v), "Enter the full link, starting https://")
      .default(""),
  })
  .refine((m) => m.endTime > m.startTime, {
    path: ["endTime"],
    message: "The meeting must end after it starts: check the end time.",
  })
  .refine((m) => m.siteId !== "" || m.onlineLink !== "", {
    path: ["siteId"],
    message: "Choose the site where the group meets, or give an online link.",
  });
export type MeetingInput = z.infer<typeof meetingSchema>;

export const agendaItemSchema = z.object({
  title: textField({ required_error: "Enter the item's title." })
    .trim()
    .min(1, "Enter the item's title.")
    .max(200, "Keep the title under 200 characters."),
  purpose: z.enum(PURPOSE_KEYS, { errorMap: () => ({ message: "Choose information, discussion or decision." }) }),
  leadId: textField().trim().max(64).default(""),
  minutes: z.coerce
    .number({ invalid_type_error: "Enter the minutes as a number." })
    .int("Enter whole minutes.")
    .min(1, "Allow at least a minute.")
    .max(240, "Allow at most 240 minutes.")
    .optional(),
  links,
});
export type AgendaItemInput = z.infer<typeof agendaItemSchema>;

export const reorderAgendaSchema = z.object({
  itemIds: z.array(id("The agenda changed: reload the page.")).min(1),
  agendaVersion: z.coerce.number().int().min(0),
});

export const attendanceSchema = z.object({
  userId: textField().trim().max(64).default(""),
  guestName: textField().trim().max(120, "Keep the name under 120 characters.").default(""),
  status: z.enum(ATTENDANCE_KEYS, { errorMap: () => ({ message: "Choose present, apologies or absent." }) }),
});

export const actionSchema = z.object({
  itemId: textField().trim().max(64).default(""),
  description: textField({ required_error: "Describe the action." })
    .trim()
    .min(1, "Describe the action.")
    .max(1000, "Keep the action under 1,000 characters."),
  ownerId: id("Choose who will do it."),
  dueDate: dateField("Enter the date it is due by."),
});
export type ActionInput = z.infer<typeof actionSchema>;

export const actionStatusSchema = z
  .object({
    actionId: id("Choose an action."),
    status: z.enum(ACTION_STATUS_KEYS, { errorMap: () => ({ message: "Choose open, done or dropped." }) }),
    note: textField().trim().max(1000, "Keep the note under 1,000 characters.").default(""),
  })
  .refine((a) => a.status !== "dropped" || a.note !== "", {
    path: ["note"],
    message: "Say why the action is dropped, so the group knows.",
  });
export type ActionStatusInput = z.infer<typeof actionStatusSchema>;

export const decisionSchema = z.object({
  itemId: textField().trim().max(64).default(""),
  text: textField({ required_error: "Write the decision." })
    .trim()
    .min(1, "Write the decision.")
    .max(2000, "Keep the decision under 2,000 characters."),
  links,
});
export type DecisionInput = z.infer<typeof decisionSchema>;

export const revisionSchema = z.object({
  reason: textField({ required_error: "Say what the revision corrects." })
    .trim()
    .min(3, "Say what the revision corrects.")
    .max(1000, "Keep the reason under 1,000 characters."),
});
