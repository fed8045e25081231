// A mixed teaching group to plan lessons for, made directly in the database:
// the BTEC First in Sport course led by Hollins Park with a co-planner at the FE
// college, a unit, a group at Hollins Park with students from three institutions
// (two MLD students from Brookfield, one deaf student from Thornbury), and a
// linked strategy. Tests create their own; the demo seed stays untouched.
import type { Db } from "~/models/db.server";

export interface LessonFixture {
  courseId: string;
  unitId: string;
  groupId: string;
  otherGroupId: string;
  studentIds: { hollins: string; mld1: string; mld2: string; deaf: string };
  strategyId: string;
}

export async function createLessonFixture(
  db: Db,
  seed: { partnershipId: string; institutionIds: Map<string, string>; userIds: Map<string, string> },
  label = "",
): Promise<LessonFixture> {
  const inst = (key: string) => seed.institutionIds.get(key)!;
  const user = (key: string) => seed.userIds.get(key)!;
  const course = await db.course.create({
    data: {
      partnershipId: seed.partnershipId,
      title: `BTEC First in Sport${label}`,
      kind: "qualification",
      qualification: "BTEC First Award in Sport",
      subject: "pe_sport",
      keyStage: "ks4",
      leadInstitutionId: inst("hollins"),
      planners: { create: [{ userId: user("teacher") }, { userId: user("teacherFe") }] },
      units: { create: [{ position: 1, title: "Unit 1: Fitness for sport and exercise" }] },
    },
    include: { units: true },
  });
  const student = (
    home: string,
    firstName: string,
    lastName: string,
    yearGroup: number,
    extra: Record<string, unknown> = {},
  ) =>
    db.student.create({
      data: {
        partnershipId: seed.partnershipId,
        homeInstitutionId: inst(home),
        firstName,
        lastName,
        yearGroup,
        ...extra,
      },
    });
  const hollins = await student("hollins", "Liam", "Carter", 10);
  const mld1 = await student("brookfield", "Kayden", "Brooks", 11, {
    senStatus: "ehc_plan",
    needAreas: "cognition_learning",
  });
  const mld2 = await student("brookfield", "Ellie", "Marsh", 11, {
    senStatus: "sen_support",
    needAreas: "cognition_learning",
  });
  const deaf = await student("thornbury", "Maya", "Patel", 10, {
    senStatus: "ehc_plan",
    needAreas: "sensory_physical",
    communicationMode: "bsl",
  });
  const group = await db.teachingGroup.create({
    data: {
      partnershipId: seed.partnershipId,
      courseId: course.id,
      name: `Year 10-11 BTEC Sport${label}`,
      siteId: inst("hollins"),
      teachers: { create: [{ userId: user("teacher") }] },
      students: { create: [hollins, mld1, mld2, deaf].map((s) => ({ studentId: s.id })) },
    },
  });
  const otherGroup = await db.teachingGroup.create({
    data: {
      partnershipId: seed.partnershipId,
      courseId: course.id,
      name: `Year 10 BTEC Sport B${label}`,
      siteId: inst("ashbury"),
      students: { create: [{ studentId: hollins.id }] },
    },
  });
  const strategy = await db.strategy.create({
    data: {
      partnershipId: seed.partnershipId,
      title: `Visual task cards${label}`,
      summary: "Each step of a practical task on a card with a picture.",
    },
  });
  return {
    courseId: course.id,
    unitId: course.units[0]!.id,
    groupId: group.id,
    otherGroupId: otherGroup.id,
    studentIds: { hollins: hollins.id, mld1: mld1.id, mld2: mld2.id, deaf: deaf.id },
    strategyId: strategy.id,
  };
}

export const briefing = {
  concepts: "The five components of physical fitness.",
  skills: "Measuring and recording a fitness test result.",
  outcomes: "Each student records two test results and names the component tested.",
  feedbackExpected: "Which steps each student completed without a prompt.",
  independence: "Prompt before clue, clue before model; step back once they start recording.",
};

/** A date n days from today as the forms send it (YYYY-MM-DD). */
export function dayFromToday(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}
