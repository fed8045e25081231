// The main navigation for a role: only sections that exist and that the role may use.
import { canInviteMembers, canViewAuditLog } from "~/policies/membership";
import type { Actor } from "~/policies/actor";
import { canViewDashboards } from "~/policies/dashboard";
import { canListStudents } from "~/policies/student";

export interface NavItem {
  to: string;
  label: string;
}

/** facts.hasDeployments: the member is deployed in at least one lesson (any role can be a supporter). */
export function navigationFor(actor: Actor, facts: { hasDeployments?: boolean } = {}): NavItem[] {
  const items: NavItem[] = [
    { to: "/home", label: "Home" },
    { to: "/courses", label: "Courses" },
    { to: "/documents", label: "Documents" },
    { to: "/strategies", label: "Strategies" },
    { to: "/gallery", label: "Shared practice" },
    ...(canViewDashboards(actor) ? [{ to: "/dashboards", label: "Dashboards" }] : []),
    { to: "/meeting-groups", label: "Meetings" },
    { to: "/actions", label: "My actions" },
    ...(canListStudents(actor) ? [{ to: "/students", label: "Students" }] : []),
    { to: "/people", label: "People" },
    { to: "/institutions", label: "Institutions" },
  ];
  if (actor.role === "lsa" || facts.hasDeployments) items.splice(1, 0, { to: "/deployments", label: "My deployments" });
  if (canInviteMembers(actor)) items.push({ to: "/people/invite", label: "Invitations" });
  if (canViewAuditLog(actor)) items.push({ to: "/audit", label: "Audit log" });
  items.push({ to: "/account", label: "Account" });
  return items;
}
