// The main navigation for a role: only sections that exist and that the role may use.
import type { NavItem } from "~/components/app-shell";
import { canInviteMembers, canViewAuditLog } from "~/policies/membership";
import type { Actor } from "~/policies/actor";
import { canListStudents } from "~/policies/student";

export function navigationFor(actor: Actor): NavItem[] {
  const items: NavItem[] = [
    { to: "/home", label: "Home" },
    { to: "/courses", label: "Courses" },
    { to: "/documents", label: "Documents" },
    { to: "/strategies", label: "Strategies" },
    ...(canListStudents(actor) ? [{ to: "/students", label: "Students" }] : []),
    { to: "/people", label: "People" },
    { to: "/institutions", label: "Institutions" },
  ];
  if (canInviteMembers(actor)) items.push({ to: "/people/invite", label: "Invitations" });
  if (canViewAuditLog(actor)) items.push({ to: "/audit", label: "Audit log" });
  items.push({ to: "/account", label: "Account" });
  return items;
}
