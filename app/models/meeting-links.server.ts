// The records an agenda item or a decision concerns (a course, a unit, a lesson plan, a strategy, a teaching group):
// what the picker offers (by title, only what the person may open), the check of what a form sends, the titles the
// meeting page and decisions log show, and the other way round, "Decisions about this" on a record's own page.
import { Prisma } from "~/generated/sqlite/client";
import { invalidField } from "~/lib/errors";
import { LINK_KINDS, type LinkKind } from "~/lib/meeting-vocabulary";
import type { Actor } from "~/policies/actor";
import { canViewCourse, canViewGroup } from "~/policies/course";
import { canReadLessonPlan } from "~/policies/lesson-plan";
import { canLinkRecord, canReadMinutes } from "~/policies/meeting";
import { canReadStrategy } from "~/policies/strategy";
import { db, readQuery } from "./db.server";

export interface LinkedRecord {
  kind: LinkKind;
  id: string;
  title: string;
  href: string;
}

const PER_KIND = 6;
const REFUSED = "You can link only records of this partnership that you can open: choose them from the list.";

const supporters = (deployments: Array<{ supporterId: string }>) => deployments.map((d) => d.supporterId);
const planners = (course: { planners: Array<{ userId: string }> }) => course.planners.map((p) => p.userId);

/** Some records by id, or (ids absent) every record of the kind in the partnership. */
type Where = { ids?: string[] };
const byId = (where: Where) => (where.ids ? { id: { in: where.ids } } : {});

/** Each kind's records matching `where`, as the viewer may open them: one finder per kind, each by its policy. */
const FINDERS: Record<LinkKind, (actor: Actor, where: Where) => Promise<LinkedRecord[]>> = {
  async course(actor, where) {
    const rows = await db().course.findMany({
      where: { partnershipId: actor.partnershipId, ...byId(where) },
      select: { id: true, title: true, partnershipId: true },
      orderBy: [{ titleSortKey: "asc" }, { id: "asc" }],
    });
    return rows
      .filter((c) => canViewCourse(actor, c))
      .map((c) => ({ kind: "course", id: c.id, title: c.title, href: `/courses/${c.id}` }));
  },
  async unit(actor, where) {
    const rows = await db().courseUnit.findMany({
      where: { course: { partnershipId: actor.partnershipId }, ...byId(where) },
      select: { id: true, title: true, course: { select: { id: true, title: true, partnershipId: true } } },
      orderBy: { title: "asc" },
    });
    return rows
      .filter((u) => canViewCourse(actor, u.course))
      .map((u) => ({
        kind: "unit",
        id: u.id,
        title: `${u.title} (${u.course.title})`,
        href: `/courses/${u.course.id}`,
      }));
  },
  async plan(actor, where) {
    const rows = await db().lessonPlan.findMany({
      where: { partnershipId: actor.partnershipId, ...byId(where) },
      select: {
        id: true,
        title: true,
        partnershipId: true,
        course: { select: { planners: { select: { userId: true } } } },
        // Reading is decided by whether the actor is deployed: their own deployments are the facts that can matter.
        deployments: { where: { supporterId: actor.id }, select: { supporterId: true } },
      },
      orderBy: { title: "asc" },
    });
    return rows
      .filter((p) =>
        canReadLessonPlan(actor, {
          partnershipId: p.partnershipId,
          plannerIds: planners(p.course),
          supporterIds: supporters(p.deployments),
        }),
      )
      .map((p) => ({ kind: "plan", id: p.id, title: p.title, href: `/plans/${p.id}` }));
  },
  async strategy(actor, where) {
    const rows = await db().strategy.findMany({
      where: { partnershipId: actor.partnershipId, ...byId(where) },
      select: { id: true, title: true, partnershipId: true, createdById: true },
      orderBy: [{ titleSortKey: "asc" }, { id: "asc" }],
    });
    return rows
      .filter((s) => canReadStrategy(actor, s))
      .map((s) => ({ kind: "strategy", id: s.id, title: s.title, href: `/strategies/${s.id}` }));
  },
  async group(actor, where) {
    const rows = await db().teachingGroup.findMany({
      where: { partnershipId: actor.partnershipId, ...byId(where) },
      select: {
        id: true,
        name: true,
        partnershipId: true,
        course: { select: { title: true, planners: { select: { userId: true } } } },
        // Viewing is decided by whether the actor is deployed in one of the group's lessons: one such lesson is enough
        // (not every lesson's deployments, about 70 lessons a group at partnership scale).
        lessonPlans: {
          where: { deployments: { some: { supporterId: actor.id } } },
          select: { deployments: { where: { supporterId: actor.id }, select: { supporterId: true } } },
          take: 1,
        },
      },
      orderBy: { name: "asc" },
    });
    return rows
      .filter((g) =>
        canViewGroup(actor, {
          partnershipId: g.partnershipId,
          plannerIds: planners(g.course),
          deployedSupporterIds: g.lessonPlans.flatMap((p) => supporters(p.deployments)),
        }),
      )
      .map((g) => ({ kind: "group", id: g.id, title: `${g.name} (${g.course.title})`, href: `/groups/${g.id}` }));
  },
};

/** A record's id and the title the picker matches and shows (a unit's and a group's with their course's). */
interface TitledRow {
  id: string;
  title: string;
}

type TitleQuery = (partnershipId: string, narrow: (title: Prisma.Sql) => Prisma.Sql) => Promise<TitledRow[]>;

/** One kind's titles: the rows `from` (with their partnership's column), the title as shown, and the finder's order. */
const titlesOf =
  (from: Prisma.Sql, partnership: Prisma.Sql, title: Prisma.Sql, order: Prisma.Sql): TitleQuery =>
  (partnershipId, narrow) =>
    readQuery(Prisma.sql`SELECT r."id", ${title} AS "title" FROM ${from}
      WHERE ${partnership} = ${partnershipId} AND ${narrow(title)} ORDER BY ${order}`);

/**
 * Each kind's titles in the partnership, in the order its finder gives: a column or two per record, so that a search
 * reads the policy's facts (co-planners, deployments) only for the records whose titles match. `narrow` is a
 * condition on the title the caller may add (a superset of the matches), or nothing. On SQLite they are read on a
 * reader thread (readQuery): a short search goes through every lesson plan's title.
 */
const TITLES: Record<LinkKind, TitleQuery> = {
  course: titlesOf(
    Prisma.sql`"Course" r`,
    Prisma.sql`r."partnershipId"`,
    Prisma.sql`r."title"`,
    Prisma.sql`r."titleSortKey", r."id"`,
  ),
  unit: titlesOf(
    Prisma.sql`"CourseUnit" r JOIN "Course" c ON c."id" = r."courseId"`,
    Prisma.sql`c."partnershipId"`,
    Prisma.sql`r."title" || ' (' || c."title" || ')'`,
    Prisma.sql`r."title", r."id"`,
  ),
  plan: titlesOf(
    Prisma.sql`"LessonPlan" r`,
    Prisma.sql`r."partnershipId"`,
    Prisma.sql`r."title"`,
    Prisma.sql`r."title", r."id"`,
  ),
  strategy: titlesOf(
    Prisma.sql`"Strategy" r`,
    Prisma.sql`r."partnershipId"`,
    Prisma.sql`r."title"`,
    Prisma.sql`r."titleSortKey", r."id"`,
  ),
  group: titlesOf(
    Prisma.sql`"TeachingGroup" r JOIN "Course" c ON c."id" = r."courseId"`,
    Prisma.sql`r."partnershipId"`,
    Prisma.sql`r."name" || ' (' || c."title" || ')'`,
    Prisma.sql`r."name", r."id"`,
  ),
};

/** How many matching records have their policy facts read at once, until a kind has PER_KIND the member may open. */
const CHECKED_AT_ONCE = 60;

/**
 * What the picker offers for a search: a few records of each kind, by title, that the actor may open. The titles are
 * matched here, lower-cased as people type them; the database only narrows them first, and only where its matching is
 * a superset of ours: a search of plain ASCII characters, which both engines' lower() fold alike.
 */
export async function searchLinkableRecords(actor: Actor, query: string): Promise<LinkedRecord[]> {
  const needle = query.trim().toLocaleLowerCase("en-GB");
  if (!needle) return [];
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const narrow = /^[\x20-\x7e]+$/.test(needle)
    ? (title: Prisma.Sql) => Prisma.sql`lower(${title}) LIKE ${pattern} ESCAPE '\\'`
    : () => Prisma.sql`1 = 1`;
  const found = await Promise.all(
    LINK_KINDS.map(async (kind) => {
      const matching = (await TITLES[kind](actor.partnershipId, narrow)).filter((r) =>
        r.title.toLocaleLowerCase("en-GB").includes(needle),
      );
      const offered: LinkedRecord[] = [];
      for (let i = 0; i < matching.length && offered.length < PER_KIND; i += CHECKED_AT_ONCE) {
        const ids = matching.slice(i, i + CHECKED_AT_ONCE).map((r) => r.id);
        const open = new Map((await FINDERS[kind](actor, { ids })).map((r) => [r.id, r]));
        offered.push(...ids.flatMap((id) => open.get(id) ?? []));
      }
      return offered.slice(0, PER_KIND);
    }),
  );
  return found.flat();
}

/**
 * Each kind's column of MeetingLink: a foreign key of its own, so that deleting a record deletes the links to it
 * (decision 036). A stored link has exactly one of them set.
 */
const LINK_COLUMNS = {
  course: "courseId",
  unit: "unitId",
  plan: "planId",
  strategy: "strategyId",
  group: "teachingGroupId",
} as const satisfies Record<LinkKind, string>;

type StoredLink = Record<(typeof LINK_COLUMNS)[LinkKind], string | null>;

/** What to select of an item's or a decision's links, for linksByOwner. */
export const LINK_TARGETS = {
  courseId: true,
  unitId: true,
  planId: true,
  strategyId: true,
  teachingGroupId: true,
} as const satisfies Record<keyof StoredLink, true>;

interface LinkRef {
  kind: LinkKind;
  recordId: string;
}

/** A stored link as the kind and id of its record. */
function linkOf(stored: StoredLink): LinkRef | null {
  const kind = LINK_KINDS.find((k) => stored[LINK_COLUMNS[k]] !== null);
  return kind ? { kind, recordId: stored[LINK_COLUMNS[kind]]! } : null;
}

function parseLinks(links: readonly string[]): LinkRef[] {
  return [...new Set(links)].map((link) => {
    const [kind, recordId] = link.split(":") as [LinkKind, string];
    return { kind, recordId };
  });
}

/** The records each link names, as this viewer may open them (others are left out). */
async function resolveLinks(actor: Actor, links: readonly LinkRef[]) {
  const wanted = LINK_KINDS.map((kind) => ({ kind, ids: links.filter((l) => l.kind === kind).map((l) => l.recordId) }));
  const found = await Promise.all(wanted.map(({ kind, ids }) => (ids.length ? FINDERS[kind](actor, { ids }) : [])));
  return found.flat();
}

/**
 * The links a form sent ("kind:id"), as rows to store: each must be a record of the actor's partnership that they
 * may open; otherwise the whole form is refused beside the picker (nothing stored).
 */
export async function checkLinks(actor: Actor, links: readonly string[]) {
  const wanted = parseLinks(links);
  const visible = await resolveLinks(actor, wanted);
  const ok = (l: LinkRef) =>
    canLinkRecord(actor, {
      partnershipId: actor.partnershipId,
      readable: visible.some((v) => v.kind === l.kind && v.id === l.recordId),
    });
  if (!wanted.every(ok)) throw invalidField("links", REFUSED);
  return wanted.map((l): Partial<StoredLink> => ({ [LINK_COLUMNS[l.kind]]: l.recordId }));
}

/** Each decision's or item's links (selected with LINK_TARGETS), resolved for the viewer, by its id. */
export async function linksByOwner(
  actor: Actor,
  rows: ReadonlyArray<{ id: string; links: readonly StoredLink[] }>,
): Promise<Map<string, LinkedRecord[]>> {
  const refs = new Map(rows.map((r) => [r.id, r.links.map(linkOf).filter((l) => l !== null)]));
  const records = await resolveLinks(actor, [...refs.values()].flat());
  const find = (l: LinkRef) => records.find((r) => r.kind === l.kind && r.id === l.recordId);
  return new Map([...refs].map(([id, links]) => [id, links.map(find).filter((l) => l !== undefined)]));
}

/**
 * "Decisions about this" on a course, plan or strategy page: the decisions linked to the record whose minutes the
 * viewer may read (the group's members; everyone in the partnership once approved, if the group is open).
 */
export async function decisionsAbout(actor: Actor, kind: LinkKind, recordId: string) {
  const where = { [LINK_COLUMNS[kind]]: recordId, decision: { partnershipId: actor.partnershipId } };
  // Most records have no decision about them: one small raw read says so, before the decisions' relations are read.
  const linked = await db().$queryRaw<Array<{ id: string }>>`
    SELECT l."id" FROM "MeetingLink" l JOIN "MeetingDecision" d ON d."id" = l."decisionId"
    WHERE l.${Prisma.raw(`"${LINK_COLUMNS[kind]}"`)} = ${recordId} AND d."partnershipId" = ${actor.partnershipId}
    LIMIT 1`;
  if (linked.length === 0) return [];
  const links = await db().meetingLink.findMany({
    where,
    select: {
      decision: {
        select: {
          id: true,
          text: true,
          meeting: { select: { id: true, startsAt: true, minutesStatus: true, cancelledAt: true } },
          group: {
            select: {
              name: true,
              partnershipId: true,
              chairId: true,
              minuteTakerId: true,
              openToPartnership: true,
              members: { select: { userId: true } },
            },
          },
        },
      },
    },
  });
  return links
    .map((l) => l.decision)
    .filter((d) => d !== null)
    .filter((d) =>
      canReadMinutes(actor, {
        ...d.group,
        memberIds: d.group.members.map((m) => m.userId),
        minutesStatus: d.meeting.minutesStatus,
        cancelled: d.meeting.cancelledAt !== null,
      }),
    )
    .sort((a, b) => b.meeting.startsAt.getTime() - a.meeting.startsAt.getTime())
    .map((d) => ({ id: d.id, text: d.text, groupName: d.group.name, meeting: d.meeting }));
}
