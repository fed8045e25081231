// Document access: tenant first, then the owner type's rules.
import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import {
  canDeleteDocument,
  canReadDocument,
  canWriteDocument,
  PARTNERSHIP_DOCUMENT,
  registerDocumentOwnerType,
} from "./document";

const member = (role: Actor["role"], partnershipId = "p1"): Actor => ({
  id: `${role}-1`,
  role,
  partnershipId,
  institutionId: "i1",
});
const shared = { partnershipId: "p1", ownerType: PARTNERSHIP_DOCUMENT, ownerId: "handbook" };

describe("partnership documents", () => {
  it("every member reads; coordinators and teachers write; leaders and LSAs read only", () => {
    expect(
      ["coordinator", "teacher", "leader", "lsa"].map((r) => canReadDocument(member(r as Actor["role"]), shared)),
    ).toEqual([true, true, true, true]);
    expect(
      ["coordinator", "teacher", "leader", "lsa"].map((r) => canWriteDocument(member(r as Actor["role"]), shared)),
    ).toEqual([true, true, false, false]);
  });

  it("nobody from another partnership reads or writes, whatever their role", () => {
    for (const role of ["coordinator", "teacher", "leader", "lsa"] as const) {
      expect(canReadDocument(member(role, "p2"), shared)).toBe(false);
      expect(canWriteDocument(member(role, "p2"), shared)).toBe(false);
    }
  });

  it("only coordinators delete", () => {
    expect(canDeleteDocument(member("coordinator"), shared)).toBe(true);
    expect(canDeleteDocument(member("teacher"), shared)).toBe(false);
  });

  it("refuses documents of an owner type nobody registered", () => {
    expect(canReadDocument(member("coordinator"), { ...shared, ownerType: "mystery" })).toBe(false);
  });

  it("lets an owner type add its own rules, still inside the tenant check", () => {
    registerDocumentOwnerType("test-lsa-notes", {
      canRead: (a) => a.role === "lsa",
      canWrite: (a) => a.role === "lsa",
    });
    const notes = { ...shared, ownerType: "test-lsa-notes" };
    expect(canWriteDocument(member("lsa"), notes)).toBe(true);
    expect(canReadDocument(member("teacher"), notes)).toBe(false);
    expect(canReadDocument(member("lsa", "p2"), notes)).toBe(false);
  });
});
