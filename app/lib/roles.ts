// The four roles of a partnership member, in the partnership's own words.
export const ROLES = ["coordinator", "leader", "teacher", "lsa"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  coordinator: "Partnership coordinator",
  leader: "Leader",
  teacher: "Teacher",
  lsa: "LSA",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
