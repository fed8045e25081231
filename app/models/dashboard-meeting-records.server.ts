// The meetings behind a meetings-dashboard figure (its drill-down): the meetings dated in the range, in the viewer's
// scope, of one group or attended by members of one institution, each with the attendance and actions the figure
// counted. Counts and dates only: what was said and agreed is on the meeting's page, behind the meeting rules.
import type { DashboardTable } from "~/lib/dashboards";
import { ukToday } from "~/lib/lesson-dates";
import { AggregateQuery, num, str } from "./dashboard-sql.server";
import type { DashboardQuery } from "./dashboard-deployment.server";
import { meetingsIn } from "./dashboard-meetings.server";

interface MeetingFilter {
  /** Attendance of this institution's members only, at the meetings they were expected at. */
  institutionId?: string;
  groupId?: string;
}

export function parseMeetingFilter(params: URLSearchParams): MeetingFilter {
  return { institutionId: params.get("institution") || undefined, groupId: params.get("group") || undefined };
}

export async function meetingRecords(query: DashboardQuery, filter: MeetingFilter, limit: number, today = ukToday()) {
  const q = new AggregateQuery();
  // Placeholders are positional on SQLite: each part is built where it stands in the text.
  const ofInstitution = (alias: string) =>
    filter.institutionId
      ? ` AND EXISTS (SELECT 1 FROM "User" u WHERE u."id" = ${alias}."userId" AND u."institutionId" = ${q.p(filter.institutionId)})`
      : "";
  const attendance = (status: string) =>
    `(SELECT COUNT(*) FROM "MeetingAttendance" a WHERE a."meetingId" = m."id" AND a."status" = '${status}'${ofInstitution("a")})`;
  const actions = (condition: string) =>
    `(SELECT COUNT(*) FROM "MeetingAction" x WHERE x."meetingId" = m."id" AND ${condition})`;
  const select = `SELECT m."id" AS id, ${q.day(`m."startsAt"`)} AS day, g."name" AS name,
      ${attendance("present")} AS present, ${attendance("apologies")} AS apologies, ${attendance("absent")} AS absent,
      ${actions(`x."status" = 'open'`)} AS open, ${actions(`x."status" = 'open' AND x."dueDate" < ${q.p(today)}`)} AS overdue,
      ${actions(`x."status" = 'done'`)} AS done`;
  const where = [meetingsIn(q, query)];
  if (filter.groupId) where.push(`m."groupId" = ${q.p(filter.groupId)}`);
  if (filter.institutionId) {
    where.push(`EXISTS (SELECT 1 FROM "MeetingAttendance" a WHERE a."meetingId" = m."id"${ofInstitution("a")})`);
  }
  const rows = await q.rows(`${select}
    FROM "Meeting" m JOIN "MeetingGroup" g ON g."id" = m."groupId"
    WHERE ${where.join(" AND ")}
    ORDER BY m."startsAt" DESC LIMIT ${limit}`);
  return rows.map((r) => ({
    id: str(r.id),
    day: str(r.day),
    group: str(r.name),
    present: num(r.present),
    apologies: num(r.apologies),
    absent: num(r.absent),
    open: num(r.open),
    overdue: num(r.overdue),
    done: num(r.done),
  }));
}

export function meetingRecordsTable(rows: Awaited<ReturnType<typeof meetingRecords>>): DashboardTable {
  return {
    id: "meetings",
    caption: "Meetings",
    columns: [
      { key: "day", label: "Meeting date" },
      { key: "title", label: "Meeting group" },
      { key: "present", label: "Present" },
      { key: "apologies", label: "Apologies" },
      { key: "absent", label: "Absent" },
      { key: "open", label: "Actions open" },
      { key: "overdue", label: "Of which overdue" },
      { key: "done", label: "Actions done" },
    ],
    rows: rows.map(({ id, group, ...figures }) => ({ cells: { title: group, ...figures }, href: `/meetings/${id}` })),
    empty: "No meeting matches.",
  };
}
