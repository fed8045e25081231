// The demo partnership: five fictional institutions of the kinds in DOMAIN.md and
// staff in every role spread across all five. Used on first start of the
// embedded default, by `npm run db:seed`, and by the tests.
import { flushSearchIndex } from "~/models/search/search-hooks.server";
import type { Db } from "~/models/db.server";
import { hashPassword } from "~/models/passwords.server";
import type { Role } from "~/lib/roles";
import type { InstitutionKind } from "~/lib/institutions";
import { seedCourses } from "./seed/courses";
import { seedStrategies } from "./seed/strategies";
import { seedLessonPlans } from "./seed/lessons";
import { seedMeetings } from "./seed/meetings";

export const DEMO_PARTNERSHIP = { name: "Ashbury Valley 14-19 Partnership", slug: "ashbury-valley" };

export const DEMO_PASSWORD = "staffroom-demo-2026";

export const DEMO_INSTITUTIONS = [
  { key: "hollins", name: "Hollins Park Sports College", kind: "sports_college", town: "Ashbury" },
  { key: "kestrel", name: "Kestrel Performing Arts College", kind: "performing_arts_college", town: "Ashbury" },
  { key: "brookfield", name: "Brookfield School", kind: "special_school", town: "Lowerby" },
  { key: "thornbury", name: "Thornbury Grammar School for the Deaf", kind: "school_for_the_deaf", town: "Thornbury" },
  { key: "ashbury", name: "Ashbury College", kind: "fe_college", town: "Ashbury" },
] as const satisfies ReadonlyArray<{ key: string; name: string; kind: InstitutionKind; town: string }>;

type InstitutionKey = (typeof DEMO_INSTITUTIONS)[number]["key"];

export const DEMO_USERS = [
  {
    key: "coordinator",
    name: "Helen Okafor",
    email: "helen.okafor@hollinspark.example",
    role: "coordinator",
    institution: "hollins",
    jobTitle: "14-19 partnership coordinator",
  },
  {
    key: "leader",
    name: "David Mensah",
    email: "david.mensah@kestrel.example",
    role: "leader",
    institution: "kestrel",
    jobTitle: "Headteacher",
  },
  {
    key: "leaderFe",
    name: "Gareth Lloyd",
    email: "gareth.lloyd@ashburycollege.example",
    role: "leader",
    institution: "ashbury",
    jobTitle: "Vice principal, curriculum",
  },
  {
    key: "teacher",
    name: "Sarah Whitfield",
    email: "sarah.whitfield@hollinspark.example",
    role: "teacher",
    institution: "hollins",
    jobTitle: "PE and BTEC Sport teacher",
  },
  {
    key: "teacherFe",
    name: "Tom Gallagher",
    email: "tom.gallagher@ashburycollege.example",
    role: "teacher",
    institution: "ashbury",
    jobTitle: "Lecturer, sport and public services",
  },
  {
    key: "teacherDance",
    name: "Priya Shah",
    email: "priya.shah@kestrel.example",
    role: "teacher",
    institution: "kestrel",
    jobTitle: "Head of dance",
  },
  {
    key: "teacherDeaf",
    name: "Mark Ellison",
    email: "mark.ellison@thornbury.example",
    role: "teacher",
    institution: "thornbury",
    jobTitle: "Teacher of the Deaf",
  },
  {
    key: "teacherSpecial",
    name: "Rachel Moore",
    email: "rachel.moore@brookfield.example",
    role: "teacher",
    institution: "brookfield",
    jobTitle: "Design technology teacher",
  },
  {
    key: "lsa",
    name: "Joanne Price",
    email: "joanne.price@brookfield.example",
    role: "lsa",
    institution: "brookfield",
    jobTitle: "Learning support assistant",
  },
  {
    key: "lsaDeaf",
    name: "Aisha Rahman",
    email: "aisha.rahman@thornbury.example",
    role: "lsa",
    institution: "thornbury",
    jobTitle: "Communication support worker (BSL)",
  },
] as const satisfies ReadonlyArray<{
  key: string;
  name: string;
  email: string;
  role: Role;
  institution: InstitutionKey;
  jobTitle: string;
}>;

export type DemoUserKey = (typeof DEMO_USERS)[number]["key"];

export function demoUser(key: DemoUserKey) {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (!user) throw new Error(`no demo user ${key}`);
  return user;
}

/** Seeds the demo partnership and returns its id. Safe only on a database without it. */
export async function seedDemoPartnership(
  db: Db,
  options: { slug?: string; name?: string; emailDomainSuffix?: string } = {},
) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const suffix = options.emailDomainSuffix ?? "";
  const seeded = await db.$transaction(
    async (tx) => {
      const partnership = await tx.partnership.create({
        data: {
          name: options.name ?? DEMO_PARTNERSHIP.name,
          slug: options.slug ?? DEMO_PARTNERSHIP.slug,
          isDemo: true,
        },
      });
      const institutionIds = new Map<string, string>();
      for (const institution of DEMO_INSTITUTIONS) {
        const created = await tx.institution.create({
          data: {
            partnershipId: partnership.id,
            name: institution.name,
            kind: institution.kind,
            town: institution.town,
          },
        });
        institutionIds.set(institution.key, created.id);
      }
      const userIds = new Map<string, string>();
      for (const user of DEMO_USERS) {
        const created = await tx.user.create({
          data: {
            partnershipId: partnership.id,
            institutionId: institutionIds.get(user.institution)!,
            email: user.email + suffix,
            name: user.name,
            role: user.role,
            jobTitle: user.jobTitle,
            passwordHash,
          },
        });
        userIds.set(user.key, created.id);
      }
      return { partnershipId: partnership.id, institutionIds, userIds };
    },
    { timeout: 30_000 },
  );
  await seedCourses(db, seeded.partnershipId);
  await seedStrategies(db, { slug: options.slug, emailDomainSuffix: suffix });
  await seedLessonPlans(db, seeded.partnershipId);
  await seedMeetings(db, seeded.partnershipId, seeded.userIds, seeded.institutionIds);
  // The seed's writes queued their search entries: written before the seed returns (and the client closes).
  await flushSearchIndex(db);
  return seeded;
}
