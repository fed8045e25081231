// Words and limits the pages show beside their forms, apart from the schemas: a module of zod schemas loads zod with
// it, and a form's schema now loads only when the form is used (use-zod-form, decision 029).

/** The rule a new password must meet, as the hint under the field. */
export const PASSWORD_RULE_HINT = "At least 8 characters; a short phrase of 15 or more is best. No other rules.";

/** The partnership's retention period for leavers' records, in whole years (decision 019). */
export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 25;

/** How long "Remember this device" skips the second step: at most 30 days (issue 14). */
export const REMEMBER_DEVICE_DAYS = 30;

/** The boxes that confirm a timetable change when a teacher of the group is booked elsewhere at that time. */
export const ADD_SESSION_ANYWAY = "Add the session anyway";
export const ADD_TEACHER_ANYWAY = "Add them anyway";

/** The box that confirms a deployment when the supporter is booked elsewhere at that time. */
export const DEPLOY_ANYWAY = "Deploy them anyway";
