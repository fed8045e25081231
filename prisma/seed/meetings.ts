// The practitioners' steering group of the demo partnership: teachers from every institution, an LSA and a
// leader, chaired by the coordinator; three past meetings (approved minutes, decisions, actions open and done)
// and one to come with its agenda circulated, so a new user sees a working group at once. Dates are relative
// to the day of seeding; times are Europe/London.
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { lexicalContentToYjsState } from "~/lib/document-schema/headless";
import { $createHeadingNode } from "~/lib/document-schema/nodes";
import { STANDING_ITEMS } from "~/lib/meeting-vocabulary";
import { ukToday } from "~/lib/lesson-dates";
import { addDays, ukInstant } from "~/lib/uk-calendar";
import type { Db } from "~/models/db.server";
import { MEETING_MINUTES_DOCUMENT } from "~/policies/meeting";

export const STEERING_GROUP = "Practitioners' steering group";

type Key = string;
interface SeedMeeting {
  daysFromToday: number;
  site: Key;
  topics: Array<{ title: string; purpose: string; lead: Key; minutes: number }>;
  /** course: the title of a seeded course the decision concerns (a linked record). */
  decisions: Array<{ topic: number; text: string; course?: string }>;
  actions: Array<{ topic: number; description: string; owner: Key; dueInDays: number; status: string; note?: string }>;
  notes: string[];
}

const MEETINGS: SeedMeeting[] = [
  {
    daysFromToday: -63,
    site: "hollins",
    topics: [
      { title: "BTEC First in Sport: sharing the scheme of work", purpose: "discussion", lead: "teacher", minutes: 20 },
      { title: "Transport between sites on Wednesdays", purpose: "decision", lead: "coordinator", minutes: 15 },
    ],
    decisions: [{ topic: 1, text: "The Wednesday minibus leaves Brookfield at 12:50, so students arrive by 13:20." }],
    actions: [
      {
        topic: 0,
        description: "Share unit 1 lesson plans with the co-planners",
        owner: "teacher",
        dueInDays: -50,
        status: "done",
      },
      {
        topic: 1,
        description: "Confirm the minibus booking with the transport office",
        owner: "coordinator",
        dueInDays: -55,
        status: "done",
      },
    ],
    notes: ["Sarah walked through the unit 1 plans; Tom offered the college's fitness suite for the practical."],
  },
  {
    daysFromToday: -35,
    site: "kestrel",
    topics: [
      { title: "Briefing LSAs before lessons", purpose: "discussion", lead: "lsa", minutes: 20 },
      { title: "Dance module: adapting for deaf students", purpose: "discussion", lead: "teacherDance", minutes: 20 },
    ],
    decisions: [
      { topic: 0, text: "Every lesson plan with an LSA deployed has its briefing written by the Friday before." },
    ],
    actions: [
      {
        topic: 0,
        description: "Write a one-page briefing template for LSAs",
        owner: "lsa",
        dueInDays: -20,
        status: "open",
      },
      {
        topic: 1,
        description: "Trial visual beat counts in the Year 10 dance group",
        owner: "teacherDance",
        dueInDays: -10,
        status: "done",
      },
      {
        topic: 1,
        description: "Find a BSL interpreter for the dance showcase",
        owner: "teacherDeaf",
        dueInDays: -5,
        status: "dropped",
        note: "The showcase moved online; captions instead.",
      },
    ],
    notes: ["Joanne described how briefings on the day leave no time to read them; the group agreed the Friday rule."],
  },
  {
    daysFromToday: -7,
    site: "ashbury",
    topics: [
      { title: "Student tracking across the partnership", purpose: "discussion", lead: "teacherFe", minutes: 25 },
      { title: "Spring term meeting dates", purpose: "information", lead: "coordinator", minutes: 5 },
    ],
    decisions: [
      {
        topic: 0,
        text: "Track BTEC unit grades in Staffroom from the spring term.",
        course: "BTEC First Award in Sport",
      },
    ],
    actions: [
      {
        topic: 0,
        description: "Draft the tracking sheet for BTEC units",
        owner: "teacherFe",
        dueInDays: 14,
        status: "open",
      },
      {
        topic: 1,
        description: "Send the spring dates to every headteacher",
        owner: "coordinator",
        dueInDays: 3,
        status: "open",
      },
    ],
    notes: ["Tom showed the college's tracking sheet; schools will add their year groups."],
  },
  {
    daysFromToday: 14,
    site: "thornbury",
    topics: [
      { title: "Tracking sheet: first look", purpose: "discussion", lead: "teacherFe", minutes: 20 },
      { title: "Communication support in practical lessons", purpose: "discussion", lead: "teacherDeaf", minutes: 20 },
    ],
    decisions: [],
    actions: [],
    notes: [],
  },
];

const MEMBERS = [
  "coordinator",
  "teacher",
  "teacherFe",
  "teacherDance",
  "teacherDeaf",
  "teacherSpecial",
  "lsa",
  "leader",
];

/** What the minute-taker wrote under each standing item of a past meeting. */
const STANDING_NOTES: Record<keyof typeof STANDING_ITEMS, string> = {
  apologies: "Apologies as recorded in the attendance.",
  last_minutes: "The minutes of the last meeting were agreed as a true record.",
  matters_arising: "Open actions were reviewed; see the action list.",
};

/** The minutes as the app starts them (a heading per agenda item, standing items first), past meetings' filled in. */
function minutesState(notes: string[], topics: SeedMeeting["topics"], past: boolean): Uint8Array {
  return lexicalContentToYjsState(() => {
    const root = $getRoot();
    for (const [standing, title] of Object.entries(STANDING_ITEMS) as Array<[keyof typeof STANDING_ITEMS, string]>) {
      root.append($createHeadingNode("h2").append($createTextNode(title)));
      root.append(
        past ? $createParagraphNode().append($createTextNode(STANDING_NOTES[standing])) : $createParagraphNode(),
      );
    }
    for (const [index, topic] of topics.entries()) {
      root.append($createHeadingNode("h2").append($createTextNode(topic.title)));
      const text = past ? (notes[index] ?? "Discussed; see the actions.") : "";
      root.append(text ? $createParagraphNode().append($createTextNode(text)) : $createParagraphNode());
    }
  });
}

/** Seeds the steering group into a partnership whose members `userIds` and `institutionIds` name by key. */
export async function seedMeetings(
  db: Db,
  partnershipId: string,
  userIds: Map<string, string>,
  institutionIds: Map<string, string>,
  now = new Date(),
) {
  const id = (key: Key) => userIds.get(key)!;
  const group = await db.meetingGroup.create({
    data: {
      partnershipId,
      name: STEERING_GROUP,
      purpose: "Teachers delivering the 14-19 programme across the partnership meet to discuss curriculum delivery.",
      chairId: id("coordinator"),
      minuteTakerId: id("teacherFe"),
      openToPartnership: true,
      createdById: id("coordinator"),
      members: { create: MEMBERS.map((key) => ({ userId: id(key) })) },
    },
  });
  const today = ukToday(now);
  for (const seed of MEETINGS) {
    const day = addDays(today, seed.daysFromToday);
    const past = seed.daysFromToday < 0;
    const meeting = await db.meeting.create({
      data: {
        partnershipId,
        groupId: group.id,
        startsAt: ukInstant(day, "16:00"),
        endsAt: ukInstant(day, "17:30"),
        siteId: institutionIds.get(seed.site) ?? null,
        agendaVersion: 1,
        agendaCirculatedAt: ukInstant(addDays(day, -7), "09:00"),
        minutesStatus: past ? "approved" : "draft",
        minutesSubmittedAt: past ? ukInstant(addDays(day, 2), "12:00") : null,
        minutesSubmittedById: past ? id("teacherFe") : null,
        minutesApprovedAt: past ? ukInstant(addDays(day, 3), "12:00") : null,
        minutesApprovedById: past ? id("coordinator") : null,
        createdById: id("coordinator"),
        items: {
          create: [
            ...Object.entries(STANDING_ITEMS).map(([standing, title], position) => ({
              position,
              title,
              standing,
              purpose: standing === "last_minutes" ? "decision" : "information",
            })),
            ...seed.topics.map((topic, index) => ({
              position: 3 + index,
              title: topic.title,
              purpose: topic.purpose,
              leadId: id(topic.lead),
              minutes: topic.minutes,
            })),
          ],
        },
        attendance: past
          ? {
              create: MEMBERS.map((key, index) => ({
                userId: id(key),
                status: index === MEMBERS.length - 1 ? "apologies" : "present",
              })),
            }
          : undefined,
      },
      include: { items: { orderBy: { position: "asc" } } },
    });
    const topicItem = (index: number) => meeting.items[3 + index]!.id;
    for (const decision of seed.decisions) {
      const course = decision.course
        ? await db.course.findFirst({ where: { partnershipId, title: decision.course }, select: { id: true } })
        : null;
      await db.meetingDecision.create({
        data: {
          partnershipId,
          groupId: group.id,
          meetingId: meeting.id,
          itemId: topicItem(decision.topic),
          text: decision.text,
          links: course ? { create: [{ courseId: course.id }] } : undefined,
        },
      });
    }
    for (const action of seed.actions) {
      await db.meetingAction.create({
        data: {
          partnershipId,
          groupId: group.id,
          meetingId: meeting.id,
          itemId: topicItem(action.topic),
          description: action.description,
          ownerId: id(action.owner),
          dueDate: addDays(day, action.dueInDays - seed.daysFromToday),
          status: action.status,
          statusNote: action.note ?? "",
          closedAt: action.status === "open" ? null : now,
          createdById: id("teacherFe"),
        },
      });
    }
    const document = await db.collabDocument.create({
      data: {
        partnershipId,
        ownerType: MEETING_MINUTES_DOCUMENT,
        ownerId: meeting.id,
        title: `Minutes: ${STEERING_GROUP}`,
      },
    });
    const state = new Uint8Array(minutesState(seed.notes, seed.topics, past));
    await db.collabSnapshot.create({ data: { documentId: document.id, kind: "compaction", state } });
    if (past)
      await db.collabSnapshot.create({
        data: { documentId: document.id, kind: "named", name: "Approved minutes", state },
      });
  }
  return group.id;
}
