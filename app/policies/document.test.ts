// Document access: tenant first, then the owner type's rules, from the table of owner types the caller passes.
import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import {
  canDeleteDocument,
  canReadDocument,
  canWriteDocument,
  isKnownDocumentOwnerType,
  PARTNERSHIP_DOCUMENT,
  partnershipDocumentRules,
  type DocumentOwnerTypes,
} from "./document";

const member = (role: Actor["role"], partnershipId = "p1"): Actor => ({
  id: `${role}-1`,
  role,
  partnershipId,
  institutionId: "i1",
});
const owners: DocumentOwnerTypes = new Map([[PARTNERSHIP_DOCUMENT, partnershipDocumentRules]]);
const shared = { partnershipId: "p1", ownerType: PARTNERSHIP_DOCUMENT, ownerId: "handbook" };
const ROLES = ["coordinator", "teacher", "leader", "lsa"] as const;

describe("partnership documents", () => {
  it("every member reads; coordinators and teachers write; leaders and LSAs read only", () => {
    expect(ROLES.map((r) => canReadDocument(owners, member(r), shared))).toEqual([true, true, true, true]);
    expect(ROLES.map((r) => canWriteDocument(owners, member(r), shared))).toEqual([true, true, false, false]);
  });

  it("nobody from another partnership reads or writes, whatever their role", () => {
    for (const role of ROLES) {
      expect(canReadDocument(owners, member(role, "p2"), shared)).toBe(false);
      expect(canWriteDocument(owners, member(role, "p2"), shared)).toBe(false);
    }
  });

  it("only coordinators delete", () => {
    expect(canDeleteDocument(owners, member("coordinator"), shared)).toBe(true);
    expect(canDeleteDocument(owners, member("teacher"), shared)).toBe(false);
  });

  it("refuses documents of an owner type the table does not list", () => {
    expect(isKnownDocumentOwnerType(owners, "mystery")).toBe(false);
    expect(canReadDocument(owners, member("coordinator"), { ...shared, ownerType: "mystery" })).toBe(false);
    // Names inherited by every object are not owner types either.
    expect(canReadDocument(owners, member("coordinator"), { ...shared, ownerType: "constructor" })).toBe(false);
  });

  it("lets an owner type add its own rules, still inside the tenant check", () => {
    const withNotes: DocumentOwnerTypes = new Map([
      ...owners,
      ["test-lsa-notes", { canRead: (a: Actor) => a.role === "lsa", canWrite: (a: Actor) => a.role === "lsa" }],
    ]);
    const notes = { ...shared, ownerType: "test-lsa-notes" };
    expect(canWriteDocument(withNotes, member("lsa"), notes)).toBe(true);
    expect(canReadDocument(withNotes, member("teacher"), notes)).toBe(false);
    expect(canReadDocument(withNotes, member("lsa", "p2"), notes)).toBe(false);
    // The table passed in decides: the policy keeps no registry of its own.
    expect(canReadDocument(owners, member("lsa"), notes)).toBe(false);
  });
});
