// Lesson plans and deployments, cell by cell: every role, every action, with
// and without the facts that grant more (co-planning, being deployed), and
// actors of another partnership.
import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import {
  canBeDeployed,
  canDeploySupporter,
  canEditDeployment,
  canMarkBriefingRead,
  canRecordDeploymentFeedback,
  canViewDeployment,
  type DeploymentFacts,
} from "./deployment";
import {
  canReadDocument,
  canWriteDocument,
  loadDocumentFacts,
  type DocumentOwnerRules,
  type DocumentOwnerTypes,
} from "./document";
import {
  canCreateLessonPlan,
  canDeleteLessonPlan,
  canDownloadLessonResource,
  canDuplicateLessonPlan,
  canEditLessonPlan,
  canReadLessonPlan,
  seesAllLessonPlans,
  type LessonPlanFacts,
} from "./lesson-plan";

const as = (role: Actor["role"], id: string, partnershipId = "p1"): Actor => ({
  id,
  role,
  partnershipId,
  institutionId: "i1",
});
const coordinator = as("coordinator", "coord");
const leader = as("leader", "lead");
const planner = as("teacher", "planner");
const otherTeacher = as("teacher", "teacher2");
const deployedLsa = as("lsa", "lsa1");
const otherLsa = as("lsa", "lsa2");
const deployedTeacher = as("teacher", "teacher3");
const strangers = (["coordinator", "leader", "teacher", "lsa"] as const).map((role) =>
  as(role, role === "teacher" ? "planner" : role === "lsa" ? "lsa1" : `${role}-x`, "p2"),
);

const plan: LessonPlanFacts = { partnershipId: "p1", plannerIds: ["planner"], supporterIds: ["lsa1", "teacher3"] };
const deployment = (supporterId: string): DeploymentFacts => ({ partnershipId: "p1", supporterId, plan });

type Row = [name: string, actor: Actor, expected: boolean];
const table = (rule: (a: Actor) => boolean, rows: Row[]) => {
  for (const [name, actor, expected] of rows) {
    it(`${name}: ${expected ? "allowed" : "refused"}`, () => expect(rule(actor)).toBe(expected));
  }
};

describe("reading a lesson plan", () => {
  table(
    (a) => canReadLessonPlan(a, plan),
    [
      ["coordinator", coordinator, true],
      ["leader", leader, true],
      ["teacher who co-plans the course", planner, true],
      ["teacher who does not co-plan it", otherTeacher, true],
      ["LSA deployed in the plan", deployedLsa, true],
      ["LSA not deployed in it", otherLsa, false],
    ],
  );
  it("nobody of another partnership, even with matching ids", () => {
    for (const stranger of strangers) expect(canReadLessonPlan(stranger, plan)).toBe(false);
  });
  it("downloads follow reading", () => {
    expect(canDownloadLessonResource(deployedLsa, plan)).toBe(true);
    expect(canDownloadLessonResource(otherLsa, plan)).toBe(false);
  });
  it("only LSAs see a filtered list of plans", () => {
    expect([coordinator, leader, planner, deployedLsa].map(seesAllLessonPlans)).toEqual([true, true, true, false]);
  });
});

describe("editing, deleting and duplicating a lesson plan", () => {
  for (const rule of [canEditLessonPlan, canDeleteLessonPlan, canDuplicateLessonPlan]) {
    describe(rule.name || "rule", () => {
      table(
        (a) => rule(a, plan),
        [
          ["coordinator", coordinator, true],
          ["leader", leader, false],
          ["teacher who co-plans the course", planner, true],
          ["teacher who does not co-plan it", otherTeacher, false],
          ["teacher deployed as a supporter", deployedTeacher, false],
          ["LSA deployed in the plan", deployedLsa, false],
          ["LSA not deployed", otherLsa, false],
        ],
      );
      it("nobody of another partnership", () => {
        for (const stranger of strangers) expect(rule(stranger, plan)).toBe(false);
      });
    });
  }
});

describe("creating a lesson plan in a course", () => {
  const course = { partnershipId: "p1", plannerIds: ["planner"] };
  table(
    (a) => canCreateLessonPlan(a, course),
    [
      ["coordinator", coordinator, true],
      ["leader", leader, false],
      ["co-planner", planner, true],
      ["other teacher", otherTeacher, false],
      ["LSA", deployedLsa, false],
    ],
  );
  it("nobody of another partnership", () => {
    for (const stranger of strangers) expect(canCreateLessonPlan(stranger, course)).toBe(false);
  });
});

describe("deployments", () => {
  describe("deploying a supporter", () => {
    table(
      (a) => canDeploySupporter(a, plan),
      [
        ["coordinator", coordinator, true],
        ["leader", leader, false],
        ["co-planner", planner, true],
        ["other teacher", otherTeacher, false],
        ["deployed LSA", deployedLsa, false],
      ],
    );
  });
  describe("changing the briefing or removing a deployment", () => {
    table(
      (a) => canEditDeployment(a, deployment("lsa1")),
      [
        ["coordinator", coordinator, true],
        ["leader", leader, false],
        ["co-planner", planner, true],
        ["other teacher", otherTeacher, false],
        ["the supporter", deployedLsa, false],
        ["another LSA", otherLsa, false],
      ],
    );
  });
  describe("viewing a deployment", () => {
    table(
      (a) => canViewDeployment(a, deployment("lsa1")),
      [
        ["coordinator", coordinator, true],
        ["leader", leader, true],
        ["co-planner", planner, true],
        ["other teacher", otherTeacher, true],
        ["the supporter", deployedLsa, true],
        ["another LSA", otherLsa, false],
      ],
    );
  });
  describe("viewing another supporter's deployment (docs/permissions.md: an LSA reads those of her plans)", () => {
    table(
      (a) => canViewDeployment(a, deployment("teacher3")),
      [
        ["an LSA deployed in the same plan", deployedLsa, true],
        ["an LSA not deployed in the plan", otherLsa, false],
      ],
    );
  });
  for (const rule of [canMarkBriefingRead, canRecordDeploymentFeedback]) {
    describe(rule.name, () => {
      table(
        (a) => rule(a, deployment("lsa1")),
        [
          ["coordinator", coordinator, false],
          ["leader", leader, false],
          ["co-planner", planner, false],
          ["other teacher", otherTeacher, false],
          ["the supporter", deployedLsa, true],
          ["another LSA deployed in the same plan", as("lsa", "teacher3"), false],
          ["another LSA", otherLsa, false],
        ],
      );
      it("a teacher deployed as supporter acts on their own deployment only", () => {
        expect(rule(deployedTeacher, deployment("teacher3"))).toBe(true);
        expect(rule(deployedTeacher, deployment("lsa1"))).toBe(false);
      });
      it("nobody of another partnership, even with the supporter's id", () => {
        for (const stranger of strangers) expect(rule(stranger, deployment(stranger.id))).toBe(false);
      });
    });
  }
  it("only active members of the plan's partnership can be deployed", () => {
    expect(canBeDeployed({ partnershipId: "p1", deactivatedAt: null }, plan)).toBe(true);
    expect(canBeDeployed({ partnershipId: "p1", deactivatedAt: new Date() }, plan)).toBe(false);
    expect(canBeDeployed({ partnershipId: "p2", deactivatedAt: null }, plan)).toBe(false);
  });
});

describe("documents whose rules need facts (the lesson-plan body's pattern)", () => {
  const ownerType = "test-facts";
  const rules: DocumentOwnerRules<LessonPlanFacts | null> = {
    loadFacts: async (doc) => (doc.ownerId === "missing" ? null : plan),
    canRead: (actor, _doc, facts) => facts !== null && canReadLessonPlan(actor, facts),
    canWrite: (actor, _doc, facts) => facts !== null && canEditLessonPlan(actor, facts),
  };
  const owners: DocumentOwnerTypes = new Map([[ownerType, rules]]);
  const doc = { partnershipId: "p1", ownerType, ownerId: "plan-1" };

  it("decides from the loaded facts: readers read, editors write", async () => {
    const facts = await loadDocumentFacts(owners, doc);
    expect(
      [coordinator, leader, planner, otherTeacher, deployedLsa, otherLsa].map((a) =>
        canReadDocument(owners, a, doc, facts),
      ),
    ).toEqual([true, true, true, true, true, false]);
    expect(
      [coordinator, leader, planner, otherTeacher, deployedLsa, otherLsa].map((a) =>
        canWriteDocument(owners, a, doc, facts),
      ),
    ).toEqual([true, false, true, false, false, false]);
  });

  it("refuses when the facts are missing, belong to another owner, or the owner is gone", async () => {
    expect(canReadDocument(owners, coordinator, doc)).toBe(false);
    const otherFacts = await loadDocumentFacts(owners, { ...doc, ownerId: "plan-2" });
    expect(canReadDocument(owners, coordinator, doc, otherFacts)).toBe(false);
    const gone = { ...doc, ownerId: "missing" };
    expect(canReadDocument(owners, coordinator, gone, await loadDocumentFacts(owners, gone))).toBe(false);
  });

  it("still puts the tenant check first", async () => {
    const facts = await loadDocumentFacts(owners, doc);
    for (const stranger of strangers) expect(canReadDocument(owners, stranger, doc, facts)).toBe(false);
  });
});
