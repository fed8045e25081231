// The read rules of the policies as SQL conditions on a search entry `e`, so that a title, a snippet or a count of
// something a member may not open never leaves the database. Each condition mirrors a policy:
//   every kind            samePartnership                               (policies/actor.ts)
//   plan, resource        LSAs: only plans they are deployed in          (canReadLessonPlan, seesAllLessonPlans)
//   minutes, decision     members and the coordinator; an open group's   (canReadMinutes; the meeting page shows
//                         partnership once the minutes are approved       decisions to whoever reads the minutes)
//   action                members and the coordinator                    (canFollowMeetings)
//   strategy, course, unit, document: every member of the partnership (canReadStrategy, canViewCourse, document rules)
// tests/integration/search.test.ts checks each against the policies with an LSA, a teacher of another institution
// and a member of another partnership.
import { Prisma } from "~/generated/sqlite/client";
import type { SearchFilters } from "~/lib/forms/search";
import { isCoordinator, type Actor } from "~/policies/actor";
import { seesAllLessonPlans } from "~/policies/lesson-plan";

export function visibleToSql(actor: Actor): Prisma.Sql {
  const conditions = [Prisma.sql`e."partnershipId" = ${actor.partnershipId}`];
  if (!seesAllLessonPlans(actor)) {
    conditions.push(Prisma.sql`(e."kind" NOT IN ('plan', 'resource') OR e."lessonPlanId" IN
      (SELECT d."lessonPlanId" FROM "Deployment" d WHERE d."supporterId" = ${actor.id}))`);
  }
  if (!isCoordinator(actor)) {
    conditions.push(Prisma.sql`(e."kind" NOT IN ('minutes', 'decision', 'action')
      OR e."groupId" IN (SELECT gm."groupId" FROM "MeetingGroupMember" gm WHERE gm."userId" = ${actor.id})
      OR (e."kind" IN ('minutes', 'decision') AND e."meetingId" IN
        (SELECT m."id" FROM "Meeting" m JOIN "MeetingGroup" g ON g."id" = m."groupId"
          WHERE m."partnershipId" = ${actor.partnershipId} AND g."openToPartnership" = ${true}
            AND m."minutesStatus" = 'approved')))`);
  }
  return Prisma.join(conditions, " AND ");
}

/** The chosen facets (values already checked against their vocabularies by parseSearchRequest). */
export function filtersSql(filters: SearchFilters, timestamp: (date: Date) => Date | string): Prisma.Sql {
  const conditions = [Prisma.sql`1 = 1`];
  const has = (column: string, value: string) => Prisma.sql`${Prisma.raw(`e."${column}"`)} LIKE ${`%|${value}|%`}`;
  if (filters.kind) conditions.push(Prisma.sql`e."kind" = ${filters.kind}`);
  if (filters.institutionId) conditions.push(Prisma.sql`e."institutionId" = ${filters.institutionId}`);
  if (filters.courseId) conditions.push(Prisma.sql`e."courseId" = ${filters.courseId}`);
  if (filters.status) conditions.push(Prisma.sql`e."status" = ${filters.status}`);
  if (filters.keyStage) conditions.push(has("keyStage", filters.keyStage));
  if (filters.need) conditions.push(has("needs", filters.need));
  if (filters.tag) conditions.push(has("tags", filters.tag));
  if (filters.from) conditions.push(Prisma.sql`e."occurredAt" >= ${timestamp(new Date(`${filters.from}T00:00:00Z`))}`);
  if (filters.to)
    conditions.push(
      Prisma.sql`e."occurredAt" < ${timestamp(new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000))}`,
    );
  return Prisma.join(conditions, " AND ");
}
