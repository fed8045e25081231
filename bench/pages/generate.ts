// Builds a partnership at the scale of issue 16's benchmark on a migrated, empty database: the demo partnership
// (its people sign in with the demo password, so the pages are measured as they see them), grown to the size asked
// with bulk inserts (createMany in large chunks, on a client without the search-indexing extension) and its search
// index written in the shape the index's builders write (bench/pages/search-entries.ts). Same rows every run.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "~/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "~/generated/postgres/client";
import { createDb, databaseProvider, sqliteFilePath, type Db } from "~/models/db.server";
import { seedDemoPartnership } from "../../prisma/seed-data";
import { generateCourses, type CourseWorld } from "./generate-courses";
import { generatePlans } from "./generate-plans";
import { generateLibraryAndMeetings } from "./generate-meetings";
import { writeSearchEntries } from "./search-entries";
import { FIRST_NAMES, LAST_NAMES, makeId, randomSource, type Random } from "./words";

export interface PagesSize {
  staff: number;
  students: number;
  courses: number;
  plans: number;
  deployments: number;
  strategies: number;
  meetings: number;
  /** Distinct co-edited plan bodies (strategies and minutes get fewer); see bench/pages/bodies.ts. */
  bodyVariants: number;
}

/** Issue 16's large partnership (five institutions: the demo's). */
export const FULL_SIZE: PagesSize = {
  staff: 300,
  students: 3_000,
  courses: 150,
  plans: 10_000,
  deployments: 40_000,
  strategies: 600,
  meetings: 300,
  bodyVariants: 40,
};

/** The same partnership with fewer plans (and their deployments): what grows with the plans alone shows up. */
export function withPlans(size: PagesSize, plans: number): PagesSize {
  return { ...size, plans, deployments: Math.round((size.deployments * plans) / size.plans) };
}

export interface GeneratedPartnership {
  partnershipId: string;
  /** Rows of the partnership by table, after generation. */
  counts: Record<string, number>;
  seconds: number;
}

/** A Prisma client without the search-indexing extension: the generator writes the index itself, in bulk. */
export function bareClient(url: string): Db {
  if (databaseProvider(url) === "postgresql") {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(url)}` }) });
}

/** Writes rows in chunks (one statement each), so neither engine meets its bound-parameter limit. */
export async function insertAll<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>, chunkSize = 500) {
  for (let i = 0; i < rows.length; i += chunkSize) await write(rows.slice(i, i + chunkSize));
}

export interface Person {
  id: string;
  institutionId: string;
  role: string;
  name: string;
}

async function generateStaff(store: Db, world: Omit<CourseWorld, "students">, random: Random, size: PagesSize) {
  const existing = await store.user.count({ where: { partnershipId: world.partnershipId } });
  const rows = [];
  for (let n = 0; n < size.staff - existing; n++) {
    const role = n % 5 === 0 ? "lsa" : n % 23 === 1 ? "leader" : "teacher";
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    rows.push({
      id: makeId("u", n),
      partnershipId: world.partnershipId,
      institutionId: random.pick(world.institutionIds),
      email: `${first}.${last}.${n}@staff.bench.example`.toLowerCase(),
      name: `${first} ${last}`,
      role,
      jobTitle: role === "lsa" ? "Learning support assistant" : role === "leader" ? "Assistant head" : "Teacher",
    });
  }
  await insertAll(rows, (data) => store.user.createMany({ data }));
}

async function generateStudents(
  store: Db,
  partnershipId: string,
  institutionIds: string[],
  random: Random,
  n0: number,
) {
  const rows = [];
  for (let n = 0; n < n0; n++) {
    const sen = random.chance(0.25);
    rows.push({
      id: makeId("s", n),
      partnershipId,
      homeInstitutionId: random.pick(institutionIds),
      firstName: random.pick(FIRST_NAMES),
      lastName: random.pick(LAST_NAMES),
      yearGroup: 9 + random.int(6),
      senStatus: sen ? random.pick(["sen_support", "ehc_plan"]) : "none",
      needAreas: sen
        ? random.some(["communication_interaction", "cognition_learning", "semh", "sensory_physical"], 2).join(",")
        : "",
      atRisk: random.chance(0.05),
    });
  }
  await insertAll(rows, (data) => store.student.createMany({ data }));
}

/** Generates the partnership into the migrated, empty database at url (SQLite file: or postgresql:). */
export async function generatePartnership(
  url: string,
  size: PagesSize,
  log: (message: string) => void = () => {},
  seed = 16,
): Promise<GeneratedPartnership> {
  const started = performance.now();
  const step = (what: string) => log(`${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const seeding = createDb(url);
  const demo = await seedDemoPartnership(seeding).finally(() => seeding.$disconnect());
  const store = bareClient(url);
  try {
    if (databaseProvider(url) === "sqlite") await store.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    step("demo partnership seeded");
    const random = randomSource(seed);
    const partnershipId = demo.partnershipId;
    const institutionIds = [...demo.institutionIds.values()];
    await generateStaff(store, { partnershipId, institutionIds, people: [] }, random, size);
    const studentCount = await store.student.count({ where: { partnershipId } });
    await generateStudents(store, partnershipId, institutionIds, random, size.students - studentCount);
    const [people, students] = await Promise.all([
      store.user.findMany({
        where: { partnershipId },
        select: { id: true, institutionId: true, role: true, name: true },
      }),
      store.student.findMany({ where: { partnershipId }, select: { id: true } }),
    ]);
    const world: CourseWorld = { partnershipId, institutionIds, people, students: students.map((s) => s.id) };
    const courses = await generateCourses(store, world, random, size);
    step("people and courses written");
    const strategies = await generateLibraryAndMeetings(store, world, random, size);
    step("strategies and meetings written");
    await generatePlans(store, world, courses, strategies, random, size);
    step("plans and deployments written");
    await writeSearchEntries(store, partnershipId);
    step("search index written");
    return {
      partnershipId,
      counts: await countRows(store, partnershipId),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await store.$disconnect();
  }
}

async function countRows(store: Db, partnershipId: string): Promise<Record<string, number>> {
  const where = { partnershipId };
  const [institutions, staff, students, courses, groups, plans, deployments, strategies, meetings, documents, search] =
    await Promise.all([
      store.institution.count({ where }),
      store.user.count({ where }),
      store.student.count({ where }),
      store.course.count({ where }),
      store.teachingGroup.count({ where }),
      store.lessonPlan.count({ where }),
      store.deployment.count({ where }),
      store.strategy.count({ where }),
      store.meeting.count({ where }),
      store.collabDocument.count({ where }),
      store.searchEntry.count({ where }),
    ]);
  return {
    institutions,
    staff,
    students,
    courses,
    teachingGroups: groups,
    lessonPlans: plans,
    deployments,
    strategies,
    meetings,
    documents,
    searchEntries: search,
  };
}
