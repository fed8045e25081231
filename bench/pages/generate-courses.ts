// The generated partnership's courses: units, sites, co-planners (the demo teacher plans one course in six) and two
// mixed teaching groups per course with their teachers, students, weekly sessions and transport.
import type { Db } from "~/models/db.server";
import { titleSortKey } from "~/lib/title-order";
import { demoUser } from "../../prisma/seed-data";
import { insertAll, type PagesSize, type Person } from "./generate";
import { COURSE_TOPICS, makeId, type Random } from "./words";

export interface CourseWorld {
  partnershipId: string;
  institutionIds: string[];
  people: Person[];
  students: string[];
}

export interface GeneratedCourse {
  id: string;
  unitIds: string[];
  groups: { id: string; students: string[] }[];
  planners: string[];
}

const GROUP_SIZE = 16;

function unitRows(courseId: string, topics: readonly string[], n: number) {
  return Array.from({ length: 5 }, (_, position) => ({
    id: makeId("cu", n * 5 + position),
    courseId,
    position,
    title: `Unit ${position + 1}: ${topics[position % topics.length]}`,
    summary: `What students learn in unit ${position + 1}, and how it is assessed.`,
  }));
}

/** Rows of one course's teaching groups (and their teachers, students, sessions and transport). */
function groupRows(world: CourseWorld, courseId: string, n: number, teachers: string[], random: Random) {
  const rows = { groups: [] as object[], teachers: [] as object[], students: [] as object[], sessions: [] as object[] };
  const transport: object[] = [];
  const made: GeneratedCourse["groups"] = [];
  for (let g = 0; g < 2; g++) {
    const id = makeId("tg", n * 2 + g);
    const siteId = random.pick(world.institutionIds);
    const students = random.some(world.students, GROUP_SIZE);
    rows.groups.push({
      id,
      partnershipId: world.partnershipId,
      courseId,
      name: `Group ${String.fromCharCode(65 + g)} ${2025 + g}-${26 + g}`,
      siteId,
      academicYear: "2026-27",
    });
    rows.teachers.push(...teachers.slice(0, 1 + g).map((userId) => ({ groupId: id, userId })));
    rows.students.push(...students.map((studentId) => ({ groupId: id, studentId })));
    rows.sessions.push(
      ...[2, 4].map((day, s) => ({
        id: makeId("gs", n * 4 + g * 2 + s),
        groupId: id,
        dayOfWeek: day + g - s,
        startTime: "13:30",
        endTime: "15:00",
        siteId,
      })),
    );
    const from = world.institutionIds.find((i) => i !== siteId)!;
    transport.push({ groupId: id, institutionId: from, note: "Minibus from the main entrance at 13:05." });
    made.push({ id, students });
  }
  return { rows: { ...rows, transport }, made };
}

export async function generateCourses(
  store: Db,
  world: CourseWorld,
  random: Random,
  size: PagesSize,
): Promise<GeneratedCourse[]> {
  const existing = await store.course.findMany({
    where: { partnershipId: world.partnershipId },
    select: { id: true, units: { select: { id: true } }, groups: { select: { id: true } } },
  });
  const teachers = world.people.filter((p) => p.role === "teacher").map((p) => p.id);
  const demoTeacher = world.people.find((p) => p.name === demoUser("teacher").name)!.id;
  const rows = {
    courses: [] as object[],
    units: [] as object[],
    sites: [] as object[],
    planners: [] as object[],
    groups: [] as object[],
    teachers: [] as object[],
    students: [] as object[],
    sessions: [] as object[],
    transport: [] as object[],
  };
  const generated: GeneratedCourse[] = [];
  for (let n = 0; n < size.courses - existing.length; n++) {
    const [subject, name, topics] = COURSE_TOPICS[n % COURSE_TOPICS.length]!;
    const id = makeId("c", n);
    const lead = random.pick(world.institutionIds);
    const title = `${name} ${Math.floor(n / COURSE_TOPICS.length) + 1}`;
    rows.courses.push({
      id,
      partnershipId: world.partnershipId,
      title,
      // The bare client has no query extensions: it writes the key the application's client would.
      titleSortKey: titleSortKey(title),
      kind: n % 3 === 0 ? "adapted_module" : "qualification",
      qualification: n % 3 === 0 ? "" : `Level ${1 + (n % 2)} award in ${name}`,
      subject,
      keyStage: random.pick(["ks4", "14-19", "post16", "ks3"]),
      leadInstitutionId: lead,
      summary: `${name} delivered across the partnership, with practical sessions at the lead site.`,
    });
    const units = unitRows(id, topics, n);
    rows.units.push(...units);
    const sites = [
      lead,
      ...random.some(
        world.institutionIds.filter((i) => i !== lead),
        1 + random.int(2),
      ),
    ];
    rows.sites.push(...sites.map((institutionId) => ({ courseId: id, institutionId })));
    const planners = [...new Set([...(n % 6 === 0 ? [demoTeacher] : []), ...random.some(teachers, 3)])];
    rows.planners.push(...planners.map((userId) => ({ courseId: id, userId })));
    const groups = groupRows(world, id, n, planners, random);
    for (const key of ["groups", "teachers", "students", "sessions", "transport"] as const)
      rows[key].push(...groups.rows[key]);
    generated.push({ id, unitIds: units.map((u) => u.id), groups: groups.made, planners });
  }
  await insertAll(rows.courses, (data) => store.course.createMany({ data: data as never }));
  await insertAll(rows.units, (data) => store.courseUnit.createMany({ data: data as never }));
  await insertAll(rows.sites, (data) => store.courseSite.createMany({ data: data as never }));
  await insertAll(rows.planners, (data) => store.coursePlanner.createMany({ data: data as never }));
  await insertAll(rows.groups, (data) => store.teachingGroup.createMany({ data: data as never }));
  await insertAll(rows.teachers, (data) => store.groupTeacher.createMany({ data: data as never }));
  await insertAll(rows.students, (data) => store.groupStudent.createMany({ data: data as never }));
  await insertAll(rows.sessions, (data) => store.groupSession.createMany({ data: data as never }));
  await insertAll(rows.transport, (data) => store.groupTransport.createMany({ data: data as never }));
  // The demo's own courses get plans too, in their existing groups (their students are the seed's).
  const demoCourses = await store.course.findMany({
    where: { partnershipId: world.partnershipId, id: { in: existing.map((c) => c.id) } },
    select: {
      id: true,
      units: { select: { id: true } },
      planners: { select: { userId: true } },
      groups: { select: { id: true, students: { select: { studentId: true } } } },
    },
  });
  return [
    ...demoCourses.map((c) => ({
      id: c.id,
      unitIds: c.units.map((u) => u.id),
      planners: c.planners.map((p) => p.userId),
      groups: c.groups.map((g) => ({ id: g.id, students: g.students.map((s) => s.studentId) })),
    })),
    ...generated,
  ];
}
