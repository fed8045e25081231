// Every strategy-library policy, cell by cell: each role against each action,
// on their own records, colleagues' records and another partnership's.
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/lib/roles";
import type { Actor } from "./actor";
import { canDeleteDocument, canReadDocument, canWriteDocument, strategyDocumentRules } from "./document";
import { canEditLessonPlan, canReadLessonPlan } from "./lesson-plan";
import {
  STRATEGY_DOCUMENT,
  canAddStrategyToPlan,
  canBrowseStrategies,
  canDeleteStrategy,
  canEditRating,
  canEditStrategy,
  canRateStrategy,
  canReadStrategy,
  canShareStrategy,
  canWriteStrategyDescription,
  mayEditLessonPlans,
} from "./strategy";

const OURS = "partnership-ours";
const THEIRS = "partnership-theirs";
const actor = (role: Role, partnershipId = OURS): Actor => ({
  id: `${role}-1`,
  role,
  partnershipId,
  institutionId: "inst-1",
});

const mine = (me: Actor) => ({ partnershipId: OURS, createdById: me.id });
const colleagues = { partnershipId: OURS, createdById: "someone-else" };
const orphaned = { partnershipId: OURS, createdById: null };
const theirs = (me: Actor) => ({ partnershipId: THEIRS, createdById: me.id });

/** What each role may do: the table in docs/permissions.md. */
const EXPECTED: Record<
  Role,
  {
    share: boolean;
    editOwn: boolean;
    editColleagues: boolean;
    writeDescription: boolean;
    editPlanAsPlanner: boolean;
    editPlanNotPlanner: boolean;
    readPlanNotDeployed: boolean;
  }
> = {
  coordinator: {
    share: true,
    editOwn: true,
    editColleagues: true,
    writeDescription: true,
    editPlanAsPlanner: true,
    editPlanNotPlanner: true,
    readPlanNotDeployed: true,
  },
  teacher: {
    share: true,
    editOwn: true,
    editColleagues: false,
    writeDescription: true,
    editPlanAsPlanner: true,
    editPlanNotPlanner: false,
    readPlanNotDeployed: true,
  },
  lsa: {
    share: true,
    editOwn: true,
    editColleagues: false,
    writeDescription: true,
    editPlanAsPlanner: false,
    editPlanNotPlanner: false,
    readPlanNotDeployed: false,
  },
  leader: {
    share: false,
    editOwn: false,
    editColleagues: false,
    writeDescription: false,
    editPlanAsPlanner: false,
    editPlanNotPlanner: false,
    readPlanNotDeployed: true,
  },
};

describe.each(ROLES)("strategy policies for a %s", (role) => {
  const me = actor(role);
  const expected = EXPECTED[role];
  const plannedPlan = { partnershipId: OURS, plannerIds: [me.id, "other-planner"], supporterIds: [me.id] };
  const unplannedPlan = { partnershipId: OURS, plannerIds: ["other-planner"], supporterIds: [me.id] };
  const foreignPlan = { partnershipId: THEIRS, plannerIds: [me.id], supporterIds: [me.id] };

  it("browses the library and reads every strategy of the partnership, none of another", () => {
    expect(canBrowseStrategies(me)).toBe(true);
    expect(canReadStrategy(me, colleagues)).toBe(true);
    expect(canReadStrategy(me, mine(me))).toBe(true);
    expect(canReadStrategy(me, theirs(me))).toBe(false);
  });

  it(`${expected.share ? "shares" : "does not share"} strategies`, () => {
    expect(canShareStrategy(me)).toBe(expected.share);
  });

  it(`${expected.editOwn ? "edits and deletes" : "cannot edit or delete"} a strategy they shared`, () => {
    expect(canEditStrategy(me, mine(me))).toBe(expected.editOwn);
    expect(canDeleteStrategy(me, mine(me))).toBe(expected.editOwn);
  });

  it(`${expected.editColleagues ? "edits and deletes" : "cannot edit or delete"} a colleague's strategy or one whose author left`, () => {
    expect(canEditStrategy(me, colleagues)).toBe(expected.editColleagues);
    expect(canDeleteStrategy(me, colleagues)).toBe(expected.editColleagues);
    expect(canEditStrategy(me, orphaned)).toBe(expected.editColleagues);
    expect(canDeleteStrategy(me, orphaned)).toBe(expected.editColleagues);
  });

  it("never edits or deletes another partnership's strategy, even one with their id as author", () => {
    expect(canEditStrategy(me, theirs(me))).toBe(false);
    expect(canDeleteStrategy(me, theirs(me))).toBe(false);
  });

  it(`${expected.writeDescription ? "co-edits" : "reads but does not edit"} descriptions, through the document registry too`, () => {
    const doc = { partnershipId: OURS, ownerType: STRATEGY_DOCUMENT, ownerId: "s-1" };
    const owners = new Map([[STRATEGY_DOCUMENT, strategyDocumentRules]]);
    expect(canWriteStrategyDescription(me, doc)).toBe(expected.writeDescription);
    expect(canReadDocument(owners, me, doc)).toBe(true);
    expect(canWriteDocument(owners, me, doc)).toBe(expected.writeDescription);
    expect(canDeleteDocument(owners, me, doc)).toBe(expected.writeDescription && role === "coordinator");
    const foreign = { ...doc, partnershipId: THEIRS };
    expect(canReadDocument(owners, me, foreign)).toBe(false);
    expect(canWriteDocument(owners, me, foreign)).toBe(false);
  });

  it("rates any strategy of the partnership, and changes only their own ratings", () => {
    expect(canRateStrategy(me, colleagues)).toBe(true);
    expect(canRateStrategy(me, mine(me))).toBe(true);
    expect(canRateStrategy(me, theirs(me))).toBe(false);
    expect(canEditRating(me, colleagues, { userId: me.id })).toBe(true);
    expect(canEditRating(me, colleagues, { userId: "someone-else" })).toBe(false);
    expect(canEditRating(me, theirs(me), { userId: me.id })).toBe(false);
  });

  it(`${expected.editPlanAsPlanner ? "adds" : "does not add"} strategies to plans of a course they co-plan`, () => {
    expect(canEditLessonPlan(me, plannedPlan)).toBe(expected.editPlanAsPlanner);
    expect(canAddStrategyToPlan(me, colleagues, plannedPlan)).toBe(expected.editPlanAsPlanner);
  });

  it(`${expected.editPlanNotPlanner ? "adds" : "does not add"} strategies to plans of courses they do not co-plan`, () => {
    expect(canEditLessonPlan(me, unplannedPlan)).toBe(expected.editPlanNotPlanner);
    expect(canAddStrategyToPlan(me, colleagues, unplannedPlan)).toBe(expected.editPlanNotPlanner);
    expect(mayEditLessonPlans(me)).toBe(expected.editPlanNotPlanner || expected.editPlanAsPlanner);
  });

  it("never adds to another partnership's plan, nor another partnership's strategy to ours", () => {
    expect(canEditLessonPlan(me, foreignPlan)).toBe(false);
    expect(canAddStrategyToPlan(me, colleagues, foreignPlan)).toBe(false);
    expect(canAddStrategyToPlan(me, theirs(me), plannedPlan)).toBe(false);
  });

  it(`reads where a strategy is used: ${expected.readPlanNotDeployed ? "every plan" : "only plans they are deployed in"}`, () => {
    expect(canReadLessonPlan(me, { partnershipId: OURS, plannerIds: [], supporterIds: [] })).toBe(
      expected.readPlanNotDeployed,
    );
    expect(canReadLessonPlan(me, { partnershipId: OURS, plannerIds: [], supporterIds: [me.id] })).toBe(true);
    expect(canReadLessonPlan(me, { partnershipId: THEIRS, plannerIds: [], supporterIds: [me.id] })).toBe(false);
  });
});

describe("an actor of another partnership", () => {
  it.each(ROLES)("as a %s can do nothing to our strategies, ratings, descriptions or plans", (role) => {
    const stranger = actor(role, THEIRS);
    const ours = { partnershipId: OURS, createdById: stranger.id };
    expect(canReadStrategy(stranger, ours)).toBe(false);
    expect(canEditStrategy(stranger, ours)).toBe(false);
    expect(canDeleteStrategy(stranger, ours)).toBe(false);
    expect(canRateStrategy(stranger, ours)).toBe(false);
    expect(canEditRating(stranger, ours, { userId: stranger.id })).toBe(false);
    expect(canWriteStrategyDescription(stranger, ours)).toBe(false);
    expect(
      canAddStrategyToPlan(stranger, ours, {
        partnershipId: OURS,
        plannerIds: [stranger.id],
        supporterIds: [stranger.id],
      }),
    ).toBe(false);
  });
});
