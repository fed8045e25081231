// Who must use two-step sign-in (decision 015): everyone whose role can see some student's details in full, that is
// the coordinator, leaders and teachers (app/policies/student.ts). An LSA sees need-to-know only and may choose it.
// The demo partnership, whose password is published and which signs in from this computer only, is exempt.
import type { Role } from "~/lib/roles";

const REQUIRED_ROLES: readonly Role[] = ["coordinator", "leader", "teacher"];

export function twoStepRequired(member: { role: Role }, partnership: { isDemo: boolean }): boolean {
  return !partnership.isDemo && REQUIRED_ROLES.includes(member.role);
}
