// The plan page's reads that Prisma answered in several statements each, as one raw statement each on both databases
// (decision 047): the plan's deployments with their supporters, briefers and students; and its group's meeting days and
// students on roll with, for the editing view, the course's units and groups and the days each of those meets. Both
// are scoped to the actor's partnership.
import { Prisma } from "~/generated/sqlite/client";
import { db } from "./db.server";
import { sqlInstant } from "./sql-values.server";

/** A stored instant as SQLite (ISO text) or PostgreSQL (a Date) answers it in raw SQL. */
type Instant = Date | string;

interface DeploymentRow {
  id: string;
  supporterId: string;
  supporterName: string;
  supporterInstitution: string;
  supporterRole: string;
  phase: string;
  mode: string;
  minutes: number | bigint;
  concepts: string;
  skills: string;
  outcomes: string;
  feedbackExpected: string;
  independence: string;
  briefedByName: string | null;
  briefedAt: Instant | null;
  readAt: Instant | null;
  feedback: string;
  feedbackAt: Instant | null;
  /** One row per student of the deployment; null for a deployment to the whole group. */
  studentId: string | null;
}

export interface PlanDeployment {
  id: string;
  supporter: { id: string; name: string; institution: { name: string } };
  supporterRole: string;
  phase: string;
  mode: string;
  minutes: number;
  concepts: string;
  skills: string;
  outcomes: string;
  feedbackExpected: string;
  independence: string;
  briefedBy: { name: string } | null;
  briefedAt: Date | null;
  readAt: Date | null;
  feedback: string;
  feedbackAt: Date | null;
  /** By student id. */
  students: Array<{ studentId: string }>;
}

/**
 * The plan's deployments, first made first, each with its supporter and their institution, who briefed it and its
 * students (by id): one row per deployment and student, so one statement however many there are.
 */
export async function planDeployments(partnershipId: string, planId: string): Promise<PlanDeployment[]> {
  const rows = await db().$queryRaw<DeploymentRow[]>`
    SELECT d."id", d."supporterId", u."name" AS "supporterName", i."name" AS "supporterInstitution",
      d."supporterRole", d."phase", d."mode", d."minutes", d."concepts", d."skills", d."outcomes",
      d."feedbackExpected", d."independence", b."name" AS "briefedByName", d."briefedAt", d."readAt", d."feedback",
      d."feedbackAt", ds."studentId"
    FROM "Deployment" d
    JOIN "User" u ON u."id" = d."supporterId"
    JOIN "Institution" i ON i."id" = u."institutionId"
    LEFT JOIN "User" b ON b."id" = d."briefedById"
    LEFT JOIN "DeploymentStudent" ds ON ds."deploymentId" = d."id"
    WHERE d."lessonPlanId" = ${planId} AND d."partnershipId" = ${partnershipId}
    ORDER BY d."createdAt" ASC, d."id" ASC, ds."studentId" ASC`;
  const deployments = new Map<string, PlanDeployment>();
  for (const row of rows) {
    let deployment = deployments.get(row.id);
    if (!deployment) {
      deployment = {
        id: row.id,
        supporter: { id: row.supporterId, name: row.supporterName, institution: { name: row.supporterInstitution } },
        supporterRole: row.supporterRole,
        phase: row.phase,
        mode: row.mode,
        minutes: Number(row.minutes),
        concepts: row.concepts,
        skills: row.skills,
        outcomes: row.outcomes,
        feedbackExpected: row.feedbackExpected,
        independence: row.independence,
        briefedBy: row.briefedByName === null ? null : { name: row.briefedByName },
        briefedAt: sqlInstant(row.briefedAt),
        readAt: sqlInstant(row.readAt),
        feedback: row.feedback,
        feedbackAt: sqlInstant(row.feedbackAt),
        students: [],
      };
      deployments.set(row.id, deployment);
    }
    if (row.studentId !== null) deployment.students.push({ studentId: row.studentId });
  }
  return [...deployments.values()];
}

interface ChoiceRow {
  kind: "day" | "group" | "roll" | "unit";
  /** A group's, unit's or (on the roll) student's id. */
  id: string;
  label: string | null;
  /** A unit's position, the day a group meets (1 Monday ... 5 Friday; null when it has no sessions). */
  n: number | bigint | null;
}

export interface GroupDays {
  name: string;
  /** Each weekday once, Monday first. */
  days: number[];
}

/**
 * The plan's group: the weekdays it meets, to check the lesson's date against, and its students on roll (in it and
 * not left, by id), whom the page offers for notes and deployments. For the editing view also the course's units in
 * order and its groups by name, with the days each of them meets, for the details form.
 */
export async function planGroupAndChoices(
  partnershipId: string,
  plan: { courseId: string; groupId: string | null },
  editing: boolean,
) {
  const { courseId, groupId } = plan;
  const groupsOfDays = editing
    ? Prisma.sql`(g."id" = ${groupId ?? ""} OR g."courseId" = ${courseId})`
    : Prisma.sql`g."id" = ${groupId ?? ""}`;
  const formChoices = editing
    ? Prisma.sql`UNION ALL
      SELECT 'unit', u."id", u."title", u."position" FROM "CourseUnit" u WHERE u."courseId" = ${courseId}
      UNION ALL
      SELECT 'group', g."id", g."name", NULL FROM "TeachingGroup" g
      WHERE g."courseId" = ${courseId} AND g."partnershipId" = ${partnershipId}`
    : Prisma.empty;
  const rows =
    groupId === null && !editing
      ? []
      : await db().$queryRaw<ChoiceRow[]>`
    SELECT * FROM (
      SELECT 'day' AS "kind", g."id", g."name" AS "label", s."dayOfWeek" AS "n"
      FROM "TeachingGroup" g LEFT JOIN "GroupSession" s ON s."groupId" = g."id"
      WHERE g."partnershipId" = ${partnershipId} AND ${groupsOfDays}
      UNION ALL
      SELECT 'roll', gs."studentId", NULL, NULL
      FROM "GroupStudent" gs JOIN "Student" st ON st."id" = gs."studentId"
      WHERE gs."groupId" = ${groupId ?? ""} AND st."partnershipId" = ${partnershipId} AND st."leftOn" IS NULL
      ${formChoices}
    ) AS "choices"
    ORDER BY "kind", "n", "label", "id"`;
  const groupDays: Record<string, GroupDays> = {};
  for (const row of rows.filter((r) => r.kind === "day")) {
    const group = (groupDays[row.id] ??= { name: row.label ?? "", days: [] });
    const day = row.n === null ? null : Number(row.n);
    if (day !== null && !group.days.includes(day)) group.days.push(day);
  }
  return {
    groupDays,
    onRoll: new Set(rows.filter((r) => r.kind === "roll").map((r) => r.id)),
    units: rows.filter((r) => r.kind === "unit").map((r) => ({ id: r.id, title: r.label ?? "" })),
    groups: rows.filter((r) => r.kind === "group").map((r) => ({ id: r.id, name: r.label ?? "" })),
  };
}
