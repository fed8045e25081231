// Comment rules, cell by cell: role and relation to the comment, against what the subject's own policy decided.
import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import {
  canBeMentioned,
  canComment,
  canDeleteComment,
  canEditComment,
  canReadComments,
  canResolveThread,
  type CommentSubjectFacts,
} from "./comment";

const ROLES = ["coordinator", "teacher", "leader", "lsa"] as const;
const member = (role: Actor["role"], id = `${role}-1`, partnershipId = "p1"): Actor => ({
  id,
  role,
  partnershipId,
  institutionId: "i1",
});
const subject = (readable: boolean, editable = false, partnershipId = "p1"): CommentSubjectFacts => ({
  partnershipId,
  readable,
  editable,
});
const mine = (role: Actor["role"]) => ({ authorId: `${role}-1`, createdById: `${role}-1` });
const theirs = { authorId: "someone-else", createdById: "someone-else" };

describe("comment policy", () => {
  it("reading and commenting follow the subject's readers, for every role", () => {
    for (const role of ROLES) {
      expect(canReadComments(member(role), subject(true))).toBe(true);
      expect(canComment(member(role), subject(true))).toBe(true);
      expect(canReadComments(member(role), subject(false))).toBe(false);
      expect(canComment(member(role), subject(false))).toBe(false);
    }
  });

  it("nobody from another partnership reads, writes or mentions, whatever the subject says", () => {
    for (const role of ROLES) {
      const outsider = member(role, `${role}-1`, "p2");
      const open = subject(true, true);
      expect(canReadComments(outsider, open)).toBe(false);
      expect(canComment(outsider, open)).toBe(false);
      expect(canEditComment(outsider, open, mine(role))).toBe(false);
      expect(canDeleteComment(outsider, open, mine(role))).toBe(false);
      expect(canResolveThread(outsider, open, mine(role))).toBe(false);
      expect(canBeMentioned(outsider, open)).toBe(false);
    }
  });

  it("edit: only the author, while they may still read the subject", () => {
    expect(ROLES.map((r) => canEditComment(member(r), subject(true), mine(r)))).toEqual([true, true, true, true]);
    expect(ROLES.map((r) => canEditComment(member(r), subject(true, true), theirs))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(canEditComment(member("teacher"), subject(false), mine("teacher"))).toBe(false);
  });

  it("delete: the author, or a coordinator who may read the subject", () => {
    expect(ROLES.map((r) => canDeleteComment(member(r), subject(true), mine(r)))).toEqual([true, true, true, true]);
    expect(ROLES.map((r) => canDeleteComment(member(r), subject(true, true), theirs))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(canDeleteComment(member("coordinator"), subject(false), theirs)).toBe(false);
  });

  it("resolve and reopen: the thread's starter, or whoever may change the subject", () => {
    expect(ROLES.map((r) => canResolveThread(member(r), subject(true), mine(r)))).toEqual([true, true, true, true]);
    expect(ROLES.map((r) => canResolveThread(member(r), subject(true, false), theirs))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(ROLES.map((r) => canResolveThread(member(r), subject(true, true), theirs))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(canResolveThread(member("teacher"), subject(false, true), mine("teacher"))).toBe(false);
  });

  it("mentions: only members who may read the subject", () => {
    expect(canBeMentioned(member("lsa"), subject(true))).toBe(true);
    expect(canBeMentioned(member("lsa"), subject(false))).toBe(false);
  });
});
