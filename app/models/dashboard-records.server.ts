// The records behind a dashboard figure (its drill-down): the deployments, lesson plans or meetings a row counted,
// filtered as the row's link says, in the same scope and range as the figure. At most RECORDS_LIMIT, newest first.
import { DEPLOYMENT_MODES, LESSON_STATUSES, NEED_AREAS } from "~/lib/co-planning";
import type { DashboardTable } from "~/lib/dashboards";
import { AggregateQuery, num, str } from "./dashboard-sql.server";
import {
  deploymentsIn,
  readBeforeLesson,
  type DashboardQuery,
  type DeploymentFilter,
} from "./dashboard-deployment.server";
import { CROSS_SITE_GROUP } from "./dashboard-co-planning.server";
import { meetingRecords, meetingRecordsTable, parseMeetingFilter } from "./dashboard-meeting-records.server";

export const RECORDS_LIMIT = 200;

function parseDeploymentFilter(params: URLSearchParams): DeploymentFilter {
  const mode = params.get("mode") ?? "";
  const need = params.get("need") ?? "";
  const outsideFrom = params.get("outsideFrom");
  return {
    institutionId: params.get("institution") || undefined,
    mode: DEPLOYMENT_MODES.is(mode) ? mode : undefined,
    need: NEED_AREAS.is(need) ? need : undefined,
    outsideFrom: outsideFrom === null ? undefined : outsideFrom,
  };
}

export async function deploymentRecords(query: DashboardQuery, filter: DeploymentFilter) {
  const q = new AggregateQuery();
  const rows =
    await q.rows(`SELECT d."id" AS id, p."id" AS plan_id, p."title" AS plan, ${q.day(`p."lessonDate"`)} AS day,
      c."title" AS course, su."name" AS supporter, d."mode" AS mode, d."minutes" AS minutes,
      CASE WHEN d."briefedAt" IS NOT NULL THEN 1 ELSE 0 END AS briefed, ${readBeforeLesson(q, query.range)} AS read_before,
      CASE WHEN d."feedbackAt" IS NOT NULL THEN 1 ELSE 0 END AS feedback
    ${deploymentsIn(q, query, filter)}
    ORDER BY p."lessonDate" DESC, p."title" LIMIT ${RECORDS_LIMIT}`);
  return rows.map((r) => ({
    id: str(r.id),
    planId: str(r.plan_id),
    plan: str(r.plan),
    day: str(r.day),
    course: str(r.course),
    supporter: str(r.supporter),
    mode: DEPLOYMENT_MODES.label(str(r.mode)),
    minutes: num(r.minutes),
    briefed: num(r.briefed) === 1,
    readBefore: num(r.read_before) === 1,
    feedback: num(r.feedback) === 1,
  }));
}

export interface PlanFilter {
  courseId?: string;
  /** Two institution ids: plans of courses with co-planners from both. */
  pair?: [string, string];
  crossSite?: boolean;
  withStrategies?: boolean;
  status?: string;
}

function parsePlanFilter(params: URLSearchParams): PlanFilter {
  const pair = (params.get("pair") ?? "").split(",").filter(Boolean);
  const status = params.get("status") ?? "";
  return {
    courseId: params.get("course") || undefined,
    pair: pair.length === 2 ? [pair[0]!, pair[1]!] : undefined,
    crossSite: params.get("crossSite") === "1",
    withStrategies: params.get("withStrategies") === "1",
    status: LESSON_STATUSES.is(status) ? status : undefined,
  };
}

const plannedFrom = (q: AggregateQuery, institutionId: string) =>
  `EXISTS (SELECT 1 FROM "CoursePlanner" cp JOIN "User" u ON u."id" = cp."userId"
    WHERE cp."courseId" = c."id" AND u."institutionId" = ${q.p(institutionId)})`;

export async function planRecords({ actor, scope, range }: DashboardQuery, filter: PlanFilter) {
  const q = new AggregateQuery();
  const where = [
    `p."partnershipId" = ${q.p(actor.partnershipId)}`,
    `p."lessonDate" IS NOT NULL`,
    q.inRange(`p."lessonDate"`, range),
    q.courseInScope(`p."courseId"`, scope),
  ];
  if (filter.courseId) where.push(`p."courseId" = ${q.p(filter.courseId)}`);
  if (filter.status) where.push(`p."status" = ${q.p(filter.status)}`);
  if (filter.pair) where.push(plannedFrom(q, filter.pair[0]), plannedFrom(q, filter.pair[1]));
  if (filter.crossSite) where.push(CROSS_SITE_GROUP);
  if (filter.withStrategies)
    where.push(`EXISTS (SELECT 1 FROM "LessonPlanStrategy" x WHERE x."lessonPlanId" = p."id")`);
  const rows = await q.rows(`SELECT p."id" AS id, p."title" AS title, ${q.day(`p."lessonDate"`)} AS day,
      c."title" AS course, p."status" AS status
    FROM "LessonPlan" p JOIN "Course" c ON c."id" = p."courseId" LEFT JOIN "TeachingGroup" g ON g."id" = p."groupId"
    WHERE ${where.join(" AND ")}
    ORDER BY p."lessonDate" DESC, p."title" LIMIT ${RECORDS_LIMIT}`);
  return rows.map((r) => ({
    id: str(r.id),
    title: str(r.title),
    day: str(r.day),
    course: str(r.course),
    status: LESSON_STATUSES.label(str(r.status)),
  }));
}

const RECORD_KINDS = ["deployments", "plans", "meetings"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const isRecordKind = (value: unknown): value is RecordKind => RECORD_KINDS.some((k) => k === value);

const yesNo = (value: boolean) => (value ? "Yes" : "No");

/** The records behind a figure as a table: what the drill-down page shows and its CSV holds. */
export async function recordsTable(
  kind: RecordKind,
  query: DashboardQuery,
  params: URLSearchParams,
): Promise<DashboardTable> {
  if (kind === "meetings") {
    return meetingRecordsTable(await meetingRecords(query, parseMeetingFilter(params), RECORDS_LIMIT));
  }
  if (kind === "deployments") {
    const rows = await deploymentRecords(query, parseDeploymentFilter(params));
    return {
      id: "deployments",
      caption: "LSA deployments",
      columns: [
        { key: "day", label: "Lesson date" },
        { key: "plan", label: "Lesson plan" },
        { key: "course", label: "Course" },
        { key: "supporter", label: "Supporter" },
        { key: "mode", label: "Support pattern" },
        { key: "minutes", label: "Minutes" },
        { key: "briefed", label: "Briefed" },
        { key: "readBefore", label: "Read before the lesson" },
        { key: "feedback", label: "Feedback returned" },
      ],
      rows: rows.map((r) => ({
        cells: {
          day: r.day,
          plan: r.plan,
          course: r.course,
          supporter: r.supporter,
          mode: r.mode,
          minutes: r.minutes,
          briefed: yesNo(r.briefed),
          readBefore: yesNo(r.readBefore),
          feedback: yesNo(r.feedback),
        },
        href: `/plans/${r.planId}`,
      })),
      empty: "No deployment matches.",
    };
  }
  const rows = await planRecords(query, parsePlanFilter(params));
  return {
    id: "plans",
    caption: "Lesson plans",
    columns: [
      { key: "day", label: "Lesson date" },
      { key: "title", label: "Lesson plan" },
      { key: "course", label: "Course" },
      { key: "status", label: "Status" },
    ],
    rows: rows.map((r) => ({
      cells: { day: r.day, title: r.title, course: r.course, status: r.status },
      href: `/plans/${r.id}`,
    })),
    empty: "No lesson plan matches.",
  };
}
