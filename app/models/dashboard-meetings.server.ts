// The meetings dashboard: attendance per institution (members' attendance at meetings in the range, guests aside)
// and actions open, done and overdue per meeting group. A teacher's figures are those of the groups they belong to.
// Each row drills down to the meetings it counted (dashboard-meeting-records.server.ts).
import { percent, rangeQuery, type DashboardTable, type DateRange } from "~/lib/dashboards";
import { ukToday } from "~/lib/lesson-dates";
import { AggregateQuery, num, str } from "./dashboard-sql.server";
import type { DashboardQuery } from "./dashboard-deployment.server";

export function meetingsIn(q: AggregateQuery, { actor, scope, range }: DashboardQuery): string {
  // Placeholders are positional on SQLite: build the SQL's parts in the order they appear in it.
  const ours = `m."partnershipId" = ${q.p(actor.partnershipId)} AND ${q.inRange(`m."startsAt"`, range)}`;
  const member =
    scope.kind === "partnership"
      ? "1 = 1"
      : `m."groupId" IN (SELECT "groupId" FROM "MeetingGroupMember" WHERE "userId" = ${q.p(scope.plannerId)})`;
  return `${ours} AND ${member}`;
}

/** The drill-down: the meetings behind a row, in the same range (and scope: the records page applies it again). */
const meetingsLink = (range: DateRange, filter: Record<string, string>) =>
  `/dashboards/records/meetings?${rangeQuery(range, filter)}`;

const countWhere = (condition: string, alias: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${alias}`;

async function attendancePerInstitution(query: DashboardQuery) {
  const q = new AggregateQuery();
  const rows = await q.rows(`SELECT i."id" AS id, i."name" AS name, COUNT(DISTINCT m."id") AS meetings,
      ${countWhere(`a."status" = 'present'`, "present")}, ${countWhere(`a."status" = 'apologies'`, "apologies")},
      ${countWhere(`a."status" = 'absent'`, "absent")}
    FROM "MeetingAttendance" a JOIN "Meeting" m ON m."id" = a."meetingId"
    JOIN "User" u ON u."id" = a."userId" JOIN "Institution" i ON i."id" = u."institutionId"
    WHERE ${meetingsIn(q, query)}
    GROUP BY i."id", i."name" ORDER BY i."name"`);
  return rows.map((r) => ({
    id: str(r.id),
    name: str(r.name),
    meetings: num(r.meetings),
    present: num(r.present),
    apologies: num(r.apologies),
    absent: num(r.absent),
  }));
}

async function actionsPerGroup(query: DashboardQuery, today: string) {
  const q = new AggregateQuery();
  const overdue = `a."status" = 'open' AND a."dueDate" < ${q.p(today)}`;
  const rows = await q.rows(`SELECT g."id" AS id, g."name" AS name, ${countWhere(`a."status" = 'open'`, "open")},
      ${countWhere(`a."status" = 'done'`, "done")}, ${countWhere(overdue, "overdue")}
    FROM "MeetingAction" a JOIN "Meeting" m ON m."id" = a."meetingId" JOIN "MeetingGroup" g ON g."id" = a."groupId"
    WHERE ${meetingsIn(q, query)}
    GROUP BY g."id", g."name" ORDER BY g."name"`);
  return rows.map((r) => ({
    id: str(r.id),
    name: str(r.name),
    open: num(r.open),
    done: num(r.done),
    overdue: num(r.overdue),
  }));
}

export async function meetingsDashboard(query: DashboardQuery, today = ukToday()): Promise<DashboardTable[]> {
  const [attendance, actions] = await Promise.all([attendancePerInstitution(query), actionsPerGroup(query, today)]);
  return [
    {
      id: "attendance",
      caption: "Attendance at meetings per institution (members; guests not counted)",
      columns: [
        { key: "institution", label: "Institution" },
        { key: "meetings", label: "Meetings" },
        { key: "present", label: "Present" },
        { key: "apologies", label: "Apologies" },
        { key: "absent", label: "Absent" },
        { key: "rate", label: "Attendance", format: "percent" },
      ],
      rows: attendance.map((r) => ({
        cells: {
          institution: r.name,
          meetings: r.meetings,
          present: r.present,
          apologies: r.apologies,
          absent: r.absent,
          rate: percent(r.present, r.present + r.apologies + r.absent),
        },
        href: meetingsLink(query.range, { institution: r.id }),
      })),
      empty: "No attendance is recorded for meetings in this range.",
    },
    {
      id: "actions",
      caption: "Actions from meetings in the range, per group (overdue: open past their due date)",
      columns: [
        { key: "group", label: "Meeting group" },
        { key: "open", label: "Open" },
        { key: "overdue", label: "Of which overdue" },
        { key: "done", label: "Done" },
      ],
      rows: actions.map((r) => ({
        cells: { group: r.name, open: r.open, overdue: r.overdue, done: r.done },
        href: meetingsLink(query.range, { group: r.id }),
      })),
      empty: "No action was agreed at meetings in this range.",
    },
  ];
}
