// The four roles of a partnership member, in the partnership's own words.
export const ROLES = ["coordinator", "leader", "teacher", "lsa"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  coordinator: "Partnership coordinator",
  leader: "Leader",
  teacher: "Teacher",
  lsa: "LSA",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  coordinator: "Runs the partnership and chairs the practitioners' steering group; manages institutions and members.",
  leader: "Headteacher, principal or senior leader; browses shared practice across the partnership.",
  teacher: "Plans and teaches courses with colleagues across the partnership.",
  lsa: "Learning support assistant; supports students in lessons, often across sites.",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
