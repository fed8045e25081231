// The partnership's activity, role by role.
import { describe, expect, it } from "vitest";
import type { Role } from "~/lib/roles";
import { canViewPartnershipActivity } from "./activity";

const actor = (role: Role) => ({ id: `${role}-1`, role, partnershipId: "p", institutionId: "i" });

describe("partnership activity", () => {
  it("is for the coordinator and leaders, not teachers or LSAs", () => {
    expect(canViewPartnershipActivity(actor("coordinator"))).toBe(true);
    expect(canViewPartnershipActivity(actor("leader"))).toBe(true);
    expect(canViewPartnershipActivity(actor("teacher"))).toBe(false);
    expect(canViewPartnershipActivity(actor("lsa"))).toBe(false);
  });
});
