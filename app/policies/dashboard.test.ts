// The dashboard and gallery policies, cell by cell: each role against each action, in their own partnership and
// another's (the table in docs/permissions.md).
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/lib/roles";
import type { Actor } from "./actor";
import { canBrowseGallery, canFeaturePractice, canViewDashboards, dashboardScopeFor } from "./dashboard";

const OURS = "partnership-ours";
const THEIRS = "partnership-theirs";
const actor = (role: Role, partnershipId = OURS): Actor => ({
  id: `${role}-1`,
  role,
  partnershipId,
  institutionId: "inst-1",
});

const EXPECTED: Record<Role, { dashboards: boolean; scope: string | null; feature: boolean }> = {
  coordinator: { dashboards: true, scope: "partnership", feature: true },
  leader: { dashboards: true, scope: "partnership", feature: true },
  teacher: { dashboards: true, scope: "planned-courses", feature: false },
  lsa: { dashboards: false, scope: null, feature: false },
};

describe.each(ROLES)("dashboard and gallery policies for a %s", (role) => {
  const me = actor(role);
  const expected = EXPECTED[role];

  it(`${expected.dashboards ? "sees" : "does not see"} the dashboards, scoped to ${expected.scope ?? "nothing"}`, () => {
    expect(canViewDashboards(me)).toBe(expected.dashboards);
    expect(dashboardScopeFor(me)?.kind ?? null).toBe(expected.scope);
  });

  it("counts a teacher's figures by the courses they themselves co-plan", () => {
    const scope = dashboardScopeFor(me);
    if (scope?.kind === "planned-courses") expect(scope.plannerId).toBe(me.id);
  });

  it("browses the gallery", () => {
    expect(canBrowseGallery(me)).toBe(true);
  });

  it(`${expected.feature ? "features" : "does not feature"} practice in their partnership, never in another`, () => {
    expect(canFeaturePractice(me, { partnershipId: OURS })).toBe(expected.feature);
    expect(canFeaturePractice(me, { partnershipId: THEIRS })).toBe(false);
    expect(canFeaturePractice(actor(role, THEIRS), { partnershipId: OURS })).toBe(false);
  });
});
