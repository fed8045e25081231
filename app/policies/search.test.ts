// Searching, role by role (what each finds is the read rules', tested in tests/integration/search.test.ts).
import { describe, expect, it } from "vitest";
import type { Role } from "~/lib/roles";
import { canSearch } from "./search";

const actor = (role: Role) => ({ id: `${role}-1`, role, partnershipId: "p", institutionId: "i" });

describe("search", () => {
  it("is open to every role", () => {
    for (const role of ["coordinator", "leader", "teacher", "lsa"] as const) expect(canSearch(actor(role))).toBe(true);
  });
});
