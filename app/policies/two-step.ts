// Who must use two-step sign-in (decision 015): everyone who can see some student's details in full
// (app/policies/student.ts). The coordinator and leaders see every student; teachers those of their institution and
// of the groups they teach; an LSA those whose home institution is hers, so an LSA must when her institution is home
// to any student, and may choose to otherwise (elsewhere she sees need-to-know at most). The demo partnership, whose
// password is published and which signs in from this computer only, is exempt.
import type { Role } from "~/lib/roles";

export interface TwoStepFacts {
  /** The member's partnership is the seeded demo one. */
  isDemo: boolean;
  /** Some student of the partnership has the member's institution as their home institution. */
  institutionHasStudents: boolean;
}

export function twoStepRequired(member: { role: Role }, facts: TwoStepFacts): boolean {
  if (facts.isDemo) return false;
  return member.role === "lsa" ? facts.institutionHasStudents : true;
}
