// The generated partnership's strategy library (tags, general ratings, co-edited descriptions) and its meetings
// (ten more meeting groups with members, agendas, attendance, decisions, actions and co-edited minutes).
import { addDays, ukInstant } from "~/lib/uk-calendar";
import { ukToday } from "~/lib/lesson-dates";
import { titleSortKey } from "~/lib/title-order";
import type { Db } from "~/models/db.server";
import { MEETING_MINUTES_DOCUMENT } from "~/policies/meeting";
import { STRATEGY_DOCUMENT } from "~/policies/strategy";
import { demoUser } from "../../prisma/seed-data";
import { descriptionBodies, minutesBodies } from "./bodies";
import { insertAll, type PagesSize } from "./generate";
import type { CourseWorld } from "./generate-courses";
import { MEETING_TOPICS, SENTENCES, STRATEGY_NAMES, makeId, type Random } from "./words";

const NEEDS = ["communication_interaction", "cognition_learning", "semh", "sensory_physical"];
const SUBJECTS = ["pe_sport", "dance", "drama", "catering", "construction", "english", "maths", "science"];

async function generateStrategies(store: Db, world: CourseWorld, random: Random, size: PagesSize) {
  const existing = await store.strategy.findMany({
    where: { partnershipId: world.partnershipId },
    select: { id: true },
  });
  const bodies = await descriptionBodies(random, Math.ceil(size.bodyVariants * 0.6));
  const raters = world.people.filter((p) => p.role !== "lsa" || random.chance(0.5));
  const rows = { strategies: [] as object[], tags: [] as object[], ratings: [] as object[], documents: [] as object[] };
  const snapshots: object[] = [];
  const ids = existing.map((s) => s.id);
  for (let n = 0; n < size.strategies - existing.length; n++) {
    const id = makeId("st", n);
    const author = random.pick(world.people);
    const title = `${STRATEGY_NAMES[n % STRATEGY_NAMES.length]} (${author.name}, ${1 + Math.floor(n / 20)})`;
    rows.strategies.push({
      id,
      partnershipId: world.partnershipId,
      title,
      // Written here: the generator's bare client has no extension to keep it.
      titleSortKey: titleSortKey(title),
      summary: random.pick(SENTENCES),
      evidence: random.pick(SENTENCES),
      institutionId: author.institutionId,
      createdById: author.id,
      // One a day or so, the newest yesterday: stamped as shared then, not when the generator ran.
      createdAt: new Date(Date.now() - (size.strategies - n) * 30 * 3_600_000),
      updatedAt: new Date(Date.now() - (size.strategies - n) * 30 * 3_600_000),
    });
    const tags = [
      ...random.some(NEEDS, 1 + random.int(2)).map((value) => ({ kind: "need", value })),
      ...random.some(SUBJECTS, 1 + random.int(2)).map((value) => ({ kind: "subject", value })),
      ...random.some(["ks3", "ks4", "14-19", "post16"], 2).map((value) => ({ kind: "key_stage", value })),
      { kind: "phase", value: random.pick(["whole", "starter", "main", "plenary"]) },
    ];
    rows.tags.push(...tags.map((tag) => ({ strategyId: id, ...tag })));
    rows.ratings.push(
      ...random.some(raters, 3).map((rater, r) => ({
        id: makeId("sr", n * 3 + r),
        strategyId: id,
        userId: rater.id,
        rating: 1 + random.int(5),
        comment: random.chance(0.5) ? random.pick(SENTENCES) : "",
      })),
    );
    const documentId = makeId("sd", n);
    rows.documents.push({
      id: documentId,
      partnershipId: world.partnershipId,
      ownerType: STRATEGY_DOCUMENT,
      ownerId: id,
      title,
    });
    snapshots.push({ id: makeId("ss", n), documentId, kind: "compaction", state: bodies[n % bodies.length]!.state });
    ids.push(id);
  }
  await insertAll(rows.strategies, (data) => store.strategy.createMany({ data: data as never }));
  await insertAll(rows.tags, (data) => store.strategyTag.createMany({ data: data as never }));
  await insertAll(rows.ratings, (data) => store.strategyRating.createMany({ data: data as never }));
  await insertAll(rows.documents, (data) => store.collabDocument.createMany({ data: data as never }));
  await insertAll(snapshots, (data) => store.collabSnapshot.createMany({ data: data as never }), 100);
  return ids;
}

interface MeetingRows {
  groups: object[];
  members: object[];
  meetings: object[];
  items: object[];
  attendance: object[];
  decisions: object[];
  actions: object[];
  documents: object[];
  snapshots: object[];
}

async function generateMeetings(store: Db, world: CourseWorld, random: Random, size: PagesSize) {
  const existing = await store.meeting.count({ where: { partnershipId: world.partnershipId } });
  const bodies = await minutesBodies(random, Math.ceil(size.bodyVariants * 0.3));
  const coordinator = world.people.find((p) => p.name === demoUser("coordinator").name)!.id;
  const today = ukToday();
  const rows: MeetingRows = {
    groups: [],
    members: [],
    meetings: [],
    items: [],
    attendance: [],
    decisions: [],
    actions: [],
    documents: [],
    snapshots: [],
  };
  const groupCount = 10;
  const members = Array.from({ length: groupCount }, () => [
    coordinator,
    ...random
      .some(
        world.people.filter((p) => p.id !== coordinator),
        11,
      )
      .map((p) => p.id),
  ]);
  members.forEach((people, g) => {
    const id = makeId("mg", g);
    rows.groups.push({
      id,
      partnershipId: world.partnershipId,
      name: `${random.pick(MEETING_TOPICS)} working group ${g + 1}`,
      purpose: random.pick(SENTENCES),
      chairId: coordinator,
      minuteTakerId: people[1],
      openToPartnership: g % 2 === 0,
    });
    rows.members.push(...people.map((userId) => ({ groupId: id, userId })));
  });
  for (let n = 0; n < size.meetings - existing; n++) {
    const g = n % groupCount;
    const groupId = makeId("mg", g);
    const id = makeId("m", n);
    const day = addDays(today, -7 * Math.floor(n / groupCount) + 70);
    const past = day < today;
    rows.meetings.push({
      id,
      partnershipId: world.partnershipId,
      groupId,
      startsAt: ukInstant(day, "16:00"),
      endsAt: ukInstant(day, "17:00"),
      siteId: random.pick(world.institutionIds),
      agendaVersion: 1,
      minutesStatus: past ? "approved" : "draft",
      minutesApprovedAt: past ? ukInstant(addDays(day, 3), "12:00") : null,
      minutesApprovedById: past ? coordinator : null,
      createdById: coordinator,
    });
    const itemIds = [0, 1, 2].map((position) => makeId("ai", n * 3 + position));
    rows.items.push(
      ...itemIds.map((itemId, position) => ({
        id: itemId,
        meetingId: id,
        position,
        title: random.pick(MEETING_TOPICS),
      })),
    );
    if (past)
      rows.attendance.push(
        ...members[g]!.map((userId, i) => ({
          id: makeId("ma", n * 12 + i),
          meetingId: id,
          userId,
          status: i === 5 ? "apologies" : "present",
        })),
      );
    const link = { partnershipId: world.partnershipId, groupId, meetingId: id, itemId: itemIds[1] };
    rows.decisions.push({ id: makeId("md", n), ...link, text: random.pick(SENTENCES) });
    rows.actions.push(
      ...[0, 1].map((a) => ({
        id: makeId("mx", n * 2 + a),
        ...link,
        description: random.pick(SENTENCES),
        ownerId: random.pick(members[g]!),
        dueDate: addDays(day, 14),
        status: past && a === 0 ? "done" : "open",
      })),
    );
    const documentId = makeId("mdoc", n);
    rows.documents.push({
      id: documentId,
      partnershipId: world.partnershipId,
      ownerType: MEETING_MINUTES_DOCUMENT,
      ownerId: id,
      title: "Minutes",
    });
    rows.snapshots.push({
      id: makeId("msn", n),
      documentId,
      kind: "compaction",
      state: bodies[n % bodies.length]!.state,
    });
  }
  await insertAll(rows.groups, (data) => store.meetingGroup.createMany({ data: data as never }));
  await insertAll(rows.members, (data) => store.meetingGroupMember.createMany({ data: data as never }));
  await insertAll(rows.meetings, (data) => store.meeting.createMany({ data: data as never }));
  await insertAll(rows.items, (data) => store.agendaItem.createMany({ data: data as never }));
  await insertAll(rows.attendance, (data) => store.meetingAttendance.createMany({ data: data as never }));
  await insertAll(rows.decisions, (data) => store.meetingDecision.createMany({ data: data as never }));
  await insertAll(rows.actions, (data) => store.meetingAction.createMany({ data: data as never }));
  await insertAll(rows.documents, (data) => store.collabDocument.createMany({ data: data as never }));
  await insertAll(rows.snapshots, (data) => store.collabSnapshot.createMany({ data: data as never }), 100);
}

/** The library and the meetings; returns every strategy id of the partnership (plans link some). */
export async function generateLibraryAndMeetings(store: Db, world: CourseWorld, random: Random, size: PagesSize) {
  const strategies = await generateStrategies(store, world, random, size);
  await generateMeetings(store, world, random, size);
  return strategies;
}
