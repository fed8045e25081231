// The notifications that come from time passing rather than from someone's act: an action due tomorrow or overdue,
// a briefing not yet read the day before the lesson. Run on a timer in every process (server/ops/scheduled-
// notifications.ts); each is told once through its dedupe key, however often and wherever the job runs.
import { formatDate } from "~/lib/format";
import { addDays, lessonDateOf, ukDayOf } from "~/lib/uk-calendar";
import { db } from "./db.server";
import { notify } from "./notifications.server";

/** Overdue actions older than this are not announced again when notifications start (an old backlog is no news). */
const OVERDUE_LOOKBACK_DAYS = 14;

async function notifyActionsDueTomorrow(today: string): Promise<number> {
  const tomorrow = addDays(today, 1);
  const actions = await db().meetingAction.findMany({
    where: { status: "open", dueDate: tomorrow },
    select: { id: true, partnershipId: true, ownerId: true, description: true, dueDate: true },
  });
  let told = 0;
  for (const action of actions) {
    const notified = await notify({
      partnershipId: action.partnershipId,
      kind: "action-due-tomorrow",
      recipientIds: [action.ownerId],
      actorId: null,
      title: `Your action is due tomorrow: ${action.description}`,
      href: "/actions",
      subjectType: "meeting-action",
      subjectId: action.id,
      dedupeKey: `action-due:${action.id}:${action.dueDate}`,
    });
    told += notified.length;
  }
  return told;
}

async function notifyActionsOverdue(today: string): Promise<number> {
  const actions = await db().meetingAction.findMany({
    where: { status: "open", dueDate: { lt: today, gte: addDays(today, -OVERDUE_LOOKBACK_DAYS) } },
    select: { id: true, partnershipId: true, ownerId: true, description: true, dueDate: true },
  });
  let told = 0;
  for (const action of actions) {
    const notified = await notify({
      partnershipId: action.partnershipId,
      kind: "action-overdue",
      recipientIds: [action.ownerId],
      actorId: null,
      title: `Your action is overdue (due ${formatDate(lessonDateOf(action.dueDate))}): ${action.description}`,
      href: "/actions",
      subjectType: "meeting-action",
      subjectId: action.id,
      dedupeKey: `action-overdue:${action.id}:${action.dueDate}`,
    });
    told += notified.length;
  }
  return told;
}

async function notifyBriefingsUnread(today: string): Promise<number> {
  const deployments = await db().deployment.findMany({
    where: { readAt: null, briefedAt: { not: null }, lessonPlan: { lessonDate: lessonDateOf(addDays(today, 1)) } },
    select: { id: true, partnershipId: true, supporterId: true, lessonPlan: { select: { title: true } } },
  });
  let told = 0;
  for (const deployment of deployments) {
    const notified = await notify({
      partnershipId: deployment.partnershipId,
      kind: "briefing-unread",
      recipientIds: [deployment.supporterId],
      actorId: null,
      title: `Tomorrow's lesson: please read your briefing for ${deployment.lessonPlan.title}`,
      href: `/deployments/${deployment.id}`,
      subjectType: "deployment",
      subjectId: deployment.id,
      dedupeKey: `briefing-unread:${deployment.id}:${today}`,
    });
    told += notified.length;
  }
  return told;
}

/** Tells everything due at `now` (London's day); returns how many notifications were written. */
export async function notifyWhatIsDue(now = new Date()): Promise<number> {
  const today = ukDayOf(now);
  return (
    (await notifyActionsDueTomorrow(today)) + (await notifyActionsOverdue(today)) + (await notifyBriefingsUnread(today))
  );
}
