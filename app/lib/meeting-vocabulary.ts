// The closed lists of groups that meet (agenda purposes, standing items, attendance, action and minutes statuses,
// linkable records) and their labels. Apart from the forms' zod schemas, so a page that only shows them loads no zod.
export const AGENDA_PURPOSES = { information: "Information", discussion: "Discussion", decision: "Decision" } as const;
export type AgendaPurpose = keyof typeof AGENDA_PURPOSES;

/** The items every agenda starts with, in order. */
export const STANDING_ITEMS = {
  apologies: "Apologies",
  last_minutes: "Minutes of the last meeting",
  matters_arising: "Matters arising",
} as const;
export type StandingItem = keyof typeof STANDING_ITEMS;

export const ATTENDANCE = { present: "Present", apologies: "Apologies", absent: "Absent" } as const;
export type AttendanceStatus = keyof typeof ATTENDANCE;

export const ACTION_STATUSES = { open: "Open", done: "Done", dropped: "Dropped" } as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;

export const MINUTES_STATUS_LABELS: Record<string, string> = {
  draft: "Draft",
  submitted: "Submitted for approval",
  approved: "Approved",
  revising: "Being revised",
};

/** Records an agenda item or a decision can link to, as "kind:id" ("group": a teaching group). */
export const LINK_KINDS = ["course", "unit", "plan", "strategy", "group"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  course: "Course",
  unit: "Unit",
  plan: "Lesson plan",
  strategy: "Strategy",
  group: "Teaching group",
};
