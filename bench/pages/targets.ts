// What bench:pages requests, as whom: /healthz (the baseline), ten search shapes, each dashboard, and the pages of
// issue 18 (home for three roles, course, plan, strategy library, group, "My deployments"). Pages of one record
// rotate through a sample of records, so no single row's luck decides a percentile.
import type { Db } from "~/models/db.server";
import { demoUser } from "../../prisma/seed-data";

export type Budget = "search" | "dashboard" | "page" | "baseline";
export type Member = "coordinator" | "teacher" | "lsa";

export interface Target {
  name: string;
  budget: Budget;
  /** Who asks (null: not signed in). */
  as: Member | null;
  paths: string[];
}

export const MEMBER_EMAILS: Record<Member, string> = {
  coordinator: demoUser("coordinator").email,
  teacher: demoUser("teacher").email,
  lsa: demoUser("lsa").email,
};

const SEARCHES: [string, string, Member][] = [
  ["search: one common word", "q=students", "coordinator"],
  ["search: a rare word", "q=choreography", "coordinator"],
  ["search: stemming", "q=differentiate", "coordinator"],
  ["search: phrase", "q=%22wait+time%22", "coordinator"],
  ["search: prefix", "q=assess*", "coordinator"],
  ["search: several words", "q=peer+assessment+criteria", "coordinator"],
  ["search: plans only, need facet", "q=support&type=plan&need=semh", "coordinator"],
  ["search: newest first, page 3", "q=lesson&sort=recent&page=3", "coordinator"],
  ["search: nothing matches", "q=zyxwvut", "coordinator"],
  ["search: as an LSA", "q=students", "lsa"],
];

const SAMPLE = 12;

/** Every n-th id, so the sample spreads over the table. */
function spread(ids: string[], count = SAMPLE): string[] {
  if (ids.length <= count) return ids;
  return Array.from({ length: count }, (_, i) => ids[Math.floor((i * ids.length) / count)]!);
}

export async function pageTargets(store: Db, partnershipId: string): Promise<Target[]> {
  const where = { partnershipId };
  const [plans, courses, groups] = await Promise.all([
    store.lessonPlan.findMany({ where, select: { id: true }, orderBy: { id: "asc" } }),
    store.course.findMany({ where, select: { id: true }, orderBy: { id: "asc" } }),
    store.teachingGroup.findMany({ where, select: { id: true }, orderBy: { id: "asc" } }),
  ]);
  return [
    { name: "/healthz", budget: "baseline", as: null, paths: ["/healthz"] },
    ...SEARCHES.map(([name, query, as]): Target => ({ name, budget: "search", as, paths: [`/search?${query}`] })),
    ...["deployment", "strategies", "co-planning", "meetings"].map((slug): Target => ({
      name: `dashboard: ${slug}`,
      budget: "dashboard",
      as: "coordinator",
      paths: [`/dashboards/${slug}`],
    })),
    { name: "home (coordinator)", budget: "page", as: "coordinator", paths: ["/home"] },
    { name: "home (teacher)", budget: "page", as: "teacher", paths: ["/home"] },
    { name: "home (LSA)", budget: "page", as: "lsa", paths: ["/home"] },
    { name: "course page", budget: "page", as: "coordinator", paths: spread(courses.map((c) => `/courses/${c.id}`)) },
    { name: "plan page", budget: "page", as: "coordinator", paths: spread(plans.map((p) => `/plans/${p.id}`)) },
    { name: "strategy library", budget: "page", as: "coordinator", paths: ["/strategies"] },
    { name: "group page", budget: "page", as: "coordinator", paths: spread(groups.map((g) => `/groups/${g.id}`)) },
    { name: "My deployments (LSA)", budget: "page", as: "lsa", paths: ["/deployments"] },
  ];
}

/** The budget a target's name falls under (the report looks targets up by name). */
export function pageBudget(name: string): Budget {
  if (name === "/healthz") return "baseline";
  if (name.startsWith("search:")) return "search";
  if (name.startsWith("dashboard:")) return "dashboard";
  return "page";
}
