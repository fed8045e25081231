// Every notification policy, for every role, inside and across partnerships.
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/lib/roles";
import type { Actor } from "./actor";
import { canReadNotification, canViewEmailOutbox } from "./notification";

const OURS = "partnership-ours";
const THEIRS = "partnership-theirs";

const actor = (role: Role, id = `${role}-1`, partnershipId = OURS): Actor => ({
  id,
  role,
  partnershipId,
  institutionId: "inst-1",
});

describe("canReadNotification", () => {
  it.each(ROLES)("a %s reads and marks their own notifications", (role) => {
    expect(canReadNotification(actor(role), { partnershipId: OURS, recipientId: `${role}-1` })).toBe(true);
  });
  it.each(ROLES)("a %s never reads a colleague's, whatever their role", (role) => {
    expect(canReadNotification(actor(role), { partnershipId: OURS, recipientId: "colleague-1" })).toBe(false);
  });
  it.each(ROLES)("a %s never reads one of another partnership, even under their own id", (role) => {
    expect(canReadNotification(actor(role), { partnershipId: THEIRS, recipientId: `${role}-1` })).toBe(false);
  });
});

describe("canViewEmailOutbox", () => {
  it.each(ROLES)("%s: only the coordinator sees whom the partnership emailed", (role) => {
    expect(canViewEmailOutbox(actor(role))).toBe(role === "coordinator");
  });
});
