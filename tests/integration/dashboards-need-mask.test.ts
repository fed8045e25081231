// The deployment dashboard's figures per area of need follow every change to the students a deployment supports and
// to their areas of need, on SQLite and PostgreSQL: the database keeps each deployment's needMask by triggers
// (migration dashboard_indexes), so a write through Prisma or raw SQL, or a cascade, is counted at once.
import { describe, expect, it } from "vitest";
import type { DashboardTable } from "~/lib/dashboards";
import { db } from "~/models/db.server";
import { deploymentDashboard, type DashboardQuery } from "~/models/dashboard-deployment.server";
import { deploymentRecords } from "~/models/dashboard-records.server";
import { dashboardScopeFor } from "~/policies/dashboard";
import { PROVIDERS } from "../support/databases";
import { actorOf, useModelDatabase } from "../support/model-database";

const RANGE = { from: "2026-09-01", to: "2026-12-31" };

async function buildFixture() {
  const suffix = Math.random().toString(36).slice(2, 8);
  const { id: pid } = await db().partnership.create({ data: { name: "Needs Partnership", slug: `needs-${suffix}` } });
  const { id: site } = await db().institution.create({
    data: { partnershipId: pid, name: "Ashby Sports College", kind: "sports_college" },
  });
  const user = async (key: string, role: string) =>
    (
      await db().user.create({
        data: { partnershipId: pid, institutionId: site, role, name: key, email: `${key}.${suffix}@needs.example` },
      })
    ).id;
  const coordinator = await user("coord", "coordinator");
  const lsa = await user("lsa", "lsa");
  const { id: courseId } = await db().course.create({
    data: {
      partnershipId: pid,
      title: "BTEC First in Sport",
      kind: "qualification",
      subject: "pe_sport",
      keyStage: "ks4",
      leadInstitutionId: site,
    },
  });
  const student = async (needAreas: string) =>
    (
      await db().student.create({
        data: { partnershipId: pid, homeInstitutionId: site, firstName: "F", lastName: "S", yearGroup: 10, needAreas },
      })
    ).id;
  const s1 = await student("cognition_learning");
  const s2 = await student("sensory_physical,semh");
  const { id: lessonPlanId } = await db().lessonPlan.create({
    data: { partnershipId: pid, courseId, title: "Warm-ups", lessonDate: new Date("2026-10-05T00:00:00.000Z") },
  });
  const { id: deploymentId } = await db().deployment.create({
    data: {
      partnershipId: pid,
      lessonPlanId,
      supporterId: lsa,
      mode: "group",
      minutes: 30,
      students: { create: [{ studentId: s1 }] },
    },
  });
  return { coordinator, s1, s2, deploymentId };
}

const perNeed = (tables: DashboardTable[]) =>
  Object.fromEntries(tables.find((t) => t.id === "per-need")!.rows.map((r) => [r.cells.need, r.cells.sessions]));

describe.each(PROVIDERS)("deployment figures per need on %s", (provider) => {
  useModelDatabase(provider);
  let fixture: Awaited<ReturnType<typeof buildFixture>>;
  let query: DashboardQuery;

  it("counts the needs of the students a deployment supports when it is made", async () => {
    fixture = await buildFixture();
    const actor = await actorOf(fixture.coordinator);
    query = { actor, scope: dashboardScopeFor(actor)!, range: RANGE };
    expect(perNeed(await deploymentDashboard(query))).toEqual({
      "Communication and interaction": 0,
      "Cognition and learning": 1,
      "Social, emotional and mental health": 0,
      "Sensory and/or physical": 0,
    });
  });

  it("follows a student added to and removed from the deployment, and a student's needs edited", async () => {
    const { s1, s2, deploymentId } = fixture;
    await db().deploymentStudent.create({ data: { deploymentId, studentId: s2 } });
    expect(await deploymentRecords(query, { need: "semh" })).toHaveLength(1);
    await db().student.update({ where: { id: s1 }, data: { needAreas: "communication_interaction" } });
    await db().deploymentStudent.delete({ where: { deploymentId_studentId: { deploymentId, studentId: s2 } } });
    expect(perNeed(await deploymentDashboard(query))).toEqual({
      "Communication and interaction": 1,
      "Cognition and learning": 0,
      "Social, emotional and mental health": 0,
      "Sensory and/or physical": 0,
    });
    expect(await deploymentRecords(query, { need: "semh" })).toHaveLength(0);
  });

  it("forgets the needs of a student who is deleted (the cascade counts too)", async () => {
    await db().student.delete({ where: { id: fixture.s1 } });
    expect(Object.values(perNeed(await deploymentDashboard(query)))).toEqual([0, 0, 0, 0]);
    expect(await deploymentRecords(query, { need: "communication_interaction" })).toHaveLength(0);
  });
});
