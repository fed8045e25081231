// Two-step sign-in is required of everyone who can see a student's details in full, and of nobody in the demo.
import { describe, expect, it } from "vitest";
import { ROLES } from "~/lib/roles";
import { twoStepRequired } from "./two-step";

describe("who must use two-step sign-in", () => {
  it("is the coordinator, leaders and teachers of a real partnership, whatever their institution", () => {
    for (const role of ["coordinator", "leader", "teacher"] as const) {
      expect(twoStepRequired({ role }, { isDemo: false, institutionHasStudents: false }), role).toBe(true);
      expect(twoStepRequired({ role }, { isDemo: false, institutionHasStudents: true }), role).toBe(true);
    }
  });

  it("is an LSA only when her institution is home to students, whose details she then sees in full", () => {
    expect(twoStepRequired({ role: "lsa" }, { isDemo: false, institutionHasStudents: true })).toBe(true);
    expect(twoStepRequired({ role: "lsa" }, { isDemo: false, institutionHasStudents: false })).toBe(false);
  });

  it("is nobody in the demo partnership", () => {
    for (const role of ROLES) {
      expect(twoStepRequired({ role }, { isDemo: true, institutionHasStudents: true }), role).toBe(false);
    }
  });
});
