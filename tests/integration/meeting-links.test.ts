// Linked records of agenda items and decisions, at the model level on SQLite and PostgreSQL: the picker offers only
// what the person may open, a link to a record of another partnership or one they may not open is refused beside
// the picker with nothing stored, the decisions log shows the links, and a course, plan or strategy page lists the
// decisions about it to those who may read that meeting's minutes; deleting a record deletes the links to it.
import { describe, expect, it } from "vitest";
import { ukToday } from "~/lib/lesson-dates";
import { addDays } from "~/lib/uk-calendar";
import { db } from "~/models/db.server";
import { recordDecision } from "~/models/meeting-actions.server";
import { addAgendaItem } from "~/models/meeting-agenda.server";
import { createMeetingGroup, getMeetingGroupPage } from "~/models/meeting-groups.server";
import { decisionsAbout, searchLinkableRecords } from "~/models/meeting-links.server";
import { approveMinutes, submitMinutes } from "~/models/meeting-minutes.server";
import { getMeetingPage, scheduleMeeting } from "~/models/meetings.server";
import { removeUnit } from "~/models/course-units.server";
import { deleteCourse } from "~/models/courses.server";
import { deleteGroup } from "~/models/groups.server";
import { deleteLessonPlan } from "~/models/lesson-plans.server";
import { deleteStrategy } from "~/models/strategies.server";
import type { ActionContext, Actor } from "~/policies/actor";
import { PROVIDERS } from "../support/databases";
import { createLessonFixture } from "../support/lesson-plan-fixtures";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

const ctx = (actor: Actor): ActionContext => ({ actor, ipAddress: "" });

describe.each(PROVIDERS)("linked records of meetings on %s", (provider) => {
  const database = useModelDatabase(provider);
  const user = (key: string) => idOf(database.demo.userIds, key);
  const as = (key: string): Promise<Actor> => actorOf(user(key));

  async function meetingOfOpenGroup(name: string) {
    const chair = await as("coordinator");
    const group = await createMeetingGroup(ctx(chair), {
      name,
      purpose: "",
      memberIds: [user("teacher"), user("lsa")],
      chairId: user("coordinator"),
      minuteTakerId: user("teacher"),
      openToPartnership: true,
    });
    const meeting = await scheduleMeeting(ctx(chair), group.id, {
      date: addDays(ukToday(), 20),
      startTime: "16:00",
      endTime: "17:00",
      siteId: "",
      onlineLink: "https://meet.example/links",
    });
    return { chair, group, meeting };
  }

  const ours = async () => {
    const partnershipId = database.demo.partnershipId;
    const course = await db().course.findFirstOrThrow({ where: { partnershipId }, orderBy: { title: "asc" } });
    const plan = await db().lessonPlan.findFirstOrThrow({ where: { partnershipId, courseId: course.id } });
    const strategy = await db().strategy.findFirstOrThrow({ where: { partnershipId } });
    return { course, plan, strategy };
  };

  it("seeds a steering-group decision about the BTEC course, which every colleague reads on the course page", async () => {
    const course = await db().course.findFirstOrThrow({
      where: { partnershipId: database.demo.partnershipId, title: "BTEC First Award in Sport" },
    });
    // The steering group is open and its past minutes approved: a leader outside it reads the decision too.
    expect(await decisionsAbout(await as("leaderFe"), "course", course.id)).toContainEqual(
      expect.objectContaining({ text: "Track BTEC unit grades in Staffroom from the spring term." }),
    );
  });

  it("offers by title only records the member may open, never another partnership's", async () => {
    const { course } = await ours();
    const teacher = await as("teacher");
    const found = await searchLinkableRecords(teacher, course.title.slice(0, 6).toUpperCase());
    expect(found).toContainEqual(expect.objectContaining({ kind: "course", id: course.id, title: course.title }));
    const theirs = await db().course.findMany({ where: { partnershipId: { not: database.demo.partnershipId } } });
    const ids = new Set(found.map((r) => r.id));
    expect(theirs.some((c) => ids.has(c.id))).toBe(false);
    // An LSA opens only the plans they are deployed in: the picker offers no other.
    const lsa = await as("lsa");
    const deployedIn = new Set(
      (await db().deployment.findMany({ where: { supporterId: lsa.id } })).map((d) => d.lessonPlanId),
    );
    const plans = (await searchLinkableRecords(lsa, "a")).filter((r) => r.kind === "plan");
    expect(plans.every((p) => deployedIn.has(p.id))).toBe(true);
  });

  it("matches what was typed, in any case and accents as written, with LIKE's own characters taken literally", async () => {
    const teacher = await as("teacher");
    const { course } = await ours();
    const titles = ["Élan 50% (draft)", "Warm_up relay", "ELAN 50 percent"];
    const strategies = [];
    for (const title of titles) {
      strategies.push(
        await db().strategy.create({
          data: { partnershipId: teacher.partnershipId, title, summary: "For the picker." },
        }),
      );
    }
    const offered = async (query: string) =>
      (await searchLinkableRecords(teacher, query)).filter((r) => r.kind === "strategy").map((r) => r.title);
    // "%" and "_" are only themselves: "50%" is not "50 anything", "_" is not any one character.
    expect(await offered("50%")).toEqual(["Élan 50% (draft)"]);
    expect(await offered("m_up")).toEqual(["Warm_up relay"]);
    expect(await offered("warm up")).toEqual([]);
    // An accented letter is matched in either case; a plain one does not match it (as typed, not folded).
    expect(await offered("élan")).toEqual(["Élan 50% (draft)"]);
    expect(await offered("ÉLAN 50")).toEqual(["Élan 50% (draft)"]);
    expect(await offered("elan 50")).toEqual(["ELAN 50 percent"]);
    // A unit is found by its course's title too, as the picker shows it.
    const units = (await searchLinkableRecords(teacher, course.title.toUpperCase())).filter((r) => r.kind === "unit");
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((u) => u.title.endsWith(`(${course.title})`))).toBe(true);
    await db().strategy.deleteMany({ where: { id: { in: strategies.map((s) => s.id) } } });
  });

  it("refuses links to records of another partnership or that the member may not open, storing nothing", async () => {
    const { meeting } = await meetingOfOpenGroup("Links refused");
    const teacher = await as("teacher");
    const theirs = await db().course.findFirstOrThrow({ where: { partnershipId: { not: teacher.partnershipId } } });
    const refused = { code: "invalid", field: "links" };
    await expect(
      recordDecision(ctx(teacher), meeting.id, {
        itemId: "",
        text: "Adopt their course",
        links: [`course:${theirs.id}`],
      }),
    ).rejects.toMatchObject(refused);
    const lsa = await as("lsa");
    const notDeployed = await db().lessonPlan.findFirstOrThrow({
      where: { partnershipId: lsa.partnershipId, deployments: { none: { supporterId: lsa.id } } },
    });
    await expect(
      addAgendaItem(ctx(lsa), meeting.id, {
        title: "A plan I cannot open",
        purpose: "discussion",
        leadId: "",
        links: [`plan:${notDeployed.id}`],
      }),
    ).rejects.toMatchObject(refused);
    expect(await db().meetingDecision.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect(await db().meetingLink.count({ where: { item: { meetingId: meeting.id } } })).toBe(0);
  });

  it("shows the links in the decisions log, and the decisions on each record's page to those who may read them", async () => {
    const { chair, group, meeting } = await meetingOfOpenGroup("Links shown");
    const { course, plan, strategy } = await ours();
    const teacher = await as("teacher");
    const item = await addAgendaItem(ctx(chair), meeting.id, {
      title: "Scheme of work",
      purpose: "decision",
      leadId: "",
      links: [`course:${course.id}`],
    });
    await recordDecision(ctx(teacher), meeting.id, {
      itemId: item.id,
      text: "Teach the fitness unit before the festival",
      links: [`course:${course.id}`, `plan:${plan.id}`, `strategy:${strategy.id}`],
    });
    const page = await getMeetingPage(teacher, meeting.id);
    expect(page.items.find((i) => i.id === item.id)?.links).toEqual([
      expect.objectContaining({ kind: "course", id: course.id, href: `/courses/${course.id}` }),
    ]);
    const log = await getMeetingGroupPage(teacher, group.id, {});
    expect(log.decisions[0]?.links.map((l) => l.kind).sort()).toEqual(["course", "plan", "strategy"]);

    const decided = expect.objectContaining({ text: "Teach the fitness unit before the festival" });
    for (const [kind, id] of [
      ["course", course.id],
      ["plan", plan.id],
      ["strategy", strategy.id],
    ] as const) {
      expect(await decisionsAbout(teacher, kind, id), `${kind}, a member`).toContainEqual(decided);
    }
    // Not a member: an open group's decisions show once its minutes are approved, not before.
    const leader = await as("leader");
    expect(await decisionsAbout(leader, "course", course.id)).not.toContainEqual(decided);
    await submitMinutes(ctx(teacher), meeting.id);
    await approveMinutes(ctx(chair), meeting.id);
    expect(await decisionsAbout(leader, "course", course.id)).toContainEqual(
      expect.objectContaining({ groupName: "Links shown", meeting: expect.objectContaining({ id: meeting.id }) }),
    );
  });

  it("deletes a record's links with it, whichever kind it is, and keeps the decision", async () => {
    const { chair, group, meeting } = await meetingOfOpenGroup("Links of deleted records");
    const fixture = await createLessonFixture(db(), database.demo, " (deleted links)");
    const plan = await db().lessonPlan.create({
      data: {
        partnershipId: database.demo.partnershipId,
        courseId: fixture.courseId,
        unitId: fixture.unitId,
        groupId: fixture.groupId,
        title: "Bleep test (deleted links)",
      },
    });
    const decision = await recordDecision(ctx(chair), meeting.id, {
      itemId: "",
      text: "Retire the old fitness unit",
      links: [
        `course:${fixture.courseId}`,
        `unit:${fixture.unitId}`,
        `plan:${plan.id}`,
        `strategy:${fixture.strategyId}`,
        `group:${fixture.groupId}`,
      ],
    });
    const links = () => db().meetingLink.count({ where: { decisionId: decision.id } });
    expect(await links()).toBe(5);
    const deletions = [
      ["strategy", fixture.strategyId, () => deleteStrategy(ctx(chair), fixture.strategyId)],
      ["plan", plan.id, () => deleteLessonPlan(ctx(chair), plan)],
      ["group", fixture.groupId, () => deleteGroup(ctx(chair), fixture.groupId)],
      ["unit", fixture.unitId, () => removeUnit(ctx(chair), fixture.courseId, fixture.unitId)],
      ["course", fixture.courseId, () => deleteCourse(ctx(chair), fixture.courseId)],
    ] as const;
    for (const [i, [kind, id, remove]] of deletions.entries()) {
      await remove();
      expect(await links(), `after deleting the ${kind}`).toBe(4 - i);
      expect(await decisionsAbout(chair, kind, id), `decisions about the deleted ${kind}`).toEqual([]);
    }
    const log = await getMeetingGroupPage(chair, group.id, {});
    expect(log.decisions.find((d) => d.id === decision.id)?.links).toEqual([]);
  });
});
